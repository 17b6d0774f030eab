import type { IsoDate } from '../calendar.js';

/**
 * UNKNOWN: the source gave no type and nothing else tells (see `lotTypeFromEvidence`); such a
 * lot counts as active with no known end, and a transfer of it must be checked in CSSM.
 */
export type LicenseType = 'TERM' | 'PERPETUAL' | 'UNKNOWN';
export type EntitlementSource = 'SMART' | 'CLASSIC_PAK';

/** The fields of an entitlement lot that decide whether it counts at a date. */
export interface LotTerms {
  readonly licenseType: LicenseType;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** Set when this lot's record replaced an older export's: it counts from this date. */
  readonly effectiveFrom?: IsoDate | null;
  /** Set when a newer export replaced this lot's record: it stops counting on this date. */
  readonly supersededOn?: IsoDate | null;
}

/**
 * A lot counts as owned at `asOf` when its record is current (see `isRecordCurrent`), it has started (no start date = always started) and,
 * for TERM lots, has not ended: start ≤ asOf ≤ end, both inclusive. A TERM lot with no end
 * date is treated as open-ended (Cisco exports sometimes omit it). PERPETUAL lots never end.
 * An UNKNOWN lot is active with no known end (it has no end date; if one is ever recorded, it
 * ends then, like a TERM lot).
 */
export function isLotActive(lot: LotTerms, asOf: IsoDate): boolean {
  if (!isRecordCurrent(lot, asOf)) return false;
  if (lot.startDate !== null && lot.startDate > asOf) return false;
  if (lot.licenseType === 'PERPETUAL' || lot.endDate === null) return true;
  return lot.endDate >= asOf;
}

/**
 * Whether a lot's record is the one that describes `asOf`: a licenses export replaces the
 * Virtual Account's lots from its as-of date on, and the replaced records still describe
 * earlier dates (history is kept, never double counted).
 */
export function isRecordCurrent(
  lot: Pick<LotTerms, 'effectiveFrom' | 'supersededOn'>,
  asOf: IsoDate,
): boolean {
  if (lot.supersededOn && lot.supersededOn <= asOf) return false;
  if (lot.effectiveFrom && lot.effectiveFrom > asOf) return false;
  return true;
}

/** A reservation event: its signed quantity change and the day it took effect. */
export interface ReservationChange {
  readonly quantityDelta: number;
  readonly occurredOn: IsoDate;
}

/**
 * Quantity an SLR/PLR reservation pins at `asOf`: the sum of its event deltas up to and
 * including that day (the append-only trail is the truth). Never negative.
 */
export function reservedAt(events: readonly ReservationChange[], asOf: IsoDate): number {
  let total = 0;
  for (const event of events) if (event.occurredOn <= asOf) total += event.quantityDelta;
  return Math.max(0, total);
}

/**
 * What one device consumes of one license: its reported in-use, but never less than what it
 * holds reserved (a reserved license is consumed even when the device cannot report). Cisco's
 * in-use already includes reserved quantities, so the two are not added.
 */
export function deviceConsumption(reportedInUse: number, reserved: number): number {
  return Math.max(reportedInUse, reserved);
}

/**
 * Consumed for a Virtual Account × license: the account's ledger (licenses export / API) when
 * one exists, since that is what the vendor bills from; otherwise the sum over its devices.
 * A difference between the two is a finding, never a silent override.
 */
export function virtualAccountConsumption(ledger: number | null, deviceSum: number): number {
  return ledger ?? deviceSum;
}
