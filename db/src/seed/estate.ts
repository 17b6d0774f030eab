import type { connectionMode, usageSource } from '../schema/enums.js';

import type { CatalogLicense } from './catalog.js';
import type { VirtualAccountPlan } from './small-layout.js';

/**
 * The small demo estate as plain data, before it has database ids. Rows refer to each other by
 * natural keys: Virtual Account and license by name, instance by UDI serial, satellite by name.
 */
export interface SmallEstate {
  readonly virtualAccounts: readonly VirtualAccountPlan[];
  readonly satellites: readonly SatellitePlan[];
  readonly licenses: readonly CatalogLicense[];
  readonly instances: readonly InstancePlan[];
  readonly usage: readonly UsagePlan[];
  readonly reservations: readonly ReservationPlan[];
  readonly lots: readonly LotPlan[];
  /** Price book valid-from date (one USD entry per license). */
  readonly priceValidFrom: string;
  /** Quarterly snapshots before the reference date, oldest first (the usage history). */
  readonly history: readonly SnapshotPlan[];
}

/** One line of a frozen position: a Virtual Account × license. */
export interface SnapshotLinePlan {
  readonly virtualAccount: string;
  readonly license: string;
  readonly owned: number;
  readonly consumed: number;
  readonly reserved: number;
}

/** A quarter-end snapshot of the position (the quarterly reconciliation run). */
export interface SnapshotPlan {
  readonly name: string;
  readonly asOf: string;
  readonly lines: readonly SnapshotLinePlan[];
}

/** An SSM On-Prem satellite. */
export interface SatellitePlan {
  readonly name: string;
  readonly hostname: string;
  /** ISO timestamp. */
  readonly lastSyncAt: string;
}

/** How a device reaches CSSM (the `connection_mode` enum). */
export type ConnectionMode = (typeof connectionMode.enumValues)[number];
/** Where a usage figure came from (the `usage_source` enum values the demo uses). */
export type UsageSource = Exclude<(typeof usageSource.enumValues)[number], 'DEMO'>;

/** A product instance (device), keyed by its UDI serial. */
export interface InstancePlan {
  readonly virtualAccount: string;
  readonly name: string;
  readonly udiPid: string;
  readonly udiSerial: string;
  readonly hostname: string;
  readonly productType: string;
  readonly connectionMode: ConnectionMode;
  readonly satellite: string | null;
  readonly status: 'ACTIVE' | 'DECOMMISSIONED';
  /** ISO timestamp, null for reserved (SLR/PLR) devices that never check in. */
  readonly lastContactAt: string | null;
}

/** A usage report; `instanceSerial` null makes it a ledger row for the Virtual Account. */
export interface UsagePlan {
  readonly virtualAccount: string;
  readonly license: string;
  readonly instanceSerial: string | null;
  readonly quantity: number;
  readonly source: UsageSource;
  readonly asOf: string;
}

/** One entry of a reservation's append-only trail. */
export interface ReservationEventPlan {
  readonly eventType: 'RESERVE' | 'UPDATE' | 'TRANSFER_IN' | 'TRANSFER_OUT' | 'RETURN';
  readonly quantityDelta: number;
  readonly occurredOn: string;
  readonly actor: string;
  readonly note: string | null;
}

/** An SLR/PLR reservation of one license on one device, with its event trail. */
export interface ReservationPlan {
  readonly virtualAccount: string;
  readonly instanceSerial: string;
  readonly license: string;
  readonly reservationType: 'SLR' | 'PLR';
  readonly authorizationCode: string;
  readonly events: readonly ReservationEventPlan[];
}

/** An entitlement lot. */
export interface LotPlan {
  readonly virtualAccount: string;
  readonly license: string;
  readonly quantity: number;
  readonly licenseType: 'TERM' | 'PERPETUAL';
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly source: 'SMART' | 'CLASSIC_PAK';
  readonly subscriptionId: string | null;
  readonly orderNumber: string | null;
  readonly sku: string | null;
  readonly pakNumber: string | null;
}

/** `UDI_PID:<pid>; UDI_SN:<serial>; ` — the CSSM instance name of IOS-XE devices (trailing space). */
export function instanceName(pid: string, serial: string): string {
  return `UDI_PID:${pid}; UDI_SN:${serial}; `;
}
