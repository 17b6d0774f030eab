import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec, type InsertedEstate } from '../support/estate.js';
import { gid } from '../support/global-id.js';
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
  instances: [{ va: 1, mode: 'SLR' }],
  usage: [],
  // Two reservations on Alpha's device, of 1 and 2 units.
  reservations: [
    { instance: 0, license: 1, events: [{ delta: 1, on: '2026-01-01' }] },
    { instance: 0, license: 2, events: [{ delta: 2, on: '2026-01-01' }] },
  ],
};

interface Conn<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

let handle: DbHandle;
let api: TestApi;
let inserted: InsertedEstate;

beforeAll(async () => {
  handle = await createTestDb();
  inserted = await insertEstate(handle.db, spec);
  api = await startTestApi(handle, '2026-06-01');
  // Three prices: L1 in USD and EUR, L2 in USD.
  for (const [license, currency, listPrice] of [
    ['L1', 'USD', '100'],
    ['L1', 'EUR', '90'],
    ['L2', 'USD', '50'],
  ]) {
    const res = await graphql(
      api.graphqlUrl,
      `
        mutation ($sa: ID!, $license: String!, $currency: CurrencyCode!, $listPrice: String!) {
          setPrice(
            input: {
              smartAccountId: $sa
              license: $license
              currency: $currency
              listPrice: $listPrice
            }
          ) {
            priceBookEntry {
              id
            }
          }
        }
      `,
      { sa: gid('SmartAccount', inserted.smartAccountId), license, currency, listPrice },
    );
    expect(res.errors).toBeUndefined();
  }
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

  it('pages the price book in the order of priceBook', async () => {
    const res = await account<{
      priceBook: { id: string }[];
      priceBookConnection: Conn<{ id: string }>;
    }>(`priceBook { id } priceBookConnection(first: 2) { ${PAGE} nodes { id } }`);
    const { priceBook, priceBookConnection } = res.data!.smartAccount;
    expect(priceBook).toHaveLength(3);
    expect(priceBookConnection.totalCount).toBe(3);
    expect(priceBookConnection.nodes).toEqual(priceBook.slice(0, 2));
    const rest = await account<{ priceBookConnection: Conn<{ id: string }> }>(
      `priceBookConnection(first: 2, after: "${priceBookConnection.pageInfo.endCursor}") { ${PAGE} nodes { id } }`,
    );
    expect(rest.data!.smartAccount.priceBookConnection.nodes).toEqual(priceBook.slice(2));
    expect(rest.data!.smartAccount.priceBookConnection.pageInfo.hasNextPage).toBe(false);
  });

  it('pages reservations in the order of reservations', async () => {
    const res = await account<{
      reservations: { id: string; quantity: number }[];
      reservationsConnection: Conn<{ id: string; quantity: number }>;
    }>(
      `reservations { id quantity } reservationsConnection(first: 1) { ${PAGE} nodes { id quantity } }`,
    );
    const { reservations, reservationsConnection } = res.data!.smartAccount;
    expect(reservations.map((r) => r.quantity).sort()).toEqual([1, 2]);
    expect(reservationsConnection).toMatchObject({
      totalCount: 2,
      nodes: [reservations[0]],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
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
