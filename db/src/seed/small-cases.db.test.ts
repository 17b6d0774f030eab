import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb } from '../../../test/support/test-db.js';
import type { DbHandle } from '../client/types.js';

import { addDays } from './calendar.js';
import { SMALL_DESIGNED_CASES as CASES, seedDemo } from './index.js';

const R = '2025-06-30';

interface PositionRow extends Record<string, unknown> {
  va: string;
  license: string;
  owned: number;
  consumed: number;
}

/**
 * The position rule, written independently of the generator: owned = active lots (both
 * sources); consumed = per device × license max(latest report, reserved), summed per VA ×
 * license, replaced by the latest ledger row where one exists.
 */
async function positionAt(handle: DbHandle, asOf: string): Promise<PositionRow[]> {
  return handle.rows<PositionRow>(sql`
    with owned as (
      select virtual_account_id va, license_id lic, sum(quantity) q from entitlement_lots
      where (start_date is null or start_date <= ${asOf}::date)
        and (license_type = 'PERPETUAL' or end_date >= ${asOf}::date)
      group by 1, 2),
    latest as (
      select distinct on (product_instance_id, license_id)
        product_instance_id pi, license_id lic, virtual_account_id va, quantity q
      from usage_reports where product_instance_id is not null and as_of <= ${asOf}::date
      order by product_instance_id, license_id, as_of desc, id desc),
    reserved as (
      select r.product_instance_id pi, r.license_id lic, r.virtual_account_id va, sum(e.quantity_delta) q
      from reservations r join reservation_events e on e.reservation_id = r.id
      where e.occurred_on <= ${asOf}::date group by 1, 2, 3),
    device as (
      select coalesce(l.va, r.va) va, coalesce(l.lic, r.lic) lic,
             sum(greatest(coalesce(l.q, 0), coalesce(r.q, 0))) q
      from latest l full join reserved r on r.pi = l.pi and r.lic = l.lic group by 1, 2),
    ledger as (
      select distinct on (virtual_account_id, license_id) virtual_account_id va, license_id lic, quantity q
      from usage_reports where product_instance_id is null and as_of <= ${asOf}::date
      order by virtual_account_id, license_id, as_of desc, id desc),
    consumed as (
      select coalesce(g.va, d.va) va, coalesce(g.lic, d.lic) lic, coalesce(g.q, d.q) q
      from device d full join ledger g on g.va = d.va and g.lic = d.lic)
    select va.name va, l.name license, coalesce(o.q, 0)::int owned, coalesce(c.q, 0)::int consumed
    from owned o full join consumed c on c.va = o.va and c.lic = o.lic
    join virtual_accounts va on va.id = coalesce(o.va, c.va)
    join licenses l on l.id = coalesce(o.lic, c.lic)
    order by 1, 2`);
}

