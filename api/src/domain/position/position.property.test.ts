import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { licensePositions } from './license-position.js';
import { positionLine, type PositionSums } from './position.js';

const quantity = fc.integer({ min: 0, max: 100_000 });
const sumsArbitrary: fc.Arbitrary<PositionSums> = fc.record({
  virtualAccountId: fc.integer({ min: 1, max: 8 }),
  licenseId: fc.integer({ min: 1, max: 5 }),
  ownedSmart: quantity,
  ownedClassic: quantity,
  consumed: quantity,
  reserved: quantity,
});

describe('position properties', () => {
  it('balances every line: owned − consumed = surplus − shortfall, never both', () => {
    fc.assert(
      fc.property(sumsArbitrary, fc.boolean(), (sums, includeClassic) => {
        const line = positionLine(sums, { includeClassic });
        expect(line.owned - line.consumed).toBe(line.surplus - line.shortfall);
        expect(line.shortfall * line.surplus).toBe(0);
        expect(line.owned).toBe(sums.ownedSmart + (includeClassic ? sums.ownedClassic : 0));
      }),
    );
  });

  it('conserves totals per license and bounds the net shortfall by the gross', () => {
    fc.assert(
      fc.property(
        fc.array(sumsArbitrary, { maxLength: 40 }),
        fc.boolean(),
        (all, includeClassic) => {
          const lines = all.map((sums) => positionLine(sums, { includeClassic }));
          const positions = licensePositions(lines);
          for (const position of positions) {
            const mine = lines.filter((l) => l.licenseId === position.licenseId);
            expect(position.owned).toBe(mine.reduce((t, l) => t + l.owned, 0));
            expect(position.consumed).toBe(mine.reduce((t, l) => t + l.consumed, 0));
            expect(position.netShortfall).toBeLessThanOrEqual(position.grossShortfall);
            expect(position.netShortfall).toBe(
              Math.max(0, position.grossShortfall - position.grossSurplus),
            );
            // Only Smart units move: a line can give min(its surplus, its Smart owned).
            const movable = mine.reduce((t, l) => t + Math.min(l.surplus, l.ownedSmart), 0);
            expect(position.curableByReallocation).toBe(Math.min(position.grossShortfall, movable));
            expect(position.curableByReallocation + position.curableByConversion).toBe(
              position.grossShortfall - position.netShortfall,
            );
            expect(position.curableByConversion).toBeGreaterThanOrEqual(0);
            if (!includeClassic) expect(position.curableByConversion).toBe(0);
          }
          expect(new Set(positions.map((p) => p.licenseId)).size).toBe(
            new Set(lines.map((l) => l.licenseId)).size,
          );
        },
      ),
    );
  });
});
