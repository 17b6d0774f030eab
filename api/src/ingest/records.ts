/**
 * What every parser produces: validated records in Trueup's vocabulary, independent of the file
 * format they came from. Parsers never touch the database; the import service maps these onto
 * Virtual Accounts, licenses, lots, instances, usage and reservations in one transaction.
 *
 * Names are Cisco's display names; `entitlementTag` is kept whenever the source gives it (v2
 * summary, SLR XML, RUM), because it is the key that joins device reports to the account.
 */

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
  readonly licenseType: 'TERM' | 'PERPETUAL';
  /** ISO `YYYY-MM-DD` or null. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly subscriptionId: string | null;
  readonly orderNumber: string | null;
  readonly sku: string | null;
}

/**
 * One Virtual Account × license line of an account ledger (licenses export, licenses API,
 * v2 get-summary). `owned` and `inUse` are as stated by the source; `reserved` is a breakdown of
 * `inUse`. `lots` are the entitlement lines when the source lists them (may be empty: then the
 * importer records one PERPETUAL-or-unknown lot of `owned`).
 */
export interface LedgerRecord {
  readonly kind: 'ledger';
  readonly at: SourceLocation;
  readonly virtualAccount: string;
  readonly license: string;
  readonly entitlementTag: string | null;
  readonly owned: number;
  readonly inUse: number;
  readonly reserved: number;
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
  readonly connectionMode: 'DIRECT_CLOUD' | 'ON_PREM' | 'SLR' | 'PLR' | null;
  readonly status: 'ACTIVE' | 'DECOMMISSIONED' | null;
  /** ISO 8601 timestamp (UTC) or null. */
  readonly lastContactAt: string | null;
  /** SSM On-Prem server name, when the instance reports through one. */
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

export type IngestRecord =
  | LedgerRecord
  | InstanceRecord
  | DeviceUsageRecord
  | ReservationRecord
  | ClassicPakRecord
  | CatalogRecord
  | PriceRecord;
