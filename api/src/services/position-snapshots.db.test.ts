import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPostgresDb, usageReports, type DbHandle } from '@trueup/db';

import { insertEstate, type InsertedEstate } from '../../../test/support/estate.js';
import { createTestDb, onPostgres } from '../../../test/support/test-db.js';

import { compareCodePoints, positionPage } from './position-service.js';
import { positionSnapshots } from './position-snapshots.js';

const AS_OF = '2026-03-01';
const dialect = new PgDialect();

describe('position snapshots (aggregated once per database change)', () => {
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
  const consumedOf = async (snapshots: ReturnType<typeof positionSnapshots>, va: string) => {
    const page = await positionPage(snapshots, {
      ...scope(),
      includeClassic: true,
      filter: { virtualAccountNames: [va], licenseNames: ['L1'] },
      page: { first: 10 },
    });
    return page.items.map((item) => item.node.consumed);
  };

  // Other databases of a shared PostgreSQL cluster move the WAL position at any time, so the
  // caching tests pin the version; the invalidation tests below use the real one.
  let versionReads = 0;
  const pinned = {
    version: async () => {
      versionReads += 1;
      return 'v1';
    },
  };

  it('aggregates once while nothing is written', async () => {
    const snapshots = positionSnapshots(counted, pinned);
    queries.length = 0;
    const first = await snapshots.get(scope());
    const second = await snapshots.get(scope());
    expect(second).toBe(first);
    expect(first.rows).toHaveLength(4);
    const aggregations = queries.filter((q) => q.includes('entitlement_lots'));
    expect(aggregations).toHaveLength(1);
  });

  it('checks the version once for reads that arrive together', async () => {
    const snapshots = positionSnapshots(counted, pinned);
    versionReads = 0;
    const all = await Promise.all(Array.from({ length: 5 }, () => snapshots.get(scope())));
    expect(new Set(all).size).toBe(1);
    expect(versionReads).toBe(1);
    await snapshots.get(scope());
    expect(versionReads).toBe(2);
  });

  it('reads the WAL position as the version by default', async () => {
    queries.length = 0;
    await positionSnapshots(counted).get(scope());
    expect(queries.filter((q) => q.includes('pg_current_wal_lsn'))).toHaveLength(1);
  });

  it('aggregates again after a committed write and shows it', async () => {
    const snapshots = positionSnapshots(handle);
    expect(await consumedOf(snapshots, 'Alpha')).toEqual([4]);
    await handle.db.insert(usageReports).values({
      smartAccountId: estate.smartAccountId,
      virtualAccountId: estate.virtualAccountIds[0]!,
      licenseId: estate.licenseIds[0]!,
      productInstanceId: null,
      quantity: 7,
      source: 'CSSM_EXPORT',
      asOf: '2026-02-01',
    });
    expect(await consumedOf(snapshots, 'Alpha')).toEqual([7]);
  });

  // Only PostgreSQL has other connections (PGlite is one session in this process).
  it.runIf(onPostgres())('sees a write committed by another connection', async () => {
    const snapshots = positionSnapshots(handle);
    const before = await consumedOf(snapshots, 'Beta');
    expect(before).toEqual([0]);
    // location is the URL without a password (the test server trusts local connections).
    const other = await createPostgresDb({ url: handle.location, migrate: false, max: 1 });
    try {
      await other.db.insert(usageReports).values({
        smartAccountId: estate.smartAccountId,
        virtualAccountId: estate.virtualAccountIds[1]!,
        licenseId: estate.licenseIds[0]!,
        productInstanceId: null,
        quantity: 3,
        source: 'CSSM_EXPORT',
        asOf: '2026-02-01',
      });
    } finally {
      await other.close();
    }
    expect(await consumedOf(snapshots, 'Beta')).toEqual([3]);
  });

  it('keeps at most maxEntries dates', async () => {
    const snapshots = positionSnapshots(counted, { ...pinned, maxEntries: 1 });
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
