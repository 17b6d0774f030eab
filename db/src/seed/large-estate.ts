import type { LargeLicense, LargePlatform } from './large-catalog.js';

/** Sizes of the large estate. The full preset is {@link LARGE_SCALE}; tests use smaller ones. */
export interface LargeScale {
  readonly virtualAccounts: number;
  /** Hardware platforms; each brings 16 licenses (125 → 2,000). */
  readonly platforms: number;
  readonly productInstances: number;
  /** Device-level usage rows; at least 2 per reporting instance. */
  readonly usageReports: number;
  readonly entitlementLots: number;
}

/** 500 VAs, 2,000 licenses, 250,000 devices, 1,000,000 usage rows, 100,000 lots. */
export const LARGE_SCALE: LargeScale = {
  virtualAccounts: 500,
  platforms: 125,
  productInstances: 250_000,
  usageReports: 1_000_000,
  entitlementLots: 100_000,
};

/** Connection modes as stored in the plan's typed arrays. */
export const MODE = { DIRECT_CLOUD: 0, ON_PREM: 1, SLR: 2, PLR: 3 } as const;
/** The `connection_mode` enum value of each {@link MODE} code. */
export const MODE_NAMES = ['DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR'] as const;

/** A Virtual Account of the large estate. */
export interface LargeVirtualAccount {
  readonly name: string;
  readonly businessUnit: string;
  readonly region: string;
  readonly environment: 'PRODUCTION' | 'NON_PRODUCTION' | 'LAB';
  /** Index of the satellite its devices report through, or -1 (direct to cloud). */
  readonly satellite: number;
}

/** An SLR (base and add-on) or PLR (base) reservation of quantity 1. */
export interface LargeReservation {
  readonly instance: number;
  readonly license: number;
  readonly type: 'SLR' | 'PLR';
  /** [days before the reference date, delta]: a RESERVE, and for some a RETURN. */
  readonly events: readonly (readonly [number, number])[];
}

/**
 * The large estate in compact form: per-device facts in typed arrays (250,000 devices take a
 * few MB), everything else derived while streaming rows. `consumed` maps
 * `virtualAccount × licenseCount + license` to what the position counts at the reference date.
 */
export interface LargePlan {
  readonly referenceDate: string;
  readonly seed: number;
  readonly scale: LargeScale;
  readonly platforms: readonly LargePlatform[];
  readonly licenses: readonly LargeLicense[];
  readonly virtualAccounts: readonly LargeVirtualAccount[];
  readonly satellites: readonly { name: string; syncedDaysAgo: number }[];
  readonly instanceVirtualAccount: Uint16Array;
  readonly instancePlatform: Uint16Array;
  readonly instanceBase: Uint16Array;
  readonly instanceAddOn: Uint16Array;
  readonly instanceMode: Uint8Array;
  readonly instanceDecommissioned: Uint8Array;
  /** Days between the device's latest report and the reference date. */
  readonly instanceReportDaysAgo: Uint16Array;
  /** Device-license report slots of reporting devices get this many reports (+1 for the first `extraReports`). */
  readonly reportsPerSlot: number;
  readonly extraReports: number;
  readonly reservations: readonly LargeReservation[];
  readonly consumed: ReadonlyMap<number, number>;
}

/** First database id of each table's rows; row `i` gets `base + i`. */
export interface LargeIds {
  readonly smartAccount: number;
  readonly virtualAccount: number;
  readonly satellite: number;
  readonly license: number;
  readonly instance: number;
  readonly reservation: number;
}
