import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import {
  DEFAULT_RENEWAL_PARAMETERS,
  DomainError,
  baselineAdjustments,
  breakEvenGrowth,
  findings,
  reclaimedByLicense,
  eaUnitPriceOf,
  entitlementTypeOf,
  entryAt,
  growthTrend,
  netUnitPriceMinor,
  renewalModel,
  renewalPriceType,
  type BaselineAdjustment,
  type BreakEven,
  type GrowthTrend,
  type IsoDate,
  type RenewalLicense,
  type RenewalParameters,
  type RenewalResult,
} from '../../domain/index.js';
import { findingsInputOf } from '../findings-service.js';
import { accountPosition } from '../position-service.js';

import { priceRows, type PriceBookEntryRecord } from './price-rows.js';

export interface RenewalQuery {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly includeClassic: boolean;
  /** Only licenses whose price book entry names this EA suite. */
  readonly suite?: string | undefined;
  /** Only these licenses (by name). */
  readonly licenseNames?: readonly string[] | undefined;
  /** Needed when the licenses in scope are priced in several currencies. */
  readonly currency?: string | undefined;
  /** Parameters given; growth left out is estimated from snapshots (else 0). */
  readonly parameters: Partial<RenewalParameters>;
}

export interface RenewalReport {
  readonly asOf: IsoDate;
  readonly currency: string;
  /**
   * PARAMETER (given), SNAPSHOTS (median quarterly trend over at least four quarters of
   * snapshots), DEFAULT (0: no snapshots, or the trend was refused; see `growthTrend`).
   */
  readonly growthSource: 'PARAMETER' | 'SNAPSHOTS' | 'DEFAULT';
  /** The snapshot trend when growth was not given: its points, and its refusal if refused. */
  readonly growthTrend: GrowthTrend | null;
  readonly result: RenewalResult;
  /**
   * The break-even growth, computed on first call (up to 21 model runs) and remembered: only
   * the surfaces that show it pay for it (GraphQL computes it when the field is asked for).
   */
  readonly breakEven: () => BreakEven | null;
  /** In scope and consumed but without a price in the currency: left out of the model. */
  readonly unpricedLicenseNames: readonly string[];
  /**
   * Perpetual licenses in scope whose price book entry gives no EA price: left out of the
   * model (both options) until the EA price is entered; their one-off price is not a yearly one.
   */
  readonly eaPriceNeededLicenseNames: readonly string[];
  /**
   * In scope but not marked in the EA (`In EA` no in the price book): bought a-la-carte under
   * either option, so they cancel out and are left out of the comparison.
   */
  readonly outsideEaLicenseNames: readonly string[];
  /**
   * Units taken out of the baseline of both options (licenses in the model): stranded
   * reservations and ghost consumption on decommissioned or replaced devices, with the device.
   */
  readonly baselineAdjustments: readonly (BaselineAdjustment & {
    readonly licenseName: string;
    readonly virtualAccountName: string;
  })[];
}

/** `compute` on the first call only; later calls return the same value. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Consumption of some licenses in every snapshot taken up to `asOf`, and its trend. */
async function snapshotTrend(
  handle: DbHandle,
  smartAccountId: number,
  asOf: IsoDate,
  licenseIds: readonly number[],
): Promise<GrowthTrend | null> {
  if (licenseIds.length === 0) return null;
  const rows = await handle.rows<{ as_of: string; consumed: number }>(sql`
    select s.as_of::text as as_of, coalesce(sum(l.consumed), 0)::bigint as consumed
    from snapshots s
    left join snapshot_lines l on l.snapshot_id = s.id
      and l.license_id = any(${sql.param([...licenseIds])}::int[])
    where s.smart_account_id = ${smartAccountId} and s.as_of <= ${asOf}::date
    group by s.id, s.as_of
    order by s.as_of, s.id`);
  if (rows.length === 0) return null;
  return growthTrend(rows.map((r) => ({ asOf: r.as_of, consumed: Number(r.consumed) })));
}

function pickCurrency(entries: readonly PriceBookEntryRecord[], wanted?: string): string {
  const currencies = [...new Set(entries.map((e) => e.currency))].sort();
  if (wanted !== undefined) return wanted.toUpperCase();
  if (currencies.length > 1)
    throw new DomainError(
      'CURRENCY_MISMATCH',
      `the licenses in scope are priced in ${currencies.join(', ')}: choose a currency`,
      { currencies },
    );
  return currencies[0] ?? 'USD';
}

/** The catalog's entitlement type as a renewal price type (usage-billed: neither, null). */
function catalogPriceType(type: string | null): 'TERM' | 'PERPETUAL' | null {
  if (type === 'PERPETUAL') return 'PERPETUAL';
  return type === 'TERM' || type === 'SUBSCRIPTION' ? 'TERM' : null;
}

/**
 * The renewal model for a Smart Account at a date: account-wide consumed and owned per license
 * (from the position), the price book entries in force, growth from the parameter or the
 * snapshot trend; then the pure model and its break-even growth.
 */
