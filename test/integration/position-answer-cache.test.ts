import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { textSource } from '../../api/src/index.js';
import type { DbHandle } from '../../db/src/index.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../db/src/index.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// Issue 15: answers of position reads are remembered per (token scope, account version,
// document, variables) and replayed; a write moves the version, a token sees only its scope.
const TODAY = '2026-03-01';
const DOMAIN = DEMO_ACCOUNTS.small.domain;
const VA = 'cache-test';
const LICENSE = 'CACHE TEST COUNTER';

const READ = `query CacheRead($domain: String!, $va: String!) {
  smartAccount(domain: $domain) {
    positionRows(filter: { virtualAccountNames: [$va] }, first: 10) {
      totalCount nodes { virtualAccountName licenseName consumed }
    }
  }
}`;

interface ReadData {
  smartAccount: {
    positionRows: { totalCount: number; nodes: { licenseName: string; consumed: string }[] };
  } | null;
}

describe('remembered answers of position reads', () => {
  let handle: DbHandle;
  let api: TestApi;
  /** Position pages the service built (a replayed answer builds none). */
  let pagesBuilt = 0;

  const importCounter = (domain: string, inUse: number) =>
    api.services.imports.run({
      smartAccount: domain,
      asOf: TODAY,
      dryRun: false,
      files: [
        textSource(
          'counter.csv',
          'Virtual Account,License,Purchased,In Use,Balance\r\n' +
            `${VA},${LICENSE},0,${inUse},${-inUse}\r\n`,
          'cssm-licenses-csv',
        ),
      ],
    });
  const consumed = async (token?: string) => {
    const res = await graphql<ReadData>(
      api.graphqlUrl,
      READ,
      { domain: DOMAIN, va: VA },
      token === undefined ? {} : { token },
    );
    expect(res.errors).toBeUndefined();
    return res.data?.smartAccount?.positionRows.nodes.map((n) => n.consumed) ?? null;
  };

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    api = await startTestApi(handle, TODAY);
    const rowsPage = api.services.position.rowsPage;
    api.services.position.rowsPage = (query) => {
      pagesBuilt += 1;
      return rowsPage(query);
    };
    await importCounter(DOMAIN, 1);
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('replays an answer while nothing is written, and shows each committed write at once', async () => {
    // The first read of today computes the kept rows (a new version): its answer is
    // remembered under the version before, so the second read builds the page once more.
    expect(await consumed()).toEqual(['1']);
    expect(await consumed()).toEqual(['1']);
    pagesBuilt = 0;
    expect(await consumed()).toEqual(['1']);
    expect(pagesBuilt).toBe(0);
    for (const inUse of [2, 3]) {
      await importCounter(DOMAIN, inUse);
      expect(await consumed()).toEqual([String(inUse)]);
    }
    expect(pagesBuilt).toBe(2);
  });

  it('never gives one token the answer remembered for another scope', async () => {
    // A second Smart Account, and a token granted only that one.
    await importCounter('other-cache.example', 5);
    const { token } = await api.services.access.create({
      role: 'VIEWER',
      smartAccounts: ['other-cache.example'],
      name: 'cache-scope',
    });
    expect(await consumed()).not.toBeNull(); // remembered for the admin token
    expect(await consumed(token)).toBeNull();
  });
});
