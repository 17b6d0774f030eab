/**
 * What every parser produces: validated records in Trueup's vocabulary, independent of the file
 * format they came from. Parsers never touch the database; the import service maps these onto
 * Virtual Accounts, licenses, lots, instances, usage and reservations in one transaction.
 *
 * Names are Cisco's display names; `entitlementTag` is kept whenever the source gives it (v2
 * summary, SLR XML, RUM), because it is the key that joins device reports to the account.
 */

import type { StatedConnection } from '../domain/instances/connection.js';

/** Where a figure came from: the cloud CSSM, or an SSM On-Prem server (`onprem:<host>`). */
export type SourceSystem = 'cloud' | `onprem:${string}`;

/** Position of a record in its file, 1-based (line of the row; for JSON/XML the element's line). */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

/** One entitlement lot (a purchase line / `licenseDetails[]` element / PAK line). */
export interface LotRecord {
  readonly quantity: number;
  /** UNKNOWN: the source stated no type and the lot has no end date. */
  readonly licenseType: 'TERM' | 'PERPETUAL' | 'UNKNOWN';
  /** ISO `YYYY-MM-DD` or null. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly subscriptionId: string | null;
  readonly orderNumber: string | null;
  readonly sku: string | null;
}

/** How the vendor bills a ledger line: USAGE lines are billed for consumption, never short. */
export type BillingType = 'PREPAID' | 'USAGE' | 'SUBSCRIPTION';

/**
 * One Virtual Account × license line of an account ledger (licenses export, licenses API,
 * v2 get-summary). `owned` and `consumed` (Cisco's "In Use") are as stated by the source; `reserved` is a breakdown of
 * `consumed` (null when the source does not state it); `billingType` is null when the source does
 * not say (v2 get-summary, an export without a `Billing` column). `lots` are the entitlement
 * lines when the source lists them (may be empty: then the importer records one lot of `owned`,
 * typed from the catalog or the name, else UNKNOWN).
 */
export interface LedgerRecord {
  readonly kind: 'ledger';
  readonly at: SourceLocation;
  readonly virtualAccount: string;
  readonly license: string;
  readonly entitlementTag: string | null;
  readonly owned: number;
  readonly consumed: number;
  readonly reserved: number | null;
  readonly billingType: BillingType | null;
  readonly lots: readonly LotRecord[];
}

/** A device as registered (product instances export / devices API). */
export interface InstanceRecord {
  readonly kind: 'instance';
  readonly at: SourceLocation;
  readonly virtualAccount: string | null;
  /** CSSM instance name, e.g. `UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; `, or a hostname. */
  readonly name: string;
  readonly udiPid: string | null;
  readonly udiSerial: string | null;
  readonly hostname: string | null;
  readonly productType: string | null;
  readonly productTag: string | null;
  /**
   * The mode the source states (`ONLINE`: registered with Smart Licensing, transport not
   * named); null when it states none or one Trueup does not know (then the stored mode stays).
   */
  readonly connectionMode: StatedConnection | null;
  readonly status: 'ACTIVE' | 'DECOMMISSIONED' | null;
  /** ISO 8601 timestamp (UTC) or null. */
  readonly lastContactAt: string | null;
  /** SSM On-Prem server name, when the source says the instance reports through one. */
  readonly satellite: string | null;
}

/** A device's in-use count of one license (flattened instances export, RUM report). */
export interface DeviceUsageRecord {
  readonly kind: 'deviceUsage';
  readonly at: SourceLocation;
  readonly virtualAccount: string | null;
  /** Identifies the device: UDI when known, else the instance name. */
  readonly instance: {
    readonly name: string | null;
    readonly udiPid: string | null;
    readonly udiSerial: string | null;
  };
  readonly license: string | null;
  readonly entitlementTag: string | null;
  readonly quantity: number;
  /** ISO date of the measurement when the source says (RUM end time); else the import's as-of. */
  readonly asOf: string | null;
}

/** One reserved entitlement on one device (SLR authorization code). */
export interface ReservationRecord {
  readonly kind: 'reservation';
  readonly at: SourceLocation;
  readonly instance: { readonly udiPid: string; readonly udiSerial: string };
  readonly reservationType: 'SLR' | 'PLR';
  readonly license: string | null;
  readonly entitlementTag: string;
  readonly quantity: number;
  readonly licenseType: 'TERM' | 'PERPETUAL';
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly authorizationCode: string | null;
  /**
   * UTC day the authorization code was issued (its `<timestamp>`); null when the code has none
   * (the import's as-of stands in). The code is the device's whole reservation set as of then.
   */
  readonly issuedOn: string | null;
}

/**
 * An SLR authorization code that reserves no entitlement: the device's whole reservation set as
 * of `issuedOn` is empty, so everything it held is returned.
 */
export interface EmptyAuthorizationRecord {
  readonly kind: 'emptyAuthorization';
  readonly at: SourceLocation;
  readonly instance: ReservationRecord['instance'];
  readonly reservationType: 'SLR' | 'PLR';
  readonly authorizationCode: string | null;
  readonly issuedOn: string | null;
}

/** A classic PAK line not yet converted into the Smart Account. */
export interface ClassicPakRecord {
  readonly kind: 'classicPak';
  readonly at: SourceLocation;
  readonly virtualAccount: string | null;
  readonly pakNumber: string;
  readonly license: string;
  readonly sku: string | null;
  readonly quantity: number;
  readonly status: string;
  /** Serial of the device the PAK was fulfilled for, when the export says. */
  readonly deviceSerial: string | null;
}

/** A license catalog line: name ↔ tag, family, unit, kind and required base. */
export interface CatalogRecord {
  readonly kind: 'catalog';
  readonly at: SourceLocation;
  readonly license: string;
  readonly entitlementTag: string | null;
  readonly productFamily: string | null;
  readonly unit: 'DEVICE' | 'USER' | 'COUNT';
  readonly licenseKind: 'BASE' | 'ADD_ON';
  readonly requiredBaseLicense: string | null;
  /** How Cisco sells it; null when the file does not say. */
  readonly entitlementType: 'TERM' | 'PERPETUAL' | 'SUBSCRIPTION' | 'USAGE' | null;
}

/**
 * A price book line: a license's price in one currency from a date. Money is integer minor
 * units; rates are basis points (1 % = 100 bp).
 */
export interface PriceRecord {
  readonly kind: 'price';
  readonly at: SourceLocation;
  readonly license: string;
  readonly currency: string;
  /** Null (blank): as the license is entitled (its lots' type). */
  readonly licenseType: 'TERM' | 'PERPETUAL' | null;
  /** TERM: per unit per year; PERPETUAL: one-off per unit. */
  readonly listPriceMinor: bigint;
  readonly discountBasisPoints: number;
  readonly supportRateBasisPoints: number;
  readonly eaSuite: string | null;
  readonly inEnterpriseAgreement: boolean;
  readonly eaUnitPriceMinor: bigint | null;
  /** ISO date; null: the import's as-of. */
  readonly validFrom: string | null;
}

/** What an Event Log message says happened (INFERRED wording: see csv/event-messages.ts). */
export type AccountEventKind =
  | 'SLR_RESERVE'
  | 'SLR_UPDATE'
  | 'SLR_RETURN'
  | 'SLR_TRANSFER'
  | 'LICENSE_ADD'
  | 'LICENSE_REMOVE'
  | 'LICENSE_TRANSFER'
  | 'VIRTUAL_ACCOUNT_RENAME'
  | 'TOKEN_CREATE'
  | 'SATELLITE_SYNC_NETWORK'
  | 'SATELLITE_SYNC_FILE'
  | 'SATELLITE_SYNC_FAILED_REMOVED'
  /** A message Trueup does not understand: kept as written, never an error. */
  | 'OTHER';

/**
 * One row of a CSSM Event Log export (Smart Account or Virtual Account level): Cisco's own
 * record of what happened, when and by whom. The parsed fields are what the message names;
 * null where it names nothing (and always null for OTHER).
 */
export interface AccountEventRecord {
  readonly kind: 'accountEvent';
  readonly at: SourceLocation;
  readonly eventKind: AccountEventKind;
  /** ISO 8601 UTC timestamp (a Time without zone is read as UTC). */
  readonly occurredAt: string;
  readonly user: string | null;
  readonly message: string;
  readonly virtualAccount: string | null;
  readonly license: string | null;
  readonly quantity: number | null;
  /** The device as the message names it, and its UDI when the message gives one. */
  readonly device: string | null;
  readonly udiPid: string | null;
  readonly udiSerial: string | null;
  readonly fromVirtualAccount: string | null;
  readonly toVirtualAccount: string | null;
  readonly satellite: string | null;
  /**
   * Identity of the event across exports: sha256 of time, message, user and the row's ordinal
   * among identical rows of its file (two identical events in one second stay two).
   */
  readonly naturalKey: string;
}

export type IngestRecord =
  | AccountEventRecord
  | LedgerRecord
  | InstanceRecord
  | DeviceUsageRecord
  | ReservationRecord
  | EmptyAuthorizationRecord
  | ClassicPakRecord
  | CatalogRecord
  | PriceRecord;
