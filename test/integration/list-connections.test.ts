import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// virtualAccountsConnection, licensesConnection, entitlementsConnection: forward-only pages over
// the same rows as the plain lists.
const DOMAIN = 'lists.example';
const spec: EstateSpec = {
  domain: DOMAIN,
  virtualAccounts: [{ name: 'Charlie' }, { name: 'Alpha' }, { name: 'Bravo' }],
  licenses: [{ name: 'L3' }, { name: 'L1' }, { name: 'L2' }],
  // Alpha (index 1) holds three lots of 1, 2 and 3 units.
  lots: [0, 1, 2].map((license) => ({
    va: 1,
    license,
    quantity: license + 1,
    licenseType: 'PERPETUAL' as const,
    startDate: null,
    endDate: null,
    source: 'SMART' as const,
  })),
  instances: [],
  usage: [],
  reservations: [],
};

interface Conn<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

let handle: DbHandle;
let api: TestApi;

beforeAll(async () => {
  handle = await createTestDb();
  await insertEstate(handle.db, spec);
  api = await startTestApi(handle, '2026-06-01');
});

afterAll(async () => {
  await api?.close();
  await handle?.close();
});

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor }';

async function account<T>(selection: string) {
  const res = await graphql<{ smartAccount: T }>(
    api.graphqlUrl,
    `{ smartAccount(domain: "${DOMAIN}") { ${selection} } }`,
  );
  return res;
}

describe('connections over growing lists', () => {
  it('pages Virtual Accounts by name, two then one', async () => {
    const first = await account<{ virtualAccountsConnection: Conn<{ name: string }> }>(
      `virtualAccountsConnection(first: 2) { ${PAGE} nodes { name } }`,
    );
    const page1 = first.data!.smartAccount.virtualAccountsConnection;
    expect(page1.nodes.map((n) => n.name)).toEqual(['Alpha', 'Bravo']);
    expect(page1).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const second = await account<{ virtualAccountsConnection: Conn<{ name: string }> }>(
      `virtualAccountsConnection(first: 2, after: "${page1.pageInfo.endCursor}") { ${PAGE} nodes { name } }`,
    );
    const page2 = second.data!.smartAccount.virtualAccountsConnection;
    expect(page2.nodes.map((n) => n.name)).toEqual(['Charlie']);
    expect(page2).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });

  it('pages licenses by name', async () => {
    const res = await account<{ licensesConnection: Conn<{ name: string }> }>(
      `licensesConnection(first: 5) { ${PAGE} nodes { name } }`,
    );
    expect(res.data!.smartAccount.licensesConnection).toMatchObject({
      totalCount: 3,
      nodes: [{ name: 'L1' }, { name: 'L2' }, { name: 'L3' }],
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
  });

  it('pages a Virtual Account’s lots in the order of entitlements', async () => {
    const res = await account<{
      virtualAccounts: {
        name: string;
        entitlements: { quantity: number }[];
        entitlementsConnection: Conn<{ quantity: number }>;
      }[];
    }>(
      `virtualAccounts { name entitlements { quantity }
        entitlementsConnection(first: 2) { ${PAGE} nodes { quantity } } }`,
    );
    const alpha = res.data!.smartAccount.virtualAccounts.find((va) => va.name === 'Alpha')!;
    expect([...alpha.entitlements.map((e) => e.quantity)].sort()).toEqual([1, 2, 3]);
    expect(alpha.entitlementsConnection.totalCount).toBe(3);
    expect(alpha.entitlementsConnection.nodes).toEqual(alpha.entitlements.slice(0, 2));
    expect(alpha.entitlementsConnection.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a foreign cursor and an oversized page with clear errors', async () => {
    const bad = await account(`licensesConnection(first: 1, after: "bm9wZQ") { totalCount }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
    });
    const big = await account(`licensesConnection(first: 5001) { totalCount }`);
    expect(big.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PAGE_SIZE',
    });
  });
});
