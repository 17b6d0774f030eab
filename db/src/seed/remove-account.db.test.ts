import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb, onPostgres } from '../../../test/support/test-db.js';
import { LEDGER_LOCK_CLASS, lockLedger } from '../client/ledger-lock.js';
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
    // The first transaction (the fast path) is refused as a non-superuser's would be.
    let refused = false;
    const refusing = new Proxy(handle.db, {
      get: (target, property, receiver) => {
        if (property !== 'transaction' || refused) return Reflect.get(target, property, receiver);
        refused = true;
        return () =>
          Promise.reject(
            new Error('permission denied to set parameter "session_replication_role"'),
          );
      },
    });
    await removeSmartAccount({ ...handle, db: refusing }, id);
    expect(await totalRows(id)).toBe(0);
    expect(await countDemoRows(handle, otherId)).toMatchObject({ virtual_accounts: 1 });
  });

  // Another connection holds the account's ledger lock (an import or apply in any process):
  // the removal waits for it, on the fast path and on the fallback alike.
  it.skipIf(!onPostgres()).each(['fast path', 'cascading fallback'])(
    'waits for the ledger lock held by another writer (%s)',
    async (path) => {
      const domain = `locked-${path.replace(/\W/g, '-')}.example`;
      const [account] = await handle.db
        .insert(smartAccounts)
        .values({ domain, name: 'Locked' })
        .returning({ id: smartAccounts.id });
      const id = account!.id;
      await handle.db.insert(virtualAccounts).values({ smartAccountId: id, name: 'Busy' });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const writer = handle.db.transaction(async (tx) => {
        await lockLedger(tx, domain);
        locked();
        await released;
      });
      await holding;
      // The fallback: the fast path's transaction refused first.
      let refuseNext = path !== 'fast path';
      const db = new Proxy(handle.db, {
        get: (target, property, receiver) => {
          if (property !== 'transaction' || !refuseNext)
            return Reflect.get(target, property, receiver);
          refuseNext = false;
          return () => Promise.reject(new Error('permission denied'));
        },
      });
      let done = false;
      const removal = removeSmartAccount({ ...handle, db }, id).then(() => (done = true));
      // Until PostgreSQL shows the removal queued behind the lock (it never does without it).
      for (let waiting = 0; waiting === 0;) {
        expect(done).toBe(false);
        const [row] = await handle.rows<{ n: number }>(
          sql`select count(*)::int n from pg_locks where locktype = 'advisory'
              and classid = ${LEDGER_LOCK_CLASS} and not granted`,
        );
        waiting = row?.n ?? 0;
      }
      const [kept] = await handle.rows<{ n: number }>(
        sql`select count(*)::int n from virtual_accounts where smart_account_id = ${id}`,
      );
      expect(kept?.n).toBe(1);
      release();
      await writer;
      await removal;
      const [gone] = await handle.rows<{ n: number }>(
        sql`select count(*)::int n from smart_accounts where id = ${id}`,
      );
      expect(gone?.n).toBe(0);
    },
  );
});
