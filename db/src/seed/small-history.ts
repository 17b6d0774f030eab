import { addDays } from './calendar.js';
import type { LotPlan, ReservationPlan, SnapshotLinePlan, SnapshotPlan } from './estate.js';
import { pairKey } from './small-lots.js';

/**
 * Consumption growth per quarter going back from the reference date, most recent quarter
 * first (basis points): a few % a quarter, uneven as real estates are, about 12 % a year.
 */
export const HISTORY_QUARTERLY_GROWTH_BASIS_POINTS = [300, 250, 350, 300, 200, 350] as const;

/** The last day of the quarter before the one containing `isoDate`. */
function previousQuarterEnd(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const start = `${year}-${String(quarterStartMonth).padStart(2, '0')}-01`;
  return addDays(start, -1);
}

function ownedAt(lots: readonly LotPlan[], asOf: string): Map<string, number> {
  const owned = new Map<string, number>();
  for (const lot of lots) {
    const started = lot.startDate === null || lot.startDate <= asOf;
    const running =
      lot.licenseType === 'PERPETUAL' || (lot.endDate !== null && lot.endDate >= asOf);
    if (!started || !running) continue;
    const key = pairKey(lot.virtualAccount, lot.license);
    owned.set(key, (owned.get(key) ?? 0) + lot.quantity);
  }
  return owned;
}

function reservedAt(reservations: readonly ReservationPlan[], asOf: string): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const r of reservations) {
    const quantity = r.events
      .filter((e) => e.occurredOn <= asOf)
      .reduce((sum, e) => sum + e.quantityDelta, 0);
    const key = pairKey(r.virtualAccount, r.license);
    reserved.set(key, (reserved.get(key) ?? 0) + quantity);
  }
  return reserved;
}

/**
 * The demo's usage history: a quarter-end snapshot for each of the six quarters before the
 * reference date's quarter, consumption taken back from today's by
 * {@link HISTORY_QUARTERLY_GROWTH_BASIS_POINTS} (rounded per line), owned and reserved as the
 * lots and reservation events stood that day. Strictly before the reference date, so the
 * current position is untouched; the snapshot trend of `renewal` reads it.
 */
export function smallHistory(
  referenceDate: string,
  consumedNow: ReadonlyMap<string, number>,
  lots: readonly LotPlan[],
  reservations: readonly ReservationPlan[],
): SnapshotPlan[] {
  const history: SnapshotPlan[] = [];
  let asOf = referenceDate;
  let factor = 1;
  for (const rate of HISTORY_QUARTERLY_GROWTH_BASIS_POINTS) {
    asOf = previousQuarterEnd(asOf);
    factor /= 1 + rate / 10_000;
    const owned = ownedAt(lots, asOf);
    const reserved = reservedAt(reservations, asOf);
    const keys = [...new Set([...consumedNow.keys(), ...owned.keys()])].sort();
    const lines: SnapshotLinePlan[] = keys.map((key) => {
      const [virtualAccount = '', license = ''] = key.split('\u0000');
      const consumed = Math.round((consumedNow.get(key) ?? 0) * factor);
      return {
        virtualAccount,
        license,
        owned: owned.get(key) ?? 0,
        consumed,
        reserved: Math.min(consumed, Math.max(0, reserved.get(key) ?? 0)),
      };
    });
    const quarter = `${asOf.slice(0, 4)}-Q${Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1}`;
    history.unshift({ name: `${quarter} quarterly reconciliation (demo history)`, asOf, lines });
  }
  return history;
}
