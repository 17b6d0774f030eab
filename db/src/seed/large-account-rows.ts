import type { CopyRow } from '../client/types.js';

import { addDays, timestampOn } from './calendar.js';
import type { LargeIds, LargePlan } from './large-estate.js';
import { stableUuid } from './random.js';

/** COPY columns of {@link virtualAccountRows}. */
export const VIRTUAL_ACCOUNT_COLUMNS = [
  'id',
  'smart_account_id',
  'name',
  'description',
  'business_unit',
  'region',
  'environment',
  'is_default',
];

/** virtual_accounts rows with explicit ids; the first is the default VA. */
export function* virtualAccountRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  for (const [v, va] of plan.virtualAccounts.entries()) {
    const via = va.satellite >= 0 ? `, via ${plan.satellites[va.satellite]?.name}` : '';
    yield [
      ids.virtualAccount + v,
      ids.smartAccount,
      va.name,
      `${va.businessUnit} ${va.region}${via}`,
      va.businessUnit,
      va.region,
      va.environment,
      v === 0,
    ];
  }
}

/** COPY columns of {@link satelliteRows}. */
export const SATELLITE_COLUMNS = ['id', 'smart_account_id', 'name', 'hostname', 'last_sync_at'];

/** satellites rows with explicit ids; two are past the 90-day sync window. */
export function* satelliteRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  for (const [s, satellite] of plan.satellites.entries()) {
    const synced = timestampOn(addDays(plan.referenceDate, -satellite.syncedDaysAgo), 120 + s * 7);
    yield [
      ids.satellite + s,
      ids.smartAccount,
      satellite.name,
      `${satellite.name}.globex.example`,
      synced,
    ];
  }
}

/** COPY columns of {@link licenseRows}. */
export const LICENSE_COLUMNS = [
  'id',
  'smart_account_id',
  'name',
  'entitlement_tag',
  'product_family',
  'unit',
  'kind',
  'required_base_license_id',
];

/** licenses rows with explicit ids; add-ons point at their base (loaded in the same COPY). */
export function* licenseRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  for (const [l, license] of plan.licenses.entries()) {
    const base = license.baseIndex < 0 ? null : ids.license + license.baseIndex;
    yield [
      ids.license + l,
      ids.smartAccount,
      license.name,
      license.entitlementTag,
      license.productFamily,
      'DEVICE',
      base === null ? 'BASE' : 'ADD_ON',
      base,
    ];
  }
}

/** COPY columns of {@link priceRows}. */
export const PRICE_COLUMNS = [
  'smart_account_id',
  'license_id',
  'currency',
  'license_type',
  'list_price_minor',
  'discount_basis_points',
  'support_rate_basis_points',
  'ea_suite',
  'ea_unit_price_minor',
  'valid_from',
];

/** One USD price book entry per license. */
export function* priceRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  const validFrom = addDays(plan.referenceDate, -180);
  for (const [l, license] of plan.licenses.entries()) {
    yield [
      ids.smartAccount,
      ids.license + l,
      'USD',
      license.termYears ? 'TERM' : 'PERPETUAL',
      license.listPriceMinor.toString(),
      3500,
      license.termYears ? 0 : 1800,
      'Cisco DNA',
      // Demo EA quote for perpetual licenses (20 % of list a year); term: the net price.
      license.termYears ? null : ((license.listPriceMinor * 2_000n) / 10_000n).toString(),
      validFrom,
    ];
  }
}

/** COPY columns of {@link reservationRows}. */
export const RESERVATION_COLUMNS = [
  'id',
  'smart_account_id',
  'virtual_account_id',
  'product_instance_id',
  'license_id',
  'reservation_type',
  'authorization_code',
];

/** reservations rows with explicit ids (their events refer to them). */
export function* reservationRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  for (const [r, reservation] of plan.reservations.entries()) {
    const va = ids.virtualAccount + (plan.instanceVirtualAccount[reservation.instance] as number);
    const code = `${reservation.type}-${stableUuid(`${reservation.instance}/${reservation.license}`).toUpperCase()}`;
    yield [
      ids.reservation + r,
      ids.smartAccount,
      va,
      ids.instance + reservation.instance,
      ids.license + reservation.license,
      reservation.type,
      code,
    ];
  }
}

/** COPY columns of {@link reservationEventRows}. */
export const RESERVATION_EVENT_COLUMNS = [
  'smart_account_id',
  'reservation_id',
  'event_type',
  'quantity_delta',
  'occurred_on',
  'actor',
  'recorded_at',
];

/** reservation_events rows: a RESERVE each, and a RETURN for returned reservations. */
export function* reservationEventRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  for (const [r, reservation] of plan.reservations.entries()) {
    for (const [daysAgo, delta] of reservation.events) {
      const day = addDays(plan.referenceDate, -daysAgo);
      yield [
        ids.smartAccount,
        ids.reservation + r,
        delta > 0 ? 'RESERVE' : 'RETURN',
        delta,
        day,
        'licensing@globex.example',
        timestampOn(day, 570),
      ];
    }
  }
}
