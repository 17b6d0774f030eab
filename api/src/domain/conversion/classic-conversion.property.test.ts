import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';
import { DomainError } from '../errors.js';

import { planConversion, type ConvertibleLot } from './classic-conversion.js';

type Lot = ConvertibleLot & {
  readonly effectiveFrom: string | null;
  readonly supersededOn: string | null;
};

const days = (min: number, max: number) =>
  fc.integer({ min, max }).map((d) => addDays('2026-01-01', d));
const day = days(0, 400);
// Mostly convertible lots (classic, started by mid-year, ending late), with some that are not:
// a conversion step that is refused checks nothing, so refusals must stay the minority.
const lotArbitrary = fc.record({
  quantity: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 1, max: 40 }) },
    { weight: 1, arbitrary: fc.constant(0) },
  ),
  licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
  startDate: fc.option(days(0, 180), { nil: null }),
  endDate: fc.option(fc.oneof({ weight: 4, arbitrary: days(300, 700) }, day), { nil: null }),
  source: fc.oneof(
    { weight: 4, arbitrary: fc.constant('CLASSIC_PAK' as const) },
    { weight: 1, arbitrary: fc.constant('SMART' as const) },
  ),
});

/**
 * Whether a lot counts on `date`, written here from the rule rather than taken from production:
 * its record is current (not superseded on or before the date, not effective after it), it has
 * started, and a TERM lot with an end date has not ended (both ends inclusive).
 */
function counts(lot: Lot, date: string): boolean {
  if (lot.supersededOn !== null && lot.supersededOn <= date) return false;
  if (lot.effectiveFrom !== null && lot.effectiveFrom > date) return false;
  if (lot.startDate !== null && lot.startDate > date) return false;
  if (lot.licenseType === 'TERM' && lot.endDate !== null && lot.endDate < date) return false;
  return true;
}

/** Owned at a date the way the position counts it: smart-only, and unified (smart + classic). */
function owned(lots: readonly Lot[], asOf: string) {
  const active = lots.filter((lot) => counts(lot, asOf));
  const smart = active.filter((l) => l.source === 'SMART').reduce((t, l) => t + l.quantity, 0);
  return { smart, unified: active.reduce((t, l) => t + l.quantity, 0) };
}

describe('planConversion (property)', () => {
  it('conserves unified owned at every date and moves exactly the converted quantity to smart from asOf on', () => {
    // Refused steps (DomainError) check nothing: count them so the property cannot pass vacuously.
    let converted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(lotArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            /** Share of the lot to convert, in percent (over 100: more than the lot holds). */
            percent: fc.option(fc.integer({ min: 1, max: 110 }), { nil: undefined }),
            asOf: days(150, 300),
          }),
          {
            maxLength: 5,
          },
        ),
        (drafts, steps) => {
          let lots: Lot[] = drafts.map((d, id) => ({
            ...d,
            id,
            virtualAccountId: 1,
            effectiveFrom: null,
            supersededOn: null,
          }));
          // Conversions in date order, as they happen (an earlier one than the last is refused).
          const ordered = [...steps].sort((a, b) =>
            a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0,
          );
          for (const step of ordered) {
            // Mostly current classic records (a superseded or SMART one is refused).
            const current = lots.filter(
              (l) => l.supersededOn === null && l.source === 'CLASSIC_PAK',
            );
            const pool = step.pick % 10 === 0 || current.length === 0 ? lots : current;
            const lot = pool[step.pick % pool.length]!;
            const quantity =
              step.percent === undefined
                ? undefined
                : Math.max(1, Math.ceil((lot.quantity * step.percent) / 100));
            let plan;
            try {
              plan = planConversion({ lot, quantity, asOf: step.asOf });
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              refused += 1;
              continue;
            }
            converted += 1;
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
              const raised = offset >= 0 && counts(lot, date) ? plan.quantity : 0;
              expect(after.smart - before.smart).toBe(raised);
            }
            lots = next;
          }
        },
      ),
    );
    expect(converted).toBeGreaterThan(refused);
  });
});
