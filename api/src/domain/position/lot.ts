import type { IsoDate } from '../calendar.js';
import type { ConnectionMode } from '../instances/connection-mode.js';

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
 * The terms of a reserved entitlement as its authorization code states them; null fields when
 * no code said (a reservation recorded by hand counts like a perpetual one).
 */
export interface ReservationTerms {
  readonly licenseType: LicenseType | null;
  readonly endDate: IsoDate | null;
}

/**
 * Whether a reservation's entitlement is still in term at `asOf`: a TERM reservation with an
 * end date counts through that day (inclusive) and not after; anything else never lapses. A
 * lapsed one no longer counts as reserved or consumed (it is RESERVATION_EXPIRED instead).
 */
export function isReservationInTerm(terms: ReservationTerms, asOf: IsoDate): boolean {
  return terms.licenseType !== 'TERM' || terms.endDate === null || terms.endDate >= asOf;
}

/**
 * Quantity an SLR/PLR reservation pins at `asOf`: the sum of its event deltas up to and
 * including that day (the append-only trail is the truth). Never negative. With `terms`, a
 * reservation past its term's end counts 0 (see `isReservationInTerm`).
 */
export function reservedAt(
  events: readonly ReservationChange[],
  asOf: IsoDate,
  terms?: ReservationTerms,
): number {
  if (terms && !isReservationInTerm(terms, asOf)) return 0;
  let total = 0;
  for (const event of events) if (event.occurredOn <= asOf) total += event.quantityDelta;
  return Math.max(0, total);
}

/** How a device reaches Cisco (the connection mode of its product instance). */
export type DeviceMode = ConnectionMode;

/**
 * The PLR rule. A Permanent License Reservation device holds one universal, offline entitlement
 * to every feature of its product: no per-license counts, and it never reports to Cisco. So:
 *
 * - what its PLR consumes is what its reservation records pin (the PLR authorization: typically
 *   1 × the PLR license for that device), counted like any reservation;
 * - the per-feature usage it may still show (a RUM report, an instances export) is covered by
 *   the PLR itself: it is not consumption of separately bought licenses, and never an
 *   OVER_RESERVATION.
 *
 * Returns the reported in-use that counts as consumption for a device in `mode`.
 */
export function countedUsage(mode: DeviceMode, reportedInUse: number): number {
  return mode === 'PLR' ? 0 : reportedInUse;
}

/**
 * What one device consumes of one license: its reported in-use (as `countedUsage` counts it), but never less than what it
 * holds reserved (a reserved license is consumed even when the device cannot report). Cisco's
 * in-use already includes reserved quantities, so the two are not added.
 */
export function deviceConsumption(reportedInUse: number, reserved: number): number {
  return Math.max(reportedInUse, reserved);
}
