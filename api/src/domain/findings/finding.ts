import type { IsoDate } from '../calendar.js';
import type { Money } from '../money/money.js';
import type { EntitlementSource, LicenseType } from '../position/lot.js';

import type { FindingCode } from './codes.js';
import type { ConnectionMode, InstanceStatus, ReservationType } from './findings-input.js';

// The codes are one `as const` list (codes.ts).
export type { FindingCode } from './codes.js';

/**
 * How urgent a finding is, most urgent first. The mapping, one place to read it:
 *
 * | code | severity |
 * |---|---|
 * | INSUFFICIENT_LICENSES | critical when part of it needs a purchase, high when reallocation cures all |
 * | LICENSES_EXPIRED | high |
 * | LICENSES_EXPIRING | high if the balance after lapse is negative and the end falls in the shortest lead time; medium if negative in a longer one; low if not negative |
 * | STRANDED_RESERVATION | medium |
 * | OVER_RESERVATION | high |
 * | RESERVATION_EXPIRED | high |
 * | ADDON_WITHOUT_BASE | high on an instance, medium at Virtual Account level |
 * | STALE_REPORTING | satellite past its sync deadline: critical; satellite in the alert window: medium; instance: medium |
 * | GHOST_CONSUMPTION | high (one per decommissioned device) |
 * | UNCONVERTED_PAK | medium when converting cures a shortfall (here or, converted into it, in another Virtual Account), else low |
 * | LEDGER_DEVICE_MISMATCH | medium (no money: short units are priced by INSUFFICIENT_LICENSES) |
 * | ADDON_BASE_UNKNOWN | info: the catalog does not know the add-on's base, so nothing is judged |
 */
export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Severities from most to least urgent (the sort order). */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

/** An entitlement lot that proves a finding. */
export interface LotEvidence {
  readonly kind: 'lot';
  readonly id: string;
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly licenseName: string;
  readonly quantity: number;
  readonly licenseType: LicenseType;
  readonly source: EntitlementSource;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly pakNumber: string | null;
  readonly sku: string | null;
}

/** A product instance that proves a finding. */
export interface InstanceEvidence {
  readonly kind: 'instance';
  readonly id: string;
  readonly virtualAccountId: number;
  readonly name: string;
  readonly hostname: string | null;
  readonly connectionMode: ConnectionMode;
  readonly status: InstanceStatus;
  readonly lastContactAt: IsoDate | null;
  readonly satelliteId: number | null;
  readonly replacedById: number | null;
}

/** An SLR/PLR reservation that proves a finding. */
export interface ReservationEvidence {
  readonly kind: 'reservation';
  readonly id: string;
  readonly instanceId: number;
  readonly instanceName: string;
  readonly licenseId: number;
  readonly licenseName: string;
  readonly reservationType: ReservationType;
  readonly quantity: number;
}

/** A Virtual Account × license position line; id is `virtualAccountId:licenseId`. */
export interface PositionLineEvidence {
  readonly kind: 'positionLine';
  readonly id: string;
  readonly virtualAccountId: number;
  readonly virtualAccountName: string;
  readonly licenseId: number;
  readonly licenseName: string;
  readonly owned: number;
  readonly ownedSmart: number;
  readonly ownedClassic: number;
  readonly consumed: number;
  readonly reserved: number;
  readonly balance: number;
}

/** An SSM On-Prem satellite that proves a finding. */
export interface SatelliteEvidence {
  readonly kind: 'satellite';
  readonly id: string;
  readonly name: string;
  readonly lastSyncAt: IsoDate | null;
}

/** A device usage report; id is `instanceId:licenseId`. */
export interface UsageEvidence {
  readonly kind: 'usage';
  readonly id: string;
  readonly instanceId: number;
  readonly instanceName: string;
  readonly licenseId: number;
  readonly licenseName: string;
  readonly quantity: number;
}

/** An SLR event from Cisco's Event Log about the device (INFERRED message wording). */
export interface LogEventEvidence {
  readonly kind: 'logEvent';
  readonly id: string;
  readonly instanceId: number;
  readonly eventKind: 'SLR_RESERVE' | 'SLR_UPDATE' | 'SLR_RETURN' | 'SLR_TRANSFER';
  readonly occurredAt: string;
  readonly user: string | null;
  readonly message: string;
}

/** A row that proves a finding. `id` is the row id as text (composite where noted). */
export type FindingEvidence =
  | LotEvidence
  | InstanceEvidence
  | ReservationEvidence
  | PositionLineEvidence
  | SatelliteEvidence
  | UsageEvidence
  | LogEventEvidence;

