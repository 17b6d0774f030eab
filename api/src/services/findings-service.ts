import { sql, type SQL } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import {
  DomainError,
  findings,
  findingsCutoffs,
  instancesLackingBase,
  ledgerMismatches,
  type Finding,
  type FindingsInput,
  type IsoDate,
  type LicenseRecord,
} from '../domain/index.js';

import { slrLogEventsOf } from './events/slr-log-events.js';
import { unitTrueUpPrices } from './money/unit-prices.js';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from './pagination.js';
import { positionLinesAt } from './position-lines-at.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Loads what the findings rules need for one Smart Account at one date (a handful of queries,
 * each filtered by the account), runs the pure engine once, and returns its findings.
 */
export async function accountFindings(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; includeClassic: boolean },
): Promise<Finding[]> {
  return findings(await findingsInputOf(handle, query));
}

function toLicenseRecord(r: Row): LicenseRecord {
  return {
    id: num(r.id),
    name: String(r.name),
    kind: r.kind as 'BASE' | 'ADD_ON',
    requiredBaseLicenseId:
      r.required_base_license_id === null ? null : num(r.required_base_license_id),
    entitlementTag: str(r.entitlement_tag),
    sku: str(r.sku),
  };
}

/**
 * The instances that can appear in a finding for a reason the database alone knows (see
 * `FindingsCutoffs` in the domain): decommissioned or SLR, holding a reservation or replacing
 * one that does, silent past the shortest reporting window, or behind a late satellite.
 * The add-on rule's own instances (`instancesLackingBase`) and the evidence of ledger mismatches
 * (`mismatchInstances`) are added once known; the rest of the estate is never read.
 */
function keptInstances(sa: number, asOf: IsoDate): SQL {
  const cutoffs = findingsCutoffs(asOf);
  return sql`
    select p.id from product_instances p
    where p.smart_account_id = ${sa} and (
      p.status = 'DECOMMISSIONED' or p.connection_mode = 'SLR'
      or (p.status = 'ACTIVE' and p.connection_mode in ('DIRECT_CLOUD', 'ON_PREM')
          and (p.last_contact_at at time zone 'UTC')::date < ${cutoffs.lastContactBefore}::date)
      or (p.connection_mode = 'ON_PREM' and p.satellite_id in (
          select s.id from satellites s where s.smart_account_id = ${sa}
            and (s.last_sync_at at time zone 'UTC')::date < ${cutoffs.satelliteSyncBefore}::date))
    )
    union
    select r.product_instance_id from reservations r where r.smart_account_id = ${sa}
    union
    select q.replaced_by_id from reservations r join product_instances q on q.id = r.product_instance_id
    where r.smart_account_id = ${sa} and q.replaced_by_id is not null`;
}

/** Instances reporting a license in their own Virtual Account where ledger and devices disagree. */
function mismatchInstances(
  sa: number,
  asOf: IsoDate,
  mismatches: { virtualAccountIds: number[]; licenseIds: number[] },
): SQL {
  return sql`
    select u.product_instance_id from usage_reports u
    join unnest(${sql.param(mismatches.virtualAccountIds)}::int[], ${sql.param(mismatches.licenseIds)}::int[]) as m(va, lic)
      on m.lic = u.license_id
    join product_instances q on q.id = u.product_instance_id and q.virtual_account_id = m.va
    where u.smart_account_id = ${sa} and u.as_of <= ${asOf}::date`;
}

type Devices = readonly [instances: Row[], usage: Row[]];

/**
 * The instances `ids` selects (ordered by id, none of `skip`) and their latest usage report per
 * license on or before `asOf` (ordered by instance, license): each instance's reports read
 * through the device index, one probe per instance, never a scan of the account's reports.
 */
async function devicesOf(
  handle: DbHandle,
  sa: number,
  asOf: IsoDate,
  ids: SQL,
  skip: ReadonlySet<number> = new Set(),
): Promise<Devices> {
  const instances = (
    await handle.rows<Row>(sql`
      select id, virtual_account_id, name, hostname, connection_mode, status, satellite_id, replaced_by_id,
             to_char(last_contact_at at time zone 'UTC', 'YYYY-MM-DD') as last_contact
      from product_instances where smart_account_id = ${sa} and id in (${ids}) order by id`)
  ).filter((r) => !skip.has(num(r.id)));
  if (instances.length === 0) return [[], []];
  const usage = await handle.rows<Row>(sql`
    select k.id as product_instance_id, u.license_id, u.quantity
    from unnest(${sql.param(instances.map((r) => num(r.id)))}::bigint[]) as k(id)
    cross join lateral (
      select distinct on (license_id) license_id, quantity from usage_reports
      where smart_account_id = ${sa} and product_instance_id = k.id and as_of <= ${asOf}::date
      order by license_id, as_of desc, id desc
    ) u
    order by 1, 2`);
  return [instances, usage];
}

