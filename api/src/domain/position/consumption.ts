import type { IsoDate } from '../calendar.js';

/**
 * How the vendor bills a Virtual Account × license, from its ledger line: PREPAID and
 * SUBSCRIPTION draw on owned entitlement; USAGE is billed in arrears for what is consumed, so it
 * is never short. UNKNOWN (no ledger, or the source did not say) is treated like PREPAID.
 */
export type BillingType = 'PREPAID' | 'USAGE' | 'SUBSCRIPTION' | 'UNKNOWN';

/** The account ledger's figures for a Virtual Account × license: its latest report on or before the date. */
export interface LedgerUsage {
  readonly consumed: number;
  /** The as-of date of that ledger report. */
  readonly asOf: IsoDate;
  /** The ledger's own `reserved` figure (a breakdown of `consumed`); null when it does not state one. */
  readonly reserved: number | null;
  readonly billing: BillingType;
}

/** Device-level figures of a Virtual Account × license (see `deviceConsumption`). */
export interface DeviceUsage {
  /** Σ over devices of max(latest report, reserved). */
  readonly consumed: number;
  /** Σ held by SLR/PLR reservations (from authorization codes). */
  readonly reserved: number;
  /** Latest device usage report date among those devices; null when only reservations exist. */
  readonly reportedOn: IsoDate | null;
  /** Latest reservation event date; null without reservations. */
  readonly reservedOn: IsoDate | null;
}

/** Which figure a Virtual Account × license's consumption comes from. */
export type ConsumptionSource = 'LEDGER' | 'DEVICE' | 'NONE';

export interface Consumption {
  readonly consumed: number;
  readonly source: ConsumptionSource;
  /** When the figure used was last reported on or before the date; null: never ("not reported"). */
  readonly usageReportedAt: IsoDate | null;
}

const later = (a: IsoDate | null, b: IsoDate | null): IsoDate | null =>
  a === null ? b : b === null || a >= b ? a : b;

/**
 * Consumed for a Virtual Account × license. Where both the account's ledger (licenses export /
 * API) and device-level usage reports exist, the newer by date wins; on the same date the ledger
 * wins (it is what the vendor bills from). Reservations alone (no device report) never outrank
 * a ledger: Cisco's in-use already includes reserved quantities. Without a ledger, the device
 * sum is used. A difference between the two is a finding (LEDGER_DEVICE_MISMATCH), never hidden.
 */
export function virtualAccountConsumption(
  ledger: LedgerUsage | null,
  device: DeviceUsage | null,
): Consumption {
  const deviceDate = device ? later(device.reportedOn, device.reservedOn) : null;
  const deviceWins =
    device !== null &&
    (ledger === null || (device.reportedOn !== null && device.reportedOn > ledger.asOf));
  if (deviceWins) {
    return { consumed: device.consumed, source: 'DEVICE', usageReportedAt: deviceDate };
  }
  if (ledger) return { consumed: ledger.consumed, source: 'LEDGER', usageReportedAt: ledger.asOf };
  return { consumed: 0, source: 'NONE', usageReportedAt: null };
}
