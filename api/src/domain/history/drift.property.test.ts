import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { positionLine } from '../position/position.js';

import { drift, findingChanges } from './drift.js';
import { rollup } from './rollup.js';

const lineArbitrary = fc
  .record({
    virtualAccountId: fc.integer({ min: 1, max: 4 }),
    licenseId: fc.integer({ min: 1, max: 4 }),
    ownedSmart: fc.nat(500),
    ownedClassic: fc.nat(50),
    consumed: fc.nat(500),
    reserved: fc.constant(0),
  })
  .map((s) => positionLine(s, { includeClassic: true }));
const positions = fc.uniqueArray(lineArbitrary, {
  selector: (l) => `${l.virtualAccountId}:${l.licenseId}`,
  maxLength: 16,
});
const sum = (
  xs: readonly { owned: number; consumed: number; balance: number }[],
  k: 'owned' | 'consumed' | 'balance',
) => xs.reduce((t, x) => t + x[k], 0);

describe('drift', () => {
  it('changes add up to the difference of the two positions', () => {
    fc.assert(
      fc.property(positions, positions, (before, after) => {
        const lines = drift(before, after);
        expect(lines.reduce((t, l) => t + l.ownedChange, 0)).toBe(
          sum(after, 'owned') - sum(before, 'owned'),
        );
        expect(lines.reduce((t, l) => t + l.consumedChange, 0)).toBe(
          sum(after, 'consumed') - sum(before, 'consumed'),
        );
        expect(lines.reduce((t, l) => t + l.balanceChange, 0)).toBe(
          sum(after, 'balance') - sum(before, 'balance'),
        );
      }),
    );
  });

  it('is empty between a position and itself', () => {
    fc.assert(
      fc.property(positions, (p) => {
        expect(drift(p, p)).toEqual([]);
      }),
    );
  });

  it('names new and resolved findings by key', () => {
    expect(findingChanges([{ key: 'a' }, { key: 'b' }], [{ key: 'b' }, { key: 'c' }])).toEqual({
      opened: [{ key: 'c' }],
      resolved: [{ key: 'a' }],
    });
  });
});

describe('rollup', () => {
  it('conserves owned and consumed across groups and puts untagged last', () => {
    fc.assert(
      fc.property(positions, (lines) => {
        const tag = (va: number) => (va === 4 ? null : va % 2 === 0 ? 'EMEA' : 'AMER');
        const groups = rollup(lines, tag);
        const owned = groups.flatMap((g) => g.positions).reduce((t, p) => t + p.owned, 0);
        const consumed = groups.flatMap((g) => g.positions).reduce((t, p) => t + p.consumed, 0);
        expect([owned, consumed]).toEqual([sum(lines, 'owned'), sum(lines, 'consumed')]);
        const names = groups.map((g) => g.group);
        expect(names).toEqual([
          ...names.filter((n) => n !== null).sort(),
          ...names.filter((n) => n === null),
        ]);
      }),
    );
  });
});