/** Disjoint device reads as one: instances by id, reports by instance then license. */
function mergeDevices(a: Devices, b: Devices): Devices {
  if (b[0].length === 0) return a;
  const byInstanceLicense = (x: Row, y: Row) =>
    num(x.product_instance_id) - num(y.product_instance_id) ||
    num(x.license_id) - num(y.license_id);
  return [
    [...a[0], ...b[0]].sort((x, y) => num(x.id) - num(y.id)),
    [...a[1], ...b[1]].sort(byInstanceLicense),
  ];
}

/** The ids of instances whose latest reports hold an add-on that nothing they hold satisfies. */
async function lackingBase(
  handle: DbHandle,
  sa: number,
  asOf: IsoDate,
  licenses: Promise<LicenseRecord[]>,
): Promise<number[]> {
  // Devices grouped by the set of licenses their latest reports hold above 0: the add-on rule
  // is judged once per set, not once per device (status is left to the rule: a device kept
  // for nothing is only read, never judged wrongly).
  const heldSets = await handle.rows<Row>(sql`
    with latest as (
      select distinct on (product_instance_id, license_id)
             product_instance_id as pi, license_id as lic, quantity
      from usage_reports
      where smart_account_id = ${sa} and product_instance_id is not null and as_of <= ${asOf}::date
      order by product_instance_id, license_id, as_of desc, id desc
    ),
    held as (select pi, array_agg(lic order by lic) as lics from latest where quantity > 0 group by pi)
    select lics as license_ids, array_agg(pi) as instance_ids from held group by lics`);
  return instancesLackingBase(
    await licenses,
    heldSets.map((r) => ({
      licenseIds: (r.license_ids as unknown[]).map(num),
      instanceIds: (r.instance_ids as unknown[]).map(num),
    })),
  );
}

/**
 * The lots the rules read (see `FindingsCutoffs`): whole Virtual Account × license cells with
 * a TERM lot above 0 ending from `asOf` to `expiringEndBy`, TERM lots ended before `asOf`,
 * CLASSIC_PAK lots and the first TERM lot of each license; of the records reaching `asOf`.
 */
function neededLots(sa: number, asOf: IsoDate): SQL {
  const { expiringEndBy } = findingsCutoffs(asOf);
  const current = sql`(superseded_on is null or superseded_on > ${asOf}::date)`;
  return sql`
    select id, virtual_account_id, license_id, quantity, license_type, start_date::text, end_date::text,
           source, pak_number, sku, effective_from::text, superseded_on::text
    from entitlement_lots e
    where e.smart_account_id = ${sa} and ${current} and (
      e.source = 'CLASSIC_PAK'
      or (e.license_type = 'TERM' and e.end_date < ${asOf}::date)
      or (e.virtual_account_id, e.license_id) in (
        select virtual_account_id, license_id from entitlement_lots
        where smart_account_id = ${sa} and license_type = 'TERM' and quantity > 0 and ${current}
          and end_date between ${asOf}::date and ${expiringEndBy}::date)
      or e.id in (
        select distinct on (license_id) id from entitlement_lots
        where smart_account_id = ${sa} and license_type = 'TERM' and ${current}
        order by license_id, id)
    )
    order by id`;
}

