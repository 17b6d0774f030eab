import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../../../../test/support/estate.js';
import { ledgerChecksum } from '../../../../test/support/table-counts.js';
import { createTestDb, onPostgres } from '../../../../test/support/test-db.js';
import { createServices, fixedClock } from '../index.js';

const DAY = '2026-06-01';
const SOURCES = 60;

/** 60 source Virtual Accounts with 5 lots of 10 each and no use; one sink that is 3,000 short. */
function faultEstate(domain: string): EstateSpec {
  return {
    domain,
    virtualAccounts: [
      { name: 'Sink' },
      ...Array.from({ length: SOURCES }, (_, i) => ({ name: `Source-${i}` })),
    ],
    licenses: [{ name: 'Router Essentials' }],
    lots: Array.from({ length: SOURCES * 5 }, (_, i) => ({
      va: 1 + Math.floor(i / 5),
      license: 0,
      quantity: 10,
      licenseType: 'TERM' as const,
      startDate: '2026-01-01',
      endDate: `2027-0${1 + (i % 5)}-28`,
      source: 'SMART' as const,
    })),
    instances: [],
    usage: [{ va: 0, license: 0, instance: null, quantity: 3000, asOf: '2026-05-01' }],
    reservations: [],
  };
}

// Dropping a connection needs a server with connections: PGlite runs in this process.
describe.runIf(onPostgres())('a connection dropped in the middle of a scenario apply', () => {
  let handle: DbHandle;
  let watcher: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    watcher = await createTestDb();
  });
  afterAll(async () => {
    await watcher.close();
    await handle.close();
  });

  it('leaves the ledger exactly as before, and the next apply succeeds on a fresh connection', async () => {
    const ids = await insertEstate(handle.db, faultEstate('fault.example'));
    const services = createServices(handle, fixedClock(DAY));
    const moves = Array.from({ length: SOURCES }, (_, i) => ({
      license: 'Router Essentials',
      quantity: 45,
      from: `Source-${i}`,
      to: 'Sink',
    }));
    const scenario = await services.reallocation.create({
      smartAccountId: ids.smartAccountId,
      name: 'big',
      author: 'fault',
      moves,
    });
    const before = await ledgerChecksum(handle);
    const database = new URL(handle.location).pathname.slice(1);

    const apply = services.reallocation.apply({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
      expectedVersion: 1,
      actor: 'fault',
    });
    // The apply holds the ledger's advisory lock (class 73401) while it writes: terminate that
    // backend once it has written (it holds a transaction id), i.e. in the middle of the splits.
    let terminated = false;
    for (let attempt = 0; attempt < 2000 && !terminated; attempt++) {
      const rows = await watcher.rows<{ terminated: boolean }>(sql`
        select pg_terminate_backend(l.pid) as terminated
        from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.classid = 73401
          and l.database = (select oid from pg_database where datname = ${database})
          and exists (select 1 from pg_locks w where w.pid = l.pid and w.locktype = 'transactionid')`);
      terminated = rows.some((r) => r.terminated);
      if (!terminated) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(terminated).toBe(true);
    await expect(apply).rejects.toThrow();
    expect(await ledgerChecksum(handle)).toEqual(before);

    const retried = await services.reallocation.apply({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
      expectedVersion: 1,
      actor: 'fault',
    });
    expect(retried.transfers.reduce((sum, t) => sum + t.quantity, 0)).toBe(SOURCES * 45);
  });
});
