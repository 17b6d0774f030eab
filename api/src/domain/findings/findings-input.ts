import type { IsoDate } from '../calendar.js';
import type { ConnectionMode } from '../instances/connection-mode.js';
import type { LotTerms, EntitlementSource, LicenseType } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

/** BASE licenses stand alone; an ADD_ON license needs its base on the same device. */
export type LicenseKind = 'BASE' | 'ADD_ON';
export type { ConnectionMode };
/** Whether a product instance is still in service. */
export type InstanceStatus = 'ACTIVE' | 'DECOMMISSIONED';
/** Specific (SLR) or permanent (PLR) license reservation. */
export type ReservationType = 'SLR' | 'PLR';

/** A Virtual Account, for names in messages and ordering. */
export interface VirtualAccountRecord {
  readonly id: number;
  readonly name: string;
}

/** A license with its catalog relation (never from Cisco's data). */
export interface LicenseRecord {
  readonly id: number;
  readonly name: string;
  readonly kind: LicenseKind;
  /**
   * For an ADD_ON, the BASE license the catalog CSV names (the customer's override); null
   * when the catalog names none. Without it the relation comes from the family and tier
   * rules (`baseRequirement`).
   */
  readonly requiredBaseLicenseId: number | null;
  /** Cisco's entitlement tag, read by the relation rules; null or absent when unknown. */
  readonly entitlementTag?: string | null;
  /** The SKU (product id), read by the relation rules; null or absent when unknown. */
  readonly sku?: string | null;
}

/**
 * An entitlement lot, every record whose validity reaches `asOf` or later (not superseded
 * on or before `asOf`), including TERM lots that already ended: the expiry findings need them.
 * A loader may pass only the lots the rules read (see `FindingsCutoffs`): same findings.
 */
export interface LotRecord extends LotTerms {
  readonly id: number;
  readonly virtualAccountId: number;
  readonly licenseId: number;
  /** Non-negative integer. */
  readonly quantity: number;
  readonly source: EntitlementSource;
  readonly pakNumber: string | null;
  readonly sku: string | null;
}

/** A registered device (product instance). */
export interface InstanceRecord {
  readonly id: number;
  readonly virtualAccountId: number;
  /** CSSM instance name, the one people recognise. */
  readonly name: string;
  readonly hostname: string | null;
  readonly connectionMode: ConnectionMode;
  readonly status: InstanceStatus;
  /** UTC calendar day of the last check-in; null when never reported. */
  readonly lastContactAt: IsoDate | null;
  /** The SSM On-Prem satellite it reports through (ON_PREM), else null. */
  readonly satelliteId: number | null;
  /** The instance that replaced this one (RMA), when known. */
  readonly replacedById: number | null;
}

/** The latest usage report on or before `asOf` of one instance × license. */
export interface UsageRecord {
  readonly instanceId: number;
  readonly licenseId: number;
  /** Reported in use; a non-negative integer. */
  readonly quantity: number;
}

/** An SLR/PLR reservation with the quantity it pins at `asOf` (sum of its events). */
export interface ReservationRecord {
  readonly id: number;
  readonly instanceId: number;
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly reservationType: ReservationType;
  /** Quantity held at `asOf` (`reservedAt(events, asOf)`); 0 once returned. */
  readonly quantity: number;
  /** The reserved entitlement's type as its authorization code states it; absent/null: unknown. */
  readonly licenseType?: LicenseType | null;
  /** Last day of a TERM reservation; absent/null: no end stated. */
  readonly endDate?: IsoDate | null;
}

/**
 * An SLR event Cisco's Event Log records for a device (matched to the instance by UDI serial).
 * The message wording behind `kind` is INFERRED (ingest/csv/event-messages.ts).
 */
export interface LogEventRecord {
  readonly id: number;
  readonly instanceId: number;
  readonly kind: 'SLR_RESERVE' | 'SLR_UPDATE' | 'SLR_RETURN' | 'SLR_TRANSFER';
  /** ISO 8601 UTC timestamp. */
  readonly occurredAt: string;
  readonly user: string | null;
  readonly message: string;
}

/** An SSM On-Prem satellite. */
export interface SatelliteRecord {
  readonly id: number;
  readonly name: string;
  /** UTC calendar day of the last sync with Cisco; null when none is on record. */
  readonly lastSyncAt: IsoDate | null;
}

/** The unit true-up price of one license at `asOf`, in integer minor units. */
export interface LicensePrice {
  readonly licenseId: number;
  /** Net unit price (after discount) in minor units, ≥ 0. */
  readonly unitPriceMinor: bigint;
  /** ISO 4217 code, e.g. `USD`. */
  readonly currency: string;
}

/** Thresholds of the findings, all in whole days. */
export interface FindingsPolicy {
  /** Lead times for expiring terms; a lot falls in the smallest one that covers it. */
  readonly leadTimeDays: readonly number[];
  /** An instance holding a subscription (term) license silent for longer than this is stale (Cisco: 90). */
  readonly reportingWindowDays: number;
  /** An instance holding only perpetual licenses silent for longer than this is stale (Cisco: 365). */
  readonly perpetualReportingWindowDays: number;
  /** A satellite not synced for longer than this is removed (Cisco: 90 days). */
  readonly satelliteSyncDeadlineDays: number;
  /** Warn this many days before the satellite deadline (30). */
  readonly satelliteAlertDays: number;
}

/**
 * Cisco's defaults: 90/60/30-day lead times, 90-day reporting for subscriptions and 365 for
 * perpetual-only devices (Smart Licensing Using Policy), 90-day sync with a 30-day alert.
 */
export const DEFAULT_FINDINGS_POLICY: FindingsPolicy = {
  leadTimeDays: [90, 60, 30],
  reportingWindowDays: 90,
  perpetualReportingWindowDays: 365,
  satelliteSyncDeadlineDays: 90,
  satelliteAlertDays: 30,
};

/**
 * Everything the findings of one Smart Account need at one as-of date, as the service layer
 * loads it: plain rows, no I/O. Ids refer to rows of the same Smart Account.
 */
export interface FindingsInput {
  /** The date the findings describe; every age and lead time is counted from it. */
  readonly asOf: IsoDate;
  /** Whether `positionLines` count CLASSIC_PAK lots as owned (unified, the default: true). */
  readonly includeClassic?: boolean;
  /** Overrides of `DEFAULT_FINDINGS_POLICY`. */
  readonly policy?: Partial<FindingsPolicy>;
  readonly virtualAccounts: readonly VirtualAccountRecord[];
  readonly licenses: readonly LicenseRecord[];
  /** One line per Virtual Account × license at `asOf`, built by `positionLine`. */
  readonly positionLines: readonly PositionLine[];
  readonly lots: readonly LotRecord[];
  readonly instances: readonly InstanceRecord[];
  /** Latest device report per instance × license at `asOf` (device reports only, no ledger). */
  readonly deviceUsage: readonly UsageRecord[];
  readonly reservations: readonly ReservationRecord[];
  readonly satellites: readonly SatelliteRecord[];
  /** SLR events from Cisco's Event Log up to `asOf`, oldest first; absent when none imported. */
  readonly logEvents?: readonly LogEventRecord[];
  /** At most one price per license (the first wins); a license without one has no money. */
  readonly prices?: readonly LicensePrice[];
}