export async function findingsInputOf(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; includeClassic: boolean },
): Promise<FindingsInput> {
  const sa = query.smartAccountId;
  const asOf = query.asOf;
  const licenses = handle
    .rows<Row>(
      // One pass over the lots for every license's SKU (a subquery per license rescanned them).
      sql`select l.id, l.name, l.kind, l.required_base_license_id, l.entitlement_tag, e.sku
          from licenses l
          left join (select license_id, min(sku) as sku from entitlement_lots
                     where smart_account_id = ${sa} group by license_id) e on e.license_id = l.id
          where l.smart_account_id = ${sa}`,
    )
    .then((rows) => rows.map(toLicenseRecord));
  const linesRead = positionLinesAt(handle, query);
  const lacking = lackingBase(handle, sa, asOf, licenses);
  const kept = devicesOf(handle, sa, asOf, keptInstances(sa, asOf));
  // The add-on rule's devices and the mismatch evidence, once known (but those already kept).
  const devices = (async () => {
    const [keptDevices, lackingIds, lines] = await Promise.all([kept, lacking, linesRead]);
    const mismatches = ledgerMismatches(lines);
    const more =
      mismatches.licenseIds.length === 0
        ? sql`select unnest(${sql.param(lackingIds)}::bigint[])`
        : sql`select unnest(${sql.param(lackingIds)}::bigint[]) union ${mismatchInstances(sa, asOf, mismatches)}`;
    const seen = new Set(keptDevices[0].map((r) => num(r.id)));
    return mergeDevices(keptDevices, await devicesOf(handle, sa, asOf, more, seen));
  })();
  const [
    vas,
    licenseRecords,
    [instances, usage],
    lots,
    reservations,
    satellites,
    prices,
    lines,
    log,
  ] = await Promise.all([
    handle.rows<Row>(sql`select id, name from virtual_accounts where smart_account_id = ${sa}`),
    licenses,
    devices,
    handle.rows<Row>(neededLots(sa, asOf)),
    handle.rows<Row>(sql`
      select r.id, r.product_instance_id, r.virtual_account_id, r.license_id, r.reservation_type,
             r.license_type, r.end_date::text as end_date,
             greatest(0, coalesce(sum(e.quantity_delta) filter (where e.occurred_on <= ${asOf}::date), 0))::bigint as quantity
      from reservations r
      left join reservation_events e on e.smart_account_id = r.smart_account_id and e.reservation_id = r.id
      where r.smart_account_id = ${sa}
      group by r.id`),
    handle.rows<Row>(sql`
      select id, name, to_char(last_sync_at at time zone 'UTC', 'YYYY-MM-DD') as last_sync
      from satellites where smart_account_id = ${sa}`),
    unitTrueUpPrices(handle, sa, asOf),
    linesRead,
    slrLogEventsOf(handle, sa, asOf),
  ]);
  const input: FindingsInput = {
    asOf,
    includeClassic: query.includeClassic,
    virtualAccounts: vas.map((r) => ({ id: num(r.id), name: String(r.name) })),
    licenses: licenseRecords,
    positionLines: lines,
    lots: lots.map((r) => ({
      id: num(r.id),
      virtualAccountId: num(r.virtual_account_id),
      licenseId: num(r.license_id),
      quantity: num(r.quantity),
      licenseType: r.license_type as 'TERM' | 'PERPETUAL',
      startDate: str(r.start_date),
      endDate: str(r.end_date),
      source: r.source as 'SMART' | 'CLASSIC_PAK',
      pakNumber: str(r.pak_number),
      sku: str(r.sku),
      effectiveFrom: str(r.effective_from),
      supersededOn: str(r.superseded_on),
    })),
    instances: instances.map((r) => ({
      id: num(r.id),
      virtualAccountId: num(r.virtual_account_id),
      name: String(r.name),
      hostname: str(r.hostname),
      connectionMode: r.connection_mode as 'DIRECT_CLOUD' | 'ON_PREM' | 'SLR' | 'PLR',
      status: r.status as 'ACTIVE' | 'DECOMMISSIONED',
      lastContactAt: str(r.last_contact),
      satelliteId: r.satellite_id === null ? null : num(r.satellite_id),
      replacedById: r.replaced_by_id === null ? null : num(r.replaced_by_id),
    })),
    deviceUsage: usage.map((r) => ({
      instanceId: num(r.product_instance_id),
      licenseId: num(r.license_id),
      quantity: num(r.quantity),
    })),
    reservations: reservations.map((r) => ({
      id: num(r.id),
      instanceId: num(r.product_instance_id),
      virtualAccountId: num(r.virtual_account_id),
      licenseId: num(r.license_id),
      reservationType: r.reservation_type as 'SLR' | 'PLR',
      quantity: num(r.quantity),
      licenseType: r.license_type === null ? null : (r.license_type as 'TERM' | 'PERPETUAL'),
      endDate: str(r.end_date),
    })),
    satellites: satellites.map((r) => ({
      id: num(r.id),
      name: String(r.name),
      lastSyncAt: str(r.last_sync),
    })),
    logEvents: log,
    prices: [...prices].map(([licenseId, price]) => ({
      licenseId,
      currency: price.currency,
      unitPriceMinor: price.amountMinor,
    })),
  };
  return input;
}

export interface FindingsFilter {
  readonly codes?: readonly string[] | undefined;
  readonly severities?: readonly string[] | undefined;
  readonly virtualAccountName?: string | undefined;
}

/** A page of findings (in the engine's order), filtered; the finding key is the cursor. */
export async function findingsPage(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; filter: FindingsFilter; page: PageRequest },
): Promise<Page<Finding>> {
  const size = pageSize(query.page.first);
  const afterKey = query.page.after ? decodeCursor(query.page.after, ['string'] as const)[0] : null;
  const { codes, severities, virtualAccountName } = query.filter;
  const all = (await accountFindings(handle, { ...query, includeClassic: true })).filter(
    (f) =>
      (!codes || codes.includes(f.code)) &&
      (!severities || severities.includes(f.severity)) &&
      (virtualAccountName === undefined || f.virtualAccountName === virtualAccountName),
  );
  const start = afterKey === null ? 0 : all.findIndex((f) => f.key === afterKey) + 1;
  if (afterKey !== null && start === 0) {
    throw new DomainError('INVALID_CURSOR', 'the cursor does not name a finding of this query', {
      after: query.page.after,
    });
  }
  return toPage(all.slice(start, start + size + 1), size, {
    totalCount: all.length,
    hasPrevious: start > 0,
    keyOf: (f) => [f.key],
  });
}
