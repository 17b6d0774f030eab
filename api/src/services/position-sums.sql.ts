import { sql, type SQL } from 'drizzle-orm';

export interface PositionSumsScope {
  readonly smartAccountId: number;
  readonly asOf: string;
  /** Restrict to these Virtual Accounts (all when absent). */
  readonly virtualAccountIds?: readonly number[] | undefined;
  /** Restrict to the Virtual Accounts of these names (all when absent). */
  readonly virtualAccountNames?: readonly string[] | undefined;
}

/**
 * SQL form of the domain's `isLotActive` over `entitlement_lots` columns (optionally of alias
 * `lot`): the record is current, the lot has started and, for TERM lots, not ended. The one
 * place this rule is written in SQL; the position property test holds it to the domain.
 */
export function lotActiveAt(asOf: string, alias?: string): SQL {
  const c = (column: string) => sql.raw(alias ? `${alias}.${column}` : column);
  return sql`(${c('start_date')} is null or ${c('start_date')} <= ${asOf}::date)
    and (${c('license_type')} = 'PERPETUAL' or ${c('end_date')} is null or ${c('end_date')} >= ${asOf}::date)
    and (${c('superseded_on')} is null or ${c('superseded_on')} > ${asOf}::date)
    and (${c('effective_from')} is null or ${c('effective_from')} <= ${asOf}::date)`;
}

/**
 * SQL form of the domain's `isReservationInTerm` over `reservations` columns of alias `r`: a
 * TERM reservation counts through its end date, anything else always.
 */
export function reservationInTermAt(asOf: string): SQL {
  return sql`(r.license_type is distinct from 'TERM' or r.end_date is null or r.end_date >= ${asOf}::date)`;
}

/** The Virtual Account condition of a scope on `column` (none when it names none). */
export function vaFilter(
  column: string,
  scope: Pick<PositionSumsScope, 'smartAccountId' | 'virtualAccountIds' | 'virtualAccountNames'>,
): SQL {
  const ids = scope.virtualAccountIds
    ? sql` and ${sql.raw(column)} = any(${sql.param([...scope.virtualAccountIds])}::int[])`
    : sql``;
  const names = scope.virtualAccountNames
    ? sql` and ${sql.raw(column)} in (select id from virtual_accounts
        where smart_account_id = ${scope.smartAccountId}
          and name = any(${sql.param([...scope.virtualAccountNames])}::text[]))`
    : sql``;
  return sql`${ids}${names}`;
}

/**
 * With a Virtual Account scope, the devices that may count in it: those with a report or a
 * reservation there. Each one's latest report is then picked among all its reports (whichever
 * Virtual Account holds them) and only then filtered by the scope, so a device that moved to
 * another Virtual Account counts where it is now, exactly as in the unscoped aggregate.
 */
function scopedDevices(scope: PositionSumsScope): SQL {
  if (!scope.virtualAccountIds) return sql``;
  const sa = scope.smartAccountId;
  return sql`scoped_devices as (
  select product_instance_id as pi from usage_reports
  where smart_account_id = ${sa} and product_instance_id is not null
    and as_of <= ${scope.asOf}::date ${vaFilter('virtual_account_id', scope)}
  union
  select product_instance_id from reservations
  where smart_account_id = ${sa} and product_instance_id is not null
    ${vaFilter('virtual_account_id', scope)}
),
`;
}

function deviceFilter(column: string, scope: PositionSumsScope): SQL {
  if (!scope.virtualAccountIds) return sql``;
  return sql` and ${sql.raw(column)} in (select pi from scoped_devices)`;
}

/**
 * With a Virtual Account scope, the reservations that may count in it: those held there and
 * those of its devices (a reservation counts where its device's latest report is, if any).
 */
function reservationFilter(scope: PositionSumsScope): SQL {
  if (!scope.virtualAccountIds) return sql``;
  return sql` and (r.product_instance_id in (select pi from scoped_devices)
    or r.virtual_account_id = any(${sql.param([...scope.virtualAccountIds])}::int[]))`;
}