/** Code-specific numbers of a finding (all quantities integers, dates ISO). */
export interface FindingFactsByCode {
  readonly INSUFFICIENT_LICENSES: {
    readonly shortfall: number;
    /** The part a Smart surplus in other Virtual Accounts can cure (see `licenseCures`). */
    readonly curableByReallocation: number;
    /** The part converting classic PAK units into this Virtual Account cures. */
    readonly curableByConversion: number;
    /** The part that needs a purchase; per license these sum to the net shortfall. */
    readonly needsPurchase: number;
  };
  readonly LICENSES_EXPIRING: {
    readonly endDate: IsoDate;
    readonly daysLeft: number;
    /** The smallest lead time (days) that covers `daysLeft`. */
    readonly leadTimeDays: number;
    readonly balanceNow: number;
    /** The Virtual Account's balance on the day after `endDate`, at today's consumption. */
    readonly balanceAfter: number;
  };
  readonly LICENSES_EXPIRED: {
    readonly lastEndDate: IsoDate;
    readonly expiredQuantity: number;
    readonly owned: number;
    readonly consumed: number;
    /** The INSUFFICIENT_LICENSES finding that carries the money of these units. */
    readonly relatedKey: string;
  };
  readonly STRANDED_RESERVATION: {
    readonly reason: 'DECOMMISSIONED' | 'REPLACED';
    readonly instanceId: number;
  };
  readonly OVER_RESERVATION: {
    readonly instanceId: number;
    readonly reported: number;
    readonly reserved: number;
  };
  readonly RESERVATION_EXPIRED: {
    readonly instanceId: number;
    /** The last day the reserved TERM entitlement was valid. */
    readonly endDate: IsoDate;
    readonly reserved: number;
  };
  readonly ADDON_WITHOUT_BASE: {
    readonly scope: 'INSTANCE' | 'VIRTUAL_ACCOUNT';
    /** Set for scope INSTANCE. */
    readonly instanceId: number | null;
    /** The base the catalog CSV names; null when the family and tier rules decide. */
    readonly baseLicenseId: number | null;
    /** What would satisfy it, e.g. "a C9300 24P Network Essentials license or higher". */
    readonly requiredBase: string;
    readonly addOnConsumed: number;
    /** Consumption of licenses that satisfy the requirement (same device, or same VA). */
    readonly baseConsumed: number;
  };
  readonly ADDON_BASE_UNKNOWN: {
    /** Consumption of the add-on over the Smart Account. */
    readonly consumed: number;
    readonly virtualAccountIds: readonly number[];
  };
  readonly STALE_REPORTING: {
    readonly subject: 'INSTANCE' | 'SATELLITE';
    readonly subjectId: number;
    /** Last contact (instance) or sync (satellite). */
    readonly lastSeenOn: IsoDate;
    readonly daysSince: number;
    /** The window that was exceeded: reporting window, or sync deadline (or alert start). */
    readonly limitDays: number;
    /**
     * Which rule set the window: SUBSCRIPTION (holds a term license: 90 days), PERPETUAL_ONLY
     * (365 days), SATELLITE_SYNC (an SSM On-Prem satellite's deadline or alert).
     */
    readonly rule: 'SUBSCRIPTION' | 'PERPETUAL_ONLY' | 'SATELLITE_SYNC';
    /** Satellite: the ACTIVE instances behind it (their staleness is this finding's). */
    readonly instanceIds: readonly number[];
  };
  readonly GHOST_CONSUMPTION: {
    readonly instanceId: number;
    /** The licenses it still reports in use (one finding per device). */
    readonly licenseIds: readonly number[];
  };
  readonly UNCONVERTED_PAK: {
    readonly smartOnlyBalance: number;
    /** The balance once the classic lots are converted (smart-only + classic). */
    readonly unifiedBalance: number;
    /** Units of other Virtual Accounts' shortfalls that converting these lots into them cures. */
    readonly curesShortfall: number;
    /** Where to convert them to cure those shortfalls (see `licenseCures`). */
    readonly convertInto: readonly {
      readonly virtualAccountId: number;
      readonly virtualAccountName: string;
      readonly quantity: number;
    }[];
  };
  readonly LEDGER_DEVICE_MISMATCH: {
    /** The account ledger's in-use and the as-of date of that ledger report. */
    readonly ledgerInUse: number;
    readonly ledgerAsOf: IsoDate;
    /** The ledger's own `reserved` figure; null when the source does not state it. */
    readonly ledgerReserved: number | null;
    /** Σ over devices of max(latest report, reservation), and the latest device report date. */
    readonly deviceConsumed: number;
    /** Null when no device reports usage (only reservations: in-use is not compared). */
    readonly deviceReportedOn: IsoDate | null;
    /** Held by SLR/PLR authorization codes (reservation trail) at the date. */
    readonly deviceReserved: number;
    /** Which figure the position uses: the newer one, the ledger on the same date. */
    readonly used: 'LEDGER' | 'DEVICE';
  };
}

/** One finding of code `C`: what is wrong, where, how much, and the rows that prove it. */
export interface FindingOf<C extends FindingCode> {
  readonly code: C;
  readonly severity: FindingSeverity;
  /** Stable identity across runs (`CODE:subject`), for drift between snapshots. */
  readonly key: string;
  /** Null for account-level findings (satellites). */
  readonly virtualAccountId: number | null;
  readonly virtualAccountName: string | null;
  /** Null when the finding spans licenses (stale instances, satellites). */
  readonly licenseId: number | null;
  readonly licenseName: string | null;
  /** Integer units at stake (see each family for what they count). */
  readonly quantity: number;
  /**
   * This finding's share of the account's exposure (shortfall × unit true-up price): each
   * unit is priced once, on its INSUFFICIENT_LICENSES finding, so the findings' money sums to
   * the gross exposure. Null for every other finding (related ones name it in
   * `facts.relatedKey`) and without a price.
   */
  readonly money: Money | null;
  /** One line a person can act on, naming the Virtual Account, license and instance. */
  readonly message: string;
  readonly facts: FindingFactsByCode[C];
  readonly evidence: readonly FindingEvidence[];
}

/** Any finding; narrow on `code` to read its `facts`. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];
