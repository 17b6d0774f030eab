import { describe, expect, it } from 'vitest';

import { addDays } from './calendar.js';
import type { SmallEstate } from './estate.js';
import { SMALL_DESIGNED_CASES as CASES } from './small-cases.js';
import { consumptionAt, pairKey } from './small-lots.js';
import { buildSmallEstate } from './small.js';

function ownedAt(estate: SmallEstate, asOf: string): Map<string, number> {
  const owned = new Map<string, number>();
  for (const lot of estate.lots) {
    const started = lot.startDate === null || lot.startDate <= asOf;
    const running =
      lot.licenseType === 'PERPETUAL' || (lot.endDate !== null && lot.endDate >= asOf);
    if (!started || !running) continue;
    const key = pairKey(lot.virtualAccount, lot.license);
    owned.set(key, (owned.get(key) ?? 0) + lot.quantity);
  }
  return owned;
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i * 7919 + 1);
const DATES = ['2025-06-30', '2024-02-29', '2023-12-31'];

describe('buildSmallEstate', () => {
  it('returns the same estate for the same reference date and seed', () => {
    expect(buildSmallEstate('2025-06-30', 42)).toEqual(buildSmallEstate('2025-06-30', 42));
    expect(buildSmallEstate('2025-06-30', 42)).not.toEqual(buildSmallEstate('2025-06-30', 43));
  });

  it.each(DATES.flatMap((date) => SEEDS.map((seed) => [date, seed] as const)))(
    'builds in the designed shortfalls, and only those, as of %s with seed %i',
    (referenceDate, seed) => {
      const estate = buildSmallEstate(referenceDate, seed);
      const consumed = consumptionAt(estate.usage, estate.reservations, referenceDate);
      const owned = ownedAt(estate, referenceDate);
      const shortfalls = [...consumed]
        .filter(([key, q]) => q > (owned.get(key) ?? 0))
        .map(([key, q]) => [key, q - (owned.get(key) ?? 0)]);
      expect(Object.fromEntries(shortfalls)).toEqual({
        [pairKey(CASES.curableShortfall.shortVirtualAccount, CASES.curableShortfall.license)]:
          CASES.curableShortfall.shortfall,
        [pairKey(CASES.uncurableShortfall.shortVirtualAccount, CASES.uncurableShortfall.license)]:
          CASES.uncurableShortfall.shortfall,
      });
      const expiring = estate.lots.filter(
        (lot) =>
          lot.licenseType === 'TERM' &&
          lot.startDate !== null &&
          lot.startDate <= referenceDate &&
          lot.endDate !== null &&
          lot.endDate >= referenceDate &&
          lot.endDate <= addDays(referenceDate, 60),
      );
      expect(expiring.map((lot) => [lot.virtualAccount, lot.license])).toEqual([
        [CASES.expiringTerm.virtualAccount, CASES.expiringTerm.license],
      ]);
      expect(estate.instances.length).toBeGreaterThanOrEqual(550);
      expect(estate.instances.length).toBeLessThanOrEqual(650);
      const udis = new Set(estate.instances.map((i) => `${i.udiPid}/${i.udiSerial}`));
      expect(udis.size).toBe(estate.instances.length);
      expect(estate.usage.every((u) => u.asOf <= referenceDate)).toBe(true);
    },
  );
});

describe('the demo usage history (quarterly snapshots)', () => {
  it('has at least 5 quarter-end snapshots strictly before the reference date, growing a few % a quarter', () => {
    const estate = buildSmallEstate('2026-12-03', 1);
    const history = estate.history;
    expect(history.length).toBeGreaterThanOrEqual(5);
    expect(history.every((s) => s.asOf < '2026-12-03')).toBe(true);
    // One per quarter, oldest first, each the last day of its quarter.
    expect(history.map((s) => s.asOf)).toEqual([
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
    ]);
    const totals = history.map((s) => s.lines.reduce((a, l) => a + l.consumed, 0));
    const now = [...consumptionAt(estate.usage, estate.reservations, '2026-12-03').values()].reduce(
      (a, q) => a + q,
      0,
    );
    // Gradual growth: each quarter 1–6 % above the one before, ending below today's consumption
    // (no jump from ~176 to ~15,700 units).
    for (const [i, total] of [...totals, now].entries()) {
      if (i === 0) continue;
      const before = totals[i - 1] ?? 0;
      expect(total / before).toBeGreaterThan(1.01);
      expect(total / before).toBeLessThan(1.06);
    }
  });
});
