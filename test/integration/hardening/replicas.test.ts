import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Services } from '../../../api/src/index.js';
import { createPostgresDb, type DbHandle } from '../../../db/src/index.js';
import { graphql } from '../../support/graphql-client.js';
import { createTestDb, onPostgres } from '../../support/test-db.js';
import { startTestApi, type TestApi } from '../../support/test-server.js';

// Issue 19 item 8: two API servers on one PostgreSQL, each with its own connection pool and
// its own in-memory caches (as two `trueup serve` processes would have), behind a client that
// alternates between them.
const TODAY = '2026-11-28';
const DOMAIN = 'replicas.example';
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)), 'utf8');

const IMPORT = `mutation($f: String!, $c: String!) {
  importData(input: { smartAccount: "${DOMAIN}", fileName: $f, content: $c, asOf: "2026-11-01" }) {
    summary { committed errorCount files { alreadyImported } } } }`;
const POSITION = `{ smartAccount(domain: "${DOMAIN}") { position(asOf: "2026-11-01") { owned consumed } } }`;

interface ImportBody {
  importData: {
    summary: { committed: boolean; errorCount: number; files: { alreadyImported: boolean }[] };
  };
}

describe.skipIf(!onPostgres())('two API replicas on one PostgreSQL', () => {
  let handleA: DbHandle;
  let handleB: DbHandle;
  let a: TestApi;
  let b: TestApi;
  let servicesB: Services;

  beforeAll(async () => {
    handleA = await createTestDb();
    // A second pool on the same database: another process as far as PostgreSQL can tell.
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${await currentDatabase(handleA)}`;
    handleB = await createPostgresDb({ url: url.toString(), migrate: false, max: 4 });
    a = await startTestApi(handleA, TODAY);
    b = await startTestApi(handleB, TODAY);
    servicesB = b.services;
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await handleB.close();
    await handleA.close();
  });

  async function currentDatabase(handle: DbHandle): Promise<string> {
    const { sql } = await import('drizzle-orm');
    const [row] = await handle.rows<{ name: string }>(sql`select current_database() as name`);
    return row!.name;
  }

  it('serialises one file imported through both at once: one import, one "already imported"', async () => {
    const content = fixture('acme-licenses.csv');
    const [ra, rb] = await Promise.all(
      [a, b].map((api) => graphql<ImportBody>(api.graphqlUrl, IMPORT, { f: 'l.csv', c: content })),
    );
    const results = [ra!, rb!].map((r) => r.data!.importData.summary);
    expect(results.map((r) => [r.committed, r.errorCount])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(results.map((r) => r.files[0]!.alreadyImported).sort()).toEqual([false, true]);
  });

  it('a write through one is seen by the next read through the other', async () => {
    const sum = (r: { data?: { smartAccount: { position: { consumed: number }[] } } }) =>
      r.data!.smartAccount.position.reduce((s, l) => s + l.consumed, 0);
    // B reads (and caches) the position, A imports usage, B reads again.
    const before = sum(await graphql(b.graphqlUrl, POSITION));
    // The same export a day later: Sales-West uses 12 → 15 of its DNA Essentials.
    const later = fixture('acme-licenses.csv').replace(
      '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2"',
      '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","15","","-5"',
    );
    const imported = await graphql<ImportBody>(a.graphqlUrl, IMPORT, { f: 'l2.csv', c: later });
    expect(imported.data!.importData.summary.committed).toBe(true);
    const afterB = sum(await graphql(b.graphqlUrl, POSITION));
    const afterA = sum(await graphql(a.graphqlUrl, POSITION));
    expect(afterB).toBe(afterA);
    expect(afterB).toBe(before + 3);
  });

  it('a scheduled snapshot run on both at once takes one snapshot per account', async () => {
    const results = await Promise.all([
      a.services.history.takeScheduled(),
      servicesB.history.takeScheduled(),
    ]);
    expect(results.flat()).toEqual([DOMAIN]);
    const account = await servicesB.accounts.smartAccountByDomain(DOMAIN);
    const snapshots = await servicesB.history.snapshotsOf(account!.id);
    expect(snapshots.map((s) => s.name)).toEqual([`auto-${TODAY}`]);
  });
});