describe('small preset designed-in cases', () => {
  let handle: DbHandle;
  let position: PositionRow[];
  const row = (va: string, license: string): PositionRow | undefined =>
    position.find((p) => p.va === va && p.license === license);
  const account = (license: string) => {
    const rows = position.filter((p) => p.license === license);
    const owned = rows.reduce((s, p) => s + p.owned, 0);
    const consumed = rows.reduce((s, p) => s + p.consumed, 0);
    const gross = rows.reduce((s, p) => s + Math.max(0, p.consumed - p.owned), 0);
    return { owned, consumed, gross, net: Math.max(0, consumed - owned) };
  };

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: R });
    position = await positionAt(handle, R);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('1. has a shortfall that a surplus in another Virtual Account cures', () => {
    const c = CASES.curableShortfall;
    const short = row(c.shortVirtualAccount, c.license);
    const surplus = row(c.surplusVirtualAccount, c.license);
    expect(short && short.consumed - short.owned).toBe(c.shortfall);
    expect(surplus && surplus.owned - surplus.consumed).toBe(c.surplus);
    expect(account(c.license)).toMatchObject({ gross: c.shortfall, net: 0 });
  });

  it('2. has a shortfall no reallocation can cure', () => {
    const c = CASES.uncurableShortfall;
    expect(account(c.license)).toMatchObject({ gross: c.shortfall, net: c.netShortfall });
  });

  it('has no other shortfall at the reference date', () => {
    const short = position.filter((p) => p.consumed > p.owned).map((p) => `${p.va} | ${p.license}`);
    expect(short.sort()).toEqual(
      [CASES.curableShortfall, CASES.uncurableShortfall]
        .map((c) => `${c.shortVirtualAccount} | ${c.license}`)
        .sort(),
    );
  });

  it('3. has exactly one active term lot expiring within 60 days, and a shortfall once it lapses', async () => {
    const c = CASES.expiringTerm;
    const lots = await handle.rows<{ va: string; license: string; end_date: string }>(sql`
      select va.name va, l.name license, e.end_date::text end_date
      from entitlement_lots e join virtual_accounts va on va.id = e.virtual_account_id
      join licenses l on l.id = e.license_id
      where e.license_type = 'TERM' and e.start_date <= ${R}::date
        and e.end_date between ${R}::date and ${addDays(R, 60)}::date`);
    expect(lots).toEqual([
      { va: c.virtualAccount, license: c.license, end_date: addDays(R, c.daysToExpiry) },
    ]);
    const before = row(c.virtualAccount, c.license);
    expect(before && before.owned >= before.consumed).toBe(true);
    const after = (await positionAt(handle, addDays(R, c.daysToExpiry + 1))).find(
      (p) => p.va === c.virtualAccount && p.license === c.license,
    );
    expect(after && after.consumed - after.owned).toBeGreaterThan(0);
  });

  it('4. has a reservation stranded on a decommissioned device, and one properly returned', async () => {
    const c = CASES.strandedReservation;
    const held = await handle.rows<{
      hostname: string;
      license: string;
      q: number;
      events: string;
    }>(sql`
      select i.hostname, l.name license, sum(e.quantity_delta)::int q,
             string_agg(e.event_type::text, ',' order by e.occurred_on) events
      from reservations r join reservation_events e on e.reservation_id = r.id
      join product_instances i on i.id = r.product_instance_id join licenses l on l.id = r.license_id
      where i.status = 'DECOMMISSIONED' and e.occurred_on <= ${R}::date
      group by 1, 2 order by 1, 2`);
    expect(held.filter((h) => h.q > 0)).toEqual(
      [...c.licenses].sort().map((license) => ({
        hostname: c.hostname,
        license,
        q: c.quantity,
        events: 'RESERVE,UPDATE',
      })),
    );
    expect(held.filter((h) => h.q === 0).map((h) => [h.hostname, h.events])).toEqual([
      [c.returnedHostname, 'RESERVE,RETURN'],
    ]);
  });

  it('5. has an SLR device reporting more in use than it reserved', async () => {
    const c = CASES.beyondReservation;
    const beyond = await handle.rows<{
      hostname: string;
      license: string;
      used: number;
      reserved: number;
    }>(sql`
      with latest as (
        select distinct on (product_instance_id, license_id) product_instance_id pi, license_id lic, quantity
        from usage_reports where product_instance_id is not null and as_of <= ${R}::date
        order by product_instance_id, license_id, as_of desc, id desc)
      select i.hostname, l.name license, u.quantity used, sum(e.quantity_delta)::int reserved
      from reservations r join reservation_events e on e.reservation_id = r.id and e.occurred_on <= ${R}::date
      join latest u on u.pi = r.product_instance_id and u.lic = r.license_id
      join product_instances i on i.id = r.product_instance_id join licenses l on l.id = r.license_id
      group by 1, 2, 3 having u.quantity > sum(e.quantity_delta)`);
    expect(beyond).toEqual([
      { hostname: c.hostname, license: c.license, used: c.inUse, reserved: c.reserved },
    ]);
  });

  it('6. has exactly one device consuming an add-on without a base of its family at its tier or above', async () => {
    const c = CASES.addOnWithoutBase;
    // The rule, written independently of the domain: the catalog base, or the Advantage
    // license of the same family where the catalog names Essentials.
    const orphans = await handle.rows<{ hostname: string; addon: string; base: string }>(sql`
      with latest as (
        select distinct on (product_instance_id, license_id) product_instance_id pi, license_id lic, quantity
        from usage_reports where product_instance_id is not null and as_of <= ${R}::date
        order by product_instance_id, license_id, as_of desc, id desc),
      held as (
        select pi, lic from latest where quantity > 0
        union select r.product_instance_id, r.license_id from reservations r
          join reservation_events e on e.reservation_id = r.id
          group by 1, 2 having sum(e.quantity_delta) > 0)
      select i.hostname, a.name addon, b.name base
      from held h join licenses a on a.id = h.lic and a.kind = 'ADD_ON'
      join licenses b on b.id = a.required_base_license_id
      join product_instances i on i.id = h.pi
      where not exists (
        select 1 from held x join licenses xb on xb.id = x.lic
        where x.pi = h.pi and (xb.id = b.id or (xb.product_family = b.product_family
          and xb.name = replace(b.name, 'Essentials', 'Advantage'))))`);
    expect(orphans).toEqual([{ hostname: c.hostname, addon: c.license, base: c.baseLicense }]);
  });

  it('9. has a device running DNA Essentials over Network Advantage, not the catalog base', async () => {
    const c = CASES.higherTierBase;
    const held = await handle.rows<{ license: string }>(sql`
      select l.name license from usage_reports u join product_instances i on i.id = u.product_instance_id
      join licenses l on l.id = u.license_id
      where i.hostname = ${c.hostname} and u.quantity > 0 order by 1`);
    expect(held.map((h) => h.license)).toEqual([...c.licenses].sort());
  });

  it('10–11. has online devices silent past 90 days: one perpetual-only, one with a subscription', async () => {
    const rows = await handle.rows<{ hostname: string; days: number; term: boolean }>(sql`
      select i.hostname, (${R}::date - (i.last_contact_at at time zone 'UTC')::date)::int days,
             bool_or(exists (select 1 from entitlement_lots e
               where e.license_id = u.license_id and e.license_type = 'TERM')) term
      from product_instances i join usage_reports u on u.product_instance_id = i.id and u.quantity > 0
      where i.status = 'ACTIVE' and i.connection_mode = 'DIRECT_CLOUD'
        and i.last_contact_at < (${R}::date - 90)::timestamptz
      group by 1, 2 order by 1`);
    expect(rows).toEqual(
      [
        {
          hostname: CASES.perpetualQuiet.hostname,
          days: CASES.perpetualQuiet.reportedDaysAgo,
          term: false,
        },
        {
          hostname: CASES.staleDevice.hostname,
          days: CASES.staleDevice.reportedDaysAgo,
          term: true,
        },
      ].sort((a, b) => (a.hostname < b.hostname ? -1 : 1)),
    );
  });

  it('7. has a satellite past the 90-day sync window with devices behind it, and a healthy one', async () => {
    const c = CASES.staleSatellite;
    const satellites = await handle.rows<{ name: string; stale: boolean; devices: number }>(sql`
      select s.name, s.last_sync_at < (${R}::date - 90)::timestamptz stale, count(i.id)::int devices
      from satellites s left join product_instances i on i.satellite_id = s.id and i.connection_mode = 'ON_PREM'
      group by 1, 2 order by 1`);
    expect(satellites.filter((s) => s.stale).map((s) => s.name)).toEqual([c.name]);
    expect(satellites.filter((s) => !s.stale).map((s) => s.name)).toEqual([c.healthySatellite]);
    expect(satellites.every((s) => s.devices > 0)).toBe(true);
  });

  it('8. has a decommissioned device still consuming', async () => {
    const ghosts = await handle.rows<{ hostname: string }>(sql`
      select distinct i.hostname from product_instances i
      join lateral (select distinct on (license_id) quantity from usage_reports u
        where u.product_instance_id = i.id and u.as_of <= ${R}::date
        order by license_id, as_of desc, id desc) u on u.quantity > 0
      where i.status = 'DECOMMISSIONED'`);
    expect(ghosts).toEqual([{ hostname: CASES.ghostConsumption.hostname }]);
  });

  it('takes a ledger VA × license consumption from the latest ledger row', async () => {
    const c = CASES.ledger;
    const [latest] = await handle.rows<{ q: number; devices: number }>(sql`
      select (select u.quantity from usage_reports u join virtual_accounts va on va.id = u.virtual_account_id
              join licenses l on l.id = u.license_id
              where va.name = ${c.virtualAccount} and l.name = ${c.license} and u.product_instance_id is null
              order by u.as_of desc limit 1) q,
             (select count(*)::int from usage_reports u join licenses l on l.id = u.license_id
              where l.name = ${c.license} and u.product_instance_id is not null) devices`);
    expect(latest?.devices).toBe(0);
    expect(row(c.virtualAccount, c.license)?.consumed).toBe(latest?.q);
  });

  it('keeps every row in the Smart Account of the rows it refers to', async () => {
    const [row] = await handle.rows<{ n: number }>(sql`
      select (select count(*) from usage_reports u join virtual_accounts va on va.id = u.virtual_account_id
                where va.smart_account_id <> u.smart_account_id)
           + (select count(*) from usage_reports u join product_instances i on i.id = u.product_instance_id
                where i.virtual_account_id <> u.virtual_account_id)
           + (select count(*) from reservations r join product_instances i on i.id = r.product_instance_id
                where i.virtual_account_id <> r.virtual_account_id)
           + (select count(*) from usage_reports where as_of > ${R}::date) as n`);
    expect(Number(row?.n)).toBe(0);
  });
});
