import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPostgresDb, entitlementLots, usageReports, type DbHandle } from '@trueup/db';

import { insertEstate, type InsertedEstate } from '../../../test/support/estate.js';
import { createTestDb, onPostgres } from '../../../test/support/test-db.js';

import { fixedClock } from './clock.js';
import { refreshCurrentPositions } from './current-positions.js';
import { positionCache } from './position-cache.js';
import { positionRowsPage } from './position-rows.js';
import { compareCodePoints } from './position-service.js';

/** No price book: these tests read quantities only. */
const noPrices = () => Promise.resolve(new Map());

const AS_OF = '2026-03-01';
const dialect = new PgDialect();

describe('position snapshots (read once per account version)', () => {
  let handle: DbHandle;
  let estate: InsertedEstate;
  const queries: string[] = [];
  /** The same handle, recording each query it runs. */
  let counted: DbHandle;

  beforeAll(async () => {
    handle = await createTestDb();
    estate = await insertEstate(handle.db, {
      domain: 'snapshots.example',
      virtualAccounts: [{ name: 'Alpha' }, { name: 'Beta' }],
      licenses: [{ name: 'L1' }, { name: 'L2' }],
      lots: [0, 1].flatMap((va) =>
        [0, 1].map((license) => ({
          va,
          license,
          quantity: 10,
          licenseType: 'PERPETUAL' as const,
          startDate: null,
          endDate: null,
          source: 'SMART' as const,
        })),
      ),
      instances: [],
      usage: [{ va: 0, license: 0, instance: null, quantity: 4, asOf: '2026-01-01' }],
      reservations: [],
    });
    counted = Object.assign(Object.create(handle) as DbHandle, {
      rows: ((query, executor) => {
        queries.push(dialect.sqlToQuery(query).sql);
        return handle.rows(query, executor);
      }) satisfies DbHandle['rows'],
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  const scope = () => ({ smartAccountId: estate.smartAccountId, asOf: AS_OF });
  const consumedOf = async (snapshots: ReturnType<typeof positionCache>, va: string) => {
    const page = await positionRowsPage(snapshots, noPrices, {
      ...scope(),
      includeClassic: true,
      filter: { virtualAccountNames: [va], licenseNames: ['L1'] },
      page: { first: 10 },
    });
    return page.items.map((item) => item.node.consumed);
  };

  // The caching tests pin the version (and read a date that is not today, so they aggregate);
  // the invalidation tests below use the real one.
  let versionReads = 0;
  const pinned = {
    version: async () => {
      versionReads += 1;
      return { version: 'v1', asOf: null };
    },
  };
  const notToday = fixedClock('2030-01-01');
  const today = fixedClock(AS_OF);
  /** A ledger write as the writers do it: rows, then the kept position, in one transaction. */
  const write = (db: DbHandle['db'], va: number, quantity: number) =>
    db.transaction(async (tx) => {
      await tx.insert(usageReports).values({
        smartAccountId: estate.smartAccountId,
        virtualAccountId: estate.virtualAccountIds[va]!,
        licenseId: estate.licenseIds[0]!,
        productInstanceId: null,
        quantity,
        source: 'CSSM_EXPORT',
        asOf: '2026-02-01',
      });
      await refreshCurrentPositions(tx, {
        smartAccountId: estate.smartAccountId,
        virtualAccountIds: [estate.virtualAccountIds[va]!],
      });
    });

  it('aggregates once while nothing is written', async () => {
    const snapshots = positionCache(counted, notToday, pinned);
    queries.length = 0;
    const first = await snapshots.get(scope());
    const second = await snapshots.get(scope());
    expect(second).toBe(first);
    expect(first.rows).toHaveLength(4);
    const aggregations = queries.filter((q) => q.includes('entitlement_lots'));
    expect(aggregations).toHaveLength(1);
  });

  it('checks the version once for reads that arrive together', async () => {
    const snapshots = positionCache(counted, notToday, pinned);
    versionReads = 0;
    const all = await Promise.all(Array.from({ length: 5 }, () => snapshots.get(scope())));
    expect(new Set(all).size).toBe(1);
    expect(versionReads).toBe(1);
    await snapshots.get(scope());
    expect(versionReads).toBe(2);
  });

  it("reads today's lines from the kept rows, not the aggregate", async () => {
    const snapshots = positionCache(counted, today);
    await snapshots.get(scope()); // rolls the kept rows forward to today (once)
    queries.length = 0;
    await write(handle.db, 0, 5);
    const page = await consumedOf(snapshots, 'Alpha');
    expect(page).toEqual([5]);
    expect(queries.filter((q) => q.includes('entitlement_lots'))).toHaveLength(0);
    expect(queries.filter((q) => q.includes('current_positions'))).toHaveLength(1);
  });

  it('aggregates again after a committed write and shows it', async () => {
    const snapshots = positionCache(handle, notToday);
    const before = await consumedOf(snapshots, 'Alpha');
    await write(handle.db, 0, before[0]! + 2);
    expect(await consumedOf(snapshots, 'Alpha')).toEqual([before[0]! + 2]);
  });

  // Only PostgreSQL has other connections (PGlite is one session in this process).
  it.runIf(onPostgres())('sees a write committed by another connection', async () => {
    const snapshots = positionCache(handle, today);
    const before = await consumedOf(snapshots, 'Beta');
    expect(before).toEqual([0]);
    // location is the URL without a password (the test server trusts local connections).
    const other = await createPostgresDb({ url: handle.location, migrate: false, max: 1 });
    try {
      await write(other.db, 1, 3);
    } finally {
      await other.close();
    }
    expect(await consumedOf(snapshots, 'Beta')).toEqual([3]);
  });

  it('rolls the kept rows forward when today moves past a lot that ends', async () => {
    // A TERM lot of 6 units in Beta × L2 that ends on AS_OF: counted today, gone tomorrow,
    // with no write in between.
    await handle.db.transaction(async (tx) => {
      await tx.insert(entitlementLots).values({
        smartAccountId: estate.smartAccountId,
        virtualAccountId: estate.virtualAccountIds[1]!,
        licenseId: estate.licenseIds[1]!,
        quantity: 6,
        licenseType: 'TERM',
        startDate: '2026-01-01',
        endDate: AS_OF,
        source: 'SMART',
      });
      await refreshCurrentPositions(tx, { smartAccountId: estate.smartAccountId });
    });
    const ownedOf = async (snapshots: ReturnType<typeof positionCache>, asOf: string) => {
      const page = await positionRowsPage(snapshots, noPrices, {
        smartAccountId: estate.smartAccountId,
        asOf,
        includeClassic: true,
        filter: { virtualAccountNames: ['Beta'], licenseNames: ['L2'] },
        page: { first: 10 },
      });
      return page.items.map((item) => item.node.owned);
    };
    expect(await ownedOf(positionCache(handle, today), AS_OF)).toEqual([16]);
    expect(await ownedOf(positionCache(handle, fixedClock('2026-03-02')), '2026-03-02')).toEqual([
      10,
    ]);
    const [kept] = await handle.rows<{ as_of: string }>(
      sql`select as_of::text as as_of from position_versions where smart_account_id = ${estate.smartAccountId}`,
    );
    expect(kept?.as_of).toBe('2026-03-02');
  });

  it('after a write to one Virtual Account reads only its kept rows again', async () => {
    const snapshots = positionCache(counted, today);
    await snapshots.get(scope());
    await write(handle.db, 1, 7);
    queries.length = 0;
    const patched = await snapshots.get(scope());
    const reads = queries.filter((q) => q.includes('from current_positions'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/virtual_account_id = any/);
    expect(patched.rows.map((r) => `${r.va_name}/${r.license_name}`)).toEqual([
      'Alpha/L1',
      'Alpha/L2',
      'Beta/L1',
      'Beta/L2',
    ]);
    // The same rows a fresh cache reads whole.
    expect(patched.rows).toEqual((await positionCache(handle, today).get(scope())).rows);
  });

  it('reads everything again when a name changed, even with the write naming no account', async () => {
    const snapshots = positionCache(handle, today);
    await snapshots.get(scope());
    await handle.db.transaction(async (tx) => {
      await tx.execute(
        sql`update virtual_accounts set name = 'Alpha renamed' where id = ${estate.virtualAccountIds[0]!}`,
      );
      await refreshCurrentPositions(tx, {
        smartAccountId: estate.smartAccountId,
        virtualAccountIds: [],
      });
    });
    const renamed = await snapshots.get(scope());
    expect([...new Set(renamed.rows.map((r) => r.va_name))]).toEqual(['Alpha renamed', 'Beta']);
  });

  it('keeps at most maxEntries dates', async () => {
    const snapshots = positionCache(counted, notToday, { ...pinned, maxEntries: 1 });
    queries.length = 0;
    await snapshots.get(scope());
    await snapshots.get({ ...scope(), asOf: '2026-03-02' });
    await snapshots.get(scope());
    expect(queries.filter((q) => q.includes('entitlement_lots'))).toHaveLength(3);
  });
});

describe('compareCodePoints (the order of collate "C" on UTF-8)', () => {
  it('orders strings as their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const expected = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
      }),
    );
    // The case UTF-16 code units get wrong: U+FF5E sorts before U+1F600 in UTF-8.
    expect(compareCodePoints('\uff5e', '\u{1f600}')).toBeLessThan(0);
  });
});
