import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';
import { DomainError } from '../errors.js';
import { isLotActive } from '../position/lot.js';

import { planConversion, type ConvertibleLot } from './classic-conversion.js';

type Lot = ConvertibleLot & {
  readonly effectiveFrom: string | null;
  readonly supersededOn: string | null;
};

const day = fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d));
const lotArbitrary = fc.record({
  quantity: fc.integer({ min: 0, max: 40 }),
  licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
  startDate: fc.option(day, { nil: null }),
  endDate: fc.option(day, { nil: null }),
  source: fc.constantFrom('SMART' as const, 'CLASSIC_PAK' as const),
});

/** Owned at a date the way the position counts it: smart-only, and unified (smart + classic). */
function owned(lots: readonly Lot[], asOf: string) {
  const active = lots.filter((lot) => isLotActive(lot, asOf));
  const smart = active.filter((l) => l.source === 'SMART').reduce((t, l) => t + l.quantity, 0);
  return { smart, unified: active.reduce((t, l) => t + l.quantity, 0) };
}

describe('planConversion (property)', () => {
  it('conserves unified owned at every date and moves exactly the converted quantity to smart from asOf on', () => {
    fc.assert(
      fc.property(
        fc.array(lotArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            quantity: fc.option(fc.nat(40), { nil: undefined }),
            asOf: day,
          }),
          {
            maxLength: 5,
          },
        ),
        (drafts, steps) => {
          let lots: Lot[] = drafts.map((d, id) => ({
            ...d,
            id,
            effectiveFrom: null,
            supersededOn: null,
          }));
          for (const step of steps) {
            const lot = lots[step.pick % lots.length]!;
            let plan;
            try {
              plan = planConversion({ lot, quantity: step.quantity, asOf: step.asOf });
            } catch (error) {
              if (error instanceof DomainError) continue;
              throw error;
            }
            const { id: _id, ...terms } = lot;
            const next: Lot[] = [
              ...lots.map((l) =>
                l.id === lot.id ? { ...l, supersededOn: plan.supersedeSourceOn } : l,
              ),
              { ...terms, ...plan.smartLot, id: lots.length },
              ...(plan.remainderLot
                ? [{ ...terms, ...plan.remainderLot, id: lots.length + 1 }]
                : []),
            ];
            for (const offset of [-30, -1, 0, 1, 90, 500]) {
              const date = addDays(step.asOf, offset);
              const [before, after] = [owned(lots, date), owned(next, date)];
              expect(after.unified).toBe(before.unified);
              const raised = offset >= 0 && isLotActive(lot, date) ? plan.quantity : 0;
              expect(after.smart - before.smart).toBe(raised);
            }
            lots = next;
          }
        },
      ),
    );
  });
});