export async function renewalReport(handle: DbHandle, query: RenewalQuery): Promise<RenewalReport> {
  const [positions, entries, names, lotTypes, findingsInput] = await Promise.all([
    accountPosition(handle, query),
    priceRows(handle, { smartAccountIds: [query.smartAccountId], asOf: query.asOf }),
    handle.rows<{ id: number; name: string; entitlement_type: string | null }>(
      sql`select id, name, entitlement_type::text from licenses
        where smart_account_id = ${query.smartAccountId}`,
    ),
    // The entitlement type of each license from its lots (all perpetual → perpetual); the
    // catalog's entitlement type, where known, wins over them.
    handle.rows<{ license_id: number; types: string[] }>(
      sql`select license_id, array_agg(distinct license_type::text) as types
        from entitlement_lots where smart_account_id = ${query.smartAccountId}
        group by license_id`,
    ),
    findingsInputOf(handle, query),
  ]);
  // The same units the findings engine reports as reclaimable, taken out of the baseline.
  const adjustments = baselineAdjustments(
    findings(findingsInput),
    findingsInput.instances,
    findingsInput.deviceUsage,
  );
  const reclaimedOf = reclaimedByLicense(adjustments);
  const vaNameOf = new Map(findingsInput.virtualAccounts.map((v) => [v.id, v.name]));
  const lotTypesOf = new Map(lotTypes.map((r) => [Number(r.license_id), r.types]));
  const nameOf = new Map(names.map((n) => [Number(n.id), String(n.name)]));
  const catalogTypeOf = new Map(
    names.map((n) => [Number(n.id), catalogPriceType(n.entitlement_type)] as const),
  );
  const wantedNames = query.licenseNames ? new Set(query.licenseNames) : null;
  const inScope = (licenseId: number) =>
    (wantedNames === null || wantedNames.has(nameOf.get(licenseId) ?? '')) &&
    (query.suite === undefined ||
      entries.some((e) => e.licenseId === licenseId && e.eaSuite === query.suite));
  const scoped = positions.filter((p) => inScope(p.licenseId));
  const scopedEntries = entries.filter((e) => scoped.some((p) => p.licenseId === e.licenseId));
  const currency = pickCurrency(scopedEntries, query.currency);
  const licenses: RenewalLicense[] = [];
  const unpriced: string[] = [];
  const eaPriceNeeded: string[] = [];
  const outsideEa: string[] = [];
  for (const position of scoped) {
    const name = nameOf.get(position.licenseId) ?? String(position.licenseId);
    const entry = entryAt(
      scopedEntries.filter((e) => e.licenseId === position.licenseId && e.currency === currency),
      query.asOf,
    );
    if (!entry) {
      if (position.consumed > 0) unpriced.push(name);
      continue;
    }
    if (!entry.inEnterpriseAgreement) {
      if (position.consumed > 0 || position.owned > 0) outsideEa.push(name);
      continue;
    }
    const { type } = renewalPriceType(
      entry.licenseType,
      entitlementTypeOf(
        lotTypesOf.get(position.licenseId) ?? [],
        catalogTypeOf.get(position.licenseId) ?? null,
      ),
    );
    const eaUnitPriceMinor = eaUnitPriceOf(
      type,
      entry.eaUnitPriceMinor,
      netUnitPriceMinor(entry.listPriceMinor, entry.discountBasisPoints),
    );
    if (eaUnitPriceMinor === null) {
      if (position.consumed > 0 || position.owned > 0) eaPriceNeeded.push(name);
      continue;
    }
    licenses.push({
      licenseId: position.licenseId,
      licenseName: name,
      licenseType: type,
      consumed: Math.max(0, position.consumed - (reclaimedOf.get(position.licenseId) ?? 0)),
      reclaimed: Math.min(position.consumed, reclaimedOf.get(position.licenseId) ?? 0),
      owned: position.owned,
      listPriceMinor: entry.listPriceMinor,
      discountBasisPoints: entry.discountBasisPoints,
      supportRateBasisPoints: entry.supportRateBasisPoints,
      eaUnitPriceMinor,
    });
  }
  licenses.sort((a, b) =>
    a.licenseName < b.licenseName ? -1 : a.licenseName > b.licenseName ? 1 : 0,
  );
  let growthSource: RenewalReport['growthSource'] = 'PARAMETER';
  let growthBasisPoints = query.parameters.growthBasisPoints;
  let trend: GrowthTrend | null = null;
  if (growthBasisPoints === undefined) {
    trend = await snapshotTrend(
      handle,
      query.smartAccountId,
      query.asOf,
      licenses.map((l) => l.licenseId),
    );
    growthSource = trend?.basisPoints == null ? 'DEFAULT' : 'SNAPSHOTS';
    growthBasisPoints = trend?.basisPoints ?? 0;
  }
  const parameters: RenewalParameters = {
    ...DEFAULT_RENEWAL_PARAMETERS,
    ...query.parameters,
    growthBasisPoints,
  };
  return {
    asOf: query.asOf,
    currency,
    growthSource,
    growthTrend: trend,
    result: renewalModel(licenses, parameters),
    breakEven: once(() => breakEvenGrowth(licenses, parameters)),
    unpricedLicenseNames: unpriced.sort(),
    eaPriceNeededLicenseNames: eaPriceNeeded.sort(),
    outsideEaLicenseNames: outsideEa.sort(),
    baselineAdjustments: adjustments
      .filter((a) => licenses.some((l) => l.licenseId === a.licenseId))
      .map((a) => ({
        ...a,
        licenseName: nameOf.get(a.licenseId) ?? String(a.licenseId),
        virtualAccountName: vaNameOf.get(a.virtualAccountId) ?? String(a.virtualAccountId),
      }))
      .sort(
        (a, b) =>
          (a.licenseName < b.licenseName ? -1 : a.licenseName > b.licenseName ? 1 : 0) ||
          a.instanceId - b.instanceId,
      ),
  };
}
