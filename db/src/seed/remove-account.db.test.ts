import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb } from '../../../test/support/test-db.js';
import type { DbHandle } from '../client/types.js';
import { smartAccounts, virtualAccounts } from '../schema/index.js';

import { countDemoRows } from './counts.js';
import { removeSmartAccount } from './remove-account.js';
import { seedDemo } from './seed.js';

const R = '2025-06-30';

async function acmeId(handle: DbHandle): Promise<number> {
  const [row] = await handle.rows<{ id: number }>(
    sql`select id from smart_accounts where domain = 'acme-networks.example'`,
  );
  if (!row) throw new Error('acme-networks.example is not seeded');
  return row.id;
}

describe('removeSmartAccount', () => {
  let handle: DbHandle;
  let otherId: number;
  beforeAll(async () => {
    handle = await createTestDb();
    const [other] = await handle.db
      .insert(smartAccounts)
      .values({ domain: 'other.example', name: 'Other' })
      .returning({ id: smartAccounts.id });
    otherId = other?.id ?? 0;
    await handle.db.insert(virtualAccounts).values({ smartAccountId: otherId, name: 'Keep-Me' });
  });
  afterAll(async () => {
    await handle.close();
  });

  const totalRows = async (id: number): Promise<number> =>
    Object.values(await countDemoRows(handle, id)).reduce((a, b) => a + b, 0);

  it('removes every row of the account and nothing of another', async () => {
    await seedDemo(handle, { preset: 'small', referenceDate: R });
    const id = await acmeId(handle);
    expect(await totalRows(id)).toBeGreaterThan(1000);
    await removeSmartAccount(handle, id);
    expect(await totalRows(id)).toBe(0);
    const [gone] = await handle.rows<{ n: number }>(
      sql`select count(*)::int n from smart_accounts where id = ${id}`,
    );
    expect(gone?.n).toBe(0);
    expect(await countDemoRows(handle, otherId)).toMatchObject({ virtual_accounts: 1 });
  });

  it('falls back to the cascading delete when it may not skip triggers', async () => {
    expect((await seedDemo(handle, { preset: 'small', referenceDate: R })).created).toBe(true);
    const id = await acmeId(handle);
    const refusing = new Proxy(handle.db, {
      get: (target, property, receiver) =>
        property === 'transaction'
          ? () =>
              Promise.reject(
                new Error('permission denied to set parameter "session_replication_role"'),
              )
          : Reflect.get(target, property, receiver),
    });
    await removeSmartAccount({ ...handle, db: refusing }, id);
    expect(await totalRows(id)).toBe(0);
    expect(await countDemoRows(handle, otherId)).toMatchObject({ virtual_accounts: 1 });
  });
});
