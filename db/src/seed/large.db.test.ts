import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb } from '../../../test/support/test-db.js';
import type { DbHandle } from '../client/types.js';
import { productInstances, virtualAccounts } from '../schema/index.js';

import { countDemoRows } from './counts.js';
import type { LargeScale } from './large-estate.js';
import { planLargeEstate } from './large-plan.js';
import { seedLarge } from './large.js';
import { seedDemo } from './seed.js';

const R = '2025-06-30';
const SCALE: LargeScale = {
  virtualAccounts: 15,
  platforms: 8,
  productInstances: 4_000,
  usageReports: 16_500,
  entitlementLots: 1_200,
};
const OPTIONS = {
  domain: 'globex.example',
  name: 'Globex Corporation',
  referenceDate: R,
  seed: 3,
  scale: SCALE,
};

describe('seedLarge at reduced scale', () => {
  let handle: DbHandle;
  let accountId: number;
  beforeAll(async () => {
    handle = await createTestDb();
    // Another account first, so the large load must allocate ids after existing rows.
    await seedDemo(handle, { preset: 'small', referenceDate: R });
    const id = await seedLarge(handle, OPTIONS);
    if (id === null) throw new Error('large seed did not create the account');
    accountId = id;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('loads exactly the requested numbers of rows', async () => {
    const plan = planLargeEstate(R, 3, SCALE);
    expect(await countDemoRows(handle, accountId)).toEqual({
      virtual_accounts: 15,
      satellites: 10,
      licenses: 8 * 16,
      price_book_entries: 8 * 16,
      product_instances: 4_000,
      usage_reports: 16_500,
      entitlement_lots: 1_200,
      reservations: plan.reservations.length,
      reservation_events: plan.reservations.reduce((n, r) => n + r.events.length, 0),
    });
    expect(plan.reservations.length).toBeGreaterThan(0);
  });

  it('leaves identity sequences past the ids COPY wrote, so ordinary inserts still work', async () => {
    const [va] = await handle.db
      .insert(virtualAccounts)
      .values({ smartAccountId: accountId, name: 'Added-Later' })
      .returning({ id: virtualAccounts.id });
    const [device] = await handle.db
      .insert(productInstances)
      .values({
        smartAccountId: accountId,
        virtualAccountId: va?.id ?? 0,
        name: 'added',
        udiPid: 'X',
        udiSerial: 'Y',
      })
      .returning({ id: productInstances.id });
    const [max] = await handle.rows<{ va: number; device: number }>(sql`
      select (select max(id) from virtual_accounts where name <> 'Added-Later')::int va,
             (select max(id) from product_instances where name <> 'added')::int device`);
    expect(va?.id).toBeGreaterThan(max?.va ?? Infinity);
    expect(device?.id).toBeGreaterThan(max?.device ?? Infinity);
  });

  it('consumes, by the position rule in SQL, what the plan says per VA × license', async () => {
    const plan = planLargeEstate(R, 3, SCALE);
    const rows = await handle.rows<{ va: number; lic: number; q: number }>(sql`
      with latest as (
        select distinct on (product_instance_id, license_id) product_instance_id pi, license_id lic, virtual_account_id va, quantity q
        from usage_reports where smart_account_id = ${accountId} and product_instance_id is not null and as_of <= ${R}::date
        order by product_instance_id, license_id, as_of desc),
      reserved as (
        select r.product_instance_id pi, r.license_id lic, r.virtual_account_id va, sum(e.quantity_delta) q
        from reservations r join reservation_events e on e.reservation_id = r.id
        where r.smart_account_id = ${accountId} and e.occurred_on <= ${R}::date group by 1, 2, 3)
      select (coalesce(l.va, r.va) - (select min(id) from virtual_accounts where smart_account_id = ${accountId}))::int va,
             (coalesce(l.lic, r.lic) - (select min(id) from licenses where smart_account_id = ${accountId}))::int lic,
             sum(greatest(coalesce(l.q, 0), coalesce(r.q, 0)))::int q
      from latest l full join reserved r on r.pi = l.pi and r.lic = l.lic group by 1, 2`);
    const fromSql = new Map(rows.map((r) => [r.va * plan.licenses.length + r.lic, r.q]));
    expect(fromSql).toEqual(plan.consumed);
  });

  it('changes nothing when the account already exists', async () => {
    const before = await countDemoRows(handle, accountId);
    expect(await seedLarge(handle, OPTIONS)).toBeNull();
    expect(await countDemoRows(handle, accountId)).toEqual(before);
  });

  it('deletes the partly loaded account when a load fails', async () => {
    const loaded: string[] = [];
    const failing: DbHandle = {
      ...handle,
      copyInto: async (table, columns, rows) => {
        if (table === 'usage_reports') throw new Error('injected COPY failure');
        loaded.push(table);
        return handle.copyInto(table, columns, rows);
      },
    };
    const before = await handle.rows<{ n: number }>(sql`select max(id)::int n from smart_accounts`);
    await expect(
      seedLarge(failing, { ...OPTIONS, domain: 'globex-broken.example' }),
    ).rejects.toThrow('injected');
    const brokenId = (before[0]?.n ?? 0) + 1;
    const [left] = await handle.rows<{ accounts: number; rows: number }>(sql`
      select (select count(*) from smart_accounts where domain = 'globex-broken.example')::int accounts,
             ((select count(*) from virtual_accounts where smart_account_id = ${brokenId})
              + (select count(*) from licenses where smart_account_id = ${brokenId})
              + (select count(*) from price_book_entries where smart_account_id = ${brokenId})
              + (select count(*) from product_instances where smart_account_id = ${brokenId})
              + (select count(*) from entitlement_lots where smart_account_id = ${brokenId})
              + (select count(*) from usage_reports where smart_account_id = ${brokenId})
              + (select count(*) from reservations where smart_account_id = ${brokenId}))::int rows`);
    expect(left).toEqual({ accounts: 0, rows: 0 });
    expect(loaded).toContain('product_instances');
    // The other accounts keep their rows (4,000 seeded devices and one added above).
    expect(await countDemoRows(handle, accountId)).toMatchObject({ product_instances: 4_001 });
  });
});
