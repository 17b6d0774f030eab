import { createHash } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb } from '../../../test/support/test-db.js';
import type { Db, DbHandle } from '../client/types.js';

import { DEMO_ACCOUNTS, seedDemo, type SeedDemoOptions } from './index.js';

const REFERENCE_DATE = '2025-06-30';
const SMALL: SeedDemoOptions = { preset: 'small', referenceDate: REFERENCE_DATE, seed: 7 };

const utc = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`;

/** [alias of the table filtered by account, query]: every column but ids and insertion times. */
const CONTENT: readonly (readonly [string, string])[] = [
  [
    'va',
    `select va.name, va.description, va.business_unit, va.region, va.environment, va.is_default, va.locked from virtual_accounts va`,
  ],
  ['s', `select s.name, s.hostname, ${utc('s.last_sync_at')} from satellites s`],
  [
    'l',
    `select l.name, l.entitlement_tag, l.product_family, l.unit, l.kind, b.name from licenses l left join licenses b on b.id = l.required_base_license_id`,
  ],
  [
    'p',
    `select l.name, p.currency, p.list_price_minor, p.discount_basis_points, p.support_rate_basis_points, p.ea_suite, p.valid_from from price_book_entries p join licenses l on l.id = p.license_id`,
  ],
  [
    'i',
    `select va.name, i.name, i.udi_pid, i.udi_serial, i.hostname, i.product_type, i.connection_mode, s.name, i.status, ${utc('i.last_contact_at')} from product_instances i join virtual_accounts va on va.id = i.virtual_account_id left join satellites s on s.id = i.satellite_id`,
  ],
  [
    'u',
    `select va.name, l.name, i.udi_serial, u.quantity, u.source, u.as_of from usage_reports u join virtual_accounts va on va.id = u.virtual_account_id join licenses l on l.id = u.license_id left join product_instances i on i.id = u.product_instance_id`,
  ],
  [
    'e',
    `select va.name, l.name, e.quantity, e.license_type, e.start_date, e.end_date, e.source, e.subscription_id, e.order_number, e.sku, e.pak_number from entitlement_lots e join virtual_accounts va on va.id = e.virtual_account_id join licenses l on l.id = e.license_id`,
  ],
  [
    'r',
    `select i.udi_serial, l.name, r.reservation_type, r.authorization_code, e.event_type, e.quantity_delta, e.occurred_on, e.actor, e.note, ${utc('e.recorded_at')} from reservations r join reservation_events e on e.reservation_id = r.id join product_instances i on i.id = r.product_instance_id join licenses l on l.id = r.license_id`,
  ],
];

/** A hash of everything one Smart Account holds, by natural keys, independent of row order. */
async function fingerprint(handle: DbHandle, domain: string): Promise<string> {
  const hash = createHash('sha256');
  for (const [alias, query] of CONTENT) {
    const rows = await handle.rows<{ line: string }>(sql`
      select t::text as line from (${sql.raw(query)}
        where ${sql.raw(alias)}.smart_account_id = (select id from smart_accounts where domain = ${domain})) t`);
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows.map((r) => r.line).sort()) hash.update(line).update('\n');
  }
  return hash.digest('hex');
}

describe('seedDemo (small preset)', () => {
  let first: DbHandle;
  let second: DbHandle;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDb(), createTestDb()]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('creates Acme Networks with counts in the stated ranges and every connection mode', async () => {
    const result = await seedDemo(first, SMALL);
    expect(result).toMatchObject({ created: true, ...DEMO_ACCOUNTS.small });
    const { counts } = result;
    expect(counts.virtual_accounts).toBe(6);
    expect(counts.satellites).toBe(2);
    expect(counts.licenses).toBeGreaterThanOrEqual(35);
    expect(counts.licenses).toBeLessThanOrEqual(45);
    expect(counts.price_book_entries).toBe(counts.licenses);
    expect(counts.product_instances).toBeGreaterThanOrEqual(550);
    expect(counts.product_instances).toBeLessThanOrEqual(650);
    expect(counts.usage_reports).toBeGreaterThan(counts.product_instances ?? 0);
    expect(counts.entitlement_lots).toBeGreaterThanOrEqual(60);
    expect(counts.reservations).toBeGreaterThanOrEqual(5);
    expect(counts.reservation_events).toBeGreaterThan(counts.reservations ?? 0);
    const modes = await first.rows<{ mode: string; n: number }>(sql`
      select connection_mode::text as mode, count(*)::int as n from product_instances group by 1 order by 1`);
    expect(modes.map((m) => m.mode)).toEqual(['DIRECT_CLOUD', 'ON_PREM', 'PLR', 'SLR']);
    const direct = modes.find((m) => m.mode === 'DIRECT_CLOUD')?.n ?? 0;
    expect(direct).toBeGreaterThan((counts.product_instances ?? 0) / 2);
    const environments = await first.rows<{ environment: string }>(sql`
      select distinct environment::text as environment from virtual_accounts order by 1`);
    expect(environments.map((e) => e.environment)).toEqual(['LAB', 'NON_PRODUCTION', 'PRODUCTION']);
    const [defaults] = await first.rows<{ n: number }>(
      sql`select count(*)::int as n from virtual_accounts where is_default`,
    );
    expect(defaults?.n).toBe(1);
  });

  it('changes nothing and reports created: false when the account already exists', async () => {
    const before = await fingerprint(first, DEMO_ACCOUNTS.small.domain);
    const again = await seedDemo(first, { ...SMALL, seed: 99, referenceDate: '2026-01-01' });
    expect(again.created).toBe(false);
    const [accounts] = await first.rows<{ n: number }>(
      sql`select count(*)::int as n from smart_accounts`,
    );
    expect(accounts?.n).toBe(1);
    expect(await fingerprint(first, DEMO_ACCOUNTS.small.domain)).toBe(before);
    expect(again.counts).toEqual((await seedDemo(first, SMALL)).counts);
  });

  it('writes identical content for the same preset, reference date and seed', async () => {
    await seedDemo(second, SMALL);
    expect(await fingerprint(second, DEMO_ACCOUNTS.small.domain)).toBe(
      await fingerprint(first, DEMO_ACCOUNTS.small.domain),
    );
  });

  it('writes different content for another seed', async () => {
    const other = await createTestDb();
    try {
      await seedDemo(other, { ...SMALL, seed: 8 });
      expect(await fingerprint(other, DEMO_ACCOUNTS.small.domain)).not.toBe(
        await fingerprint(first, DEMO_ACCOUNTS.small.domain),
      );
    } finally {
      await other.close();
    }
  });
});

describe('seedDemo edge cases', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('leaves no trace when the small seed fails after writing everything', async () => {
    // The transaction fails after the whole estate is written: anything written outside it
    // would survive the rollback.
    const failing = new Proxy(handle.db, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver);
        return (work: (tx: Db) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            await work(tx);
            throw new Error('injected failure');
          });
      },
    });
    await expect(seedDemo({ ...handle, db: failing }, SMALL)).rejects.toThrow('injected failure');
    const [row] = await handle.rows<{ n: number }>(sql`
      select (select count(*) from smart_accounts) + (select count(*) from virtual_accounts)
           + (select count(*) from licenses) + (select count(*) from product_instances) as n`);
    expect(Number(row?.n)).toBe(0);
  });

  it('rejects a reference date that is not YYYY-MM-DD', async () => {
    await expect(
      seedDemo(handle, { preset: 'small', referenceDate: '30/06/2025' }),
    ).rejects.toThrow(/YYYY-MM-DD/);
    await expect(
      seedDemo(handle, { preset: 'small', referenceDate: '2025-02-30' }),
    ).rejects.toThrow(/not a calendar date/);
  });

  it('creates the account once when two seeds race', async () => {
    const results = await Promise.all([seedDemo(handle, SMALL), seedDemo(handle, SMALL)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]?.counts).toEqual(results[1]?.counts);
    const [accounts] = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from smart_accounts`,
    );
    expect(accounts?.n).toBe(1);
  });
});