/**
 * Aggregates, in the database, the sums the position rules need for every Virtual Account ×
 * license of one Smart Account at one date. It implements the selection rules of
 * `domain/position/lot.ts` (which lots are active, latest report per key counted by
 * `countedUsage` (0 from a PLR device), reservations from their event trail while in term,
 * max(reported, reserved) per device); it returns the ledger's and the
 * devices' figures side by side with their dates, and the domain (`sumsFromSources`) chooses
 * between them and turns the sums into balances. A property test holds the two in agreement.
 *
 * Output columns: virtual_account_id, license_id, owned_smart, owned_classic; the latest ledger
 * report on or before the date: ledger_in_use, ledger_as_of, ledger_reserved, billing_type (all
 * null without one); device level: device_consumed (null without device data), device_reserved,
 * device_reported_on (latest device report, null when only reservations), device_reserved_on.
 */
export function positionSumsQuery(scope: PositionSumsScope): SQL {
  const sa = scope.smartAccountId;
  const asOf = scope.asOf;
  return sql`
with lots as (
  select virtual_account_id as va, license_id as lic,
         coalesce(sum(quantity) filter (where source = 'SMART'), 0)::bigint as owned_smart,
         coalesce(sum(quantity) filter (where source = 'CLASSIC_PAK'), 0)::bigint as owned_classic
  from entitlement_lots
  where smart_account_id = ${sa}
    and ${lotActiveAt(asOf)}
    ${vaFilter('virtual_account_id', scope)}
  group by 1, 2
),
${scopedDevices(scope)}device_reported as (
  select distinct on (product_instance_id, license_id)
         product_instance_id as pi, license_id as lic, virtual_account_id as va, quantity, as_of
  from usage_reports
  where smart_account_id = ${sa} and product_instance_id is not null and as_of <= ${asOf}::date
    ${deviceFilter('product_instance_id', scope)}
  order by product_instance_id, license_id, as_of desc, id desc
),
device_latest as (
  -- countedUsage: per-feature usage of a PLR device is covered by the PLR; it counts 0.
  select u.pi, u.lic, u.va, u.as_of,
         case when p.connection_mode = 'PLR' then 0 else u.quantity end as quantity
  from device_reported u
  join product_instances p on p.id = u.pi
),
reservation_now as (
  select r.product_instance_id as pi, r.license_id as lic, r.virtual_account_id as va,
         sum(e.quantity_delta)::bigint as quantity,
         max(e.occurred_on) as reserved_on
  from reservations r
  join reservation_events e on e.smart_account_id = r.smart_account_id and e.reservation_id = r.id
  where r.smart_account_id = ${sa} and e.occurred_on <= ${asOf}::date
    and ${reservationInTermAt(asOf)}
    ${reservationFilter(scope)}
  group by 1, 2, 3
  having sum(e.quantity_delta) > 0
),
device as (
  select coalesce(u.va, r.va) as va, coalesce(u.lic, r.lic) as lic,
         sum(greatest(coalesce(u.quantity, 0), coalesce(r.quantity, 0)))::bigint as consumed,
         coalesce(sum(r.quantity), 0)::bigint as reserved,
         max(u.as_of) as reported_on,
         max(r.reserved_on) as reserved_on
  from device_latest u
  full join reservation_now r on r.pi = u.pi and r.lic = u.lic
  where true ${vaFilter('coalesce(u.va, r.va)', scope)}
  group by 1, 2
),
ledger as (
  select distinct on (virtual_account_id, license_id)
         virtual_account_id as va, license_id as lic, quantity, as_of, reserved, billing_type
  from usage_reports
  where smart_account_id = ${sa} and product_instance_id is null and as_of <= ${asOf}::date
    ${vaFilter('virtual_account_id', scope)}
  order by virtual_account_id, license_id, as_of desc, id desc
),
keys as (
  select va, lic from lots union select va, lic from device union select va, lic from ledger
)
select k.va as virtual_account_id, k.lic as license_id,
       coalesce(l.owned_smart, 0) as owned_smart,
       coalesce(l.owned_classic, 0) as owned_classic,
       g.quantity as ledger_in_use,
       g.as_of::text as ledger_as_of,
       g.reserved as ledger_reserved,
       g.billing_type::text as billing_type,
       d.consumed as device_consumed,
       coalesce(d.reserved, 0) as device_reserved,
       d.reported_on::text as device_reported_on,
       d.reserved_on::text as device_reserved_on
from keys k
left join lots l on l.va = k.va and l.lic = k.lic
left join device d on d.va = k.va and d.lic = k.lic
left join ledger g on g.va = k.va and g.lic = k.lic`;
}
