import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

// 4 Virtual Accounts × 5 licenses, each with a lot of 10 and usage 7 + 2·license: licenses 2.. are short.
const VAS = ['Delta', 'alpha', 'Charlie', 'Bravo'];
const LICENSES = ['E', 'B', 'D', 'A', 'C'];
const spec: EstateSpec = {
  domain: 'paging.example',
  virtualAccounts: VAS.map((name, i) => ({ name, region: i % 2 === 0 ? 'EMEA' : 'AMER' })),
  licenses: LICENSES.map((name) => ({ name, productFamily: 'Family' })),
  lots: VAS.flatMap((_, va) =>
    LICENSES.map((_, license) => ({
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
  usage: VAS.flatMap((_, va) =>
    LICENSES.map((_, license) => ({
      va,
      license,
      instance: null,
      quantity: 7 + 2 * license,
      asOf: '2026-01-01',
    })),
  ),
  reservations: [],
};

interface Row {
  virtualAccountName: string;
  licenseName: string;
  shortfall: string;
}
interface Conn {
  totalCount: number;
  nodes: Row[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

describe('positionRows pagination and filters', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  const rows = async (args: string) => {
    const res = await graphql<{ smartAccount: { positionRows: Conn } }>(
      url,
      `{ smartAccount(domain: "paging.example") {
      positionRows(asOf: "2026-02-01", ${args}) { totalCount nodes { virtualAccountName licenseName shortfall }
        edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
    );
    return { conn: res.data?.smartAccount?.positionRows, errors: res.errors };
  };

  beforeAll(async () => {
    handle = await createTestDb();
    await insertEstate(handle.db, spec);
    const server = await startTestApi(handle, '2026-02-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('sorts by Virtual Account then license name and returns an exact page whole', async () => {
    const { conn } = await rows('first: 20');
    expect(conn!.totalCount).toBe(20);
    expect(conn!.pageInfo.hasNextPage).toBe(false);
    const expected = [...VAS].sort().flatMap((va) => [...LICENSES].sort().map((l) => `${va}/${l}`));
    expect(conn!.nodes.map((n) => `${n.virtualAccountName}/${n.licenseName}`)).toEqual(expected);
  });

  it('walks pages with cursors to the same rows, ending on a short last page', async () => {
    const all = (await rows('first: 20')).conn!.nodes;
    const seen: Row[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    let previous: boolean[] = [];
    for (;;) {
      const { conn }: { conn: Conn | undefined } = await rows(
        `first: 7${after ? `, after: "${after}"` : ''}`,
      );
      seen.push(...conn!.nodes);
      sizes.push(conn!.nodes.length);
      previous = [...previous, conn!.pageInfo.hasPreviousPage];
      expect(conn!.totalCount).toBe(20);
      if (!conn!.pageInfo.hasNextPage) break;
      after = conn!.pageInfo.endCursor;
    }
    expect(sizes).toEqual([7, 7, 6]);
    expect(previous).toEqual([false, true, true]);
    expect(seen).toEqual(all);
  });

  it('returns an empty page after the last row, still counting the total', async () => {
    const last = (await rows('first: 20')).conn!.pageInfo.endCursor;
    const { conn } = await rows(`first: 5, after: "${last}"`);
    expect(conn).toMatchObject({
      totalCount: 20,
      nodes: [],
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('returns an empty connection when the filter matches nothing', async () => {
    const { conn } = await rows('filter: { virtualAccountNames: ["Nope"] }');
    expect(conn).toMatchObject({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
    });
  });

  it('answers first: 0 with the count only', async () => {
    const { conn } = await rows('first: 0');
    expect(conn).toMatchObject({ totalCount: 20, nodes: [], pageInfo: { hasNextPage: true } });
  });

  it('filters by shortfall with the same rule as the position (usage 7,9 fit in 10; 11,13,15 do not)', async () => {
    const short = (await rows('first: 100, filter: { hasShortfall: true }')).conn!;
    expect(short.totalCount).toBe(12);
    expect(short.nodes.every((n) => BigInt(n.shortfall) > 0n)).toBe(true);
    expect(new Set(short.nodes.map((n) => n.licenseName))).toEqual(new Set(['D', 'A', 'C']));
    const fine = (await rows('first: 100, filter: { hasShortfall: false }')).conn!;
    expect(fine.totalCount).toBe(8);
  });

  it('filters by region and Virtual Account names together', async () => {
    const { conn } = await rows(
      'filter: { regions: ["EMEA"], virtualAccountNames: ["Delta", "alpha"] }',
    );
    expect(new Set(conn!.nodes.map((n) => n.virtualAccountName))).toEqual(new Set(['Delta']));
    expect(conn!.totalCount).toBe(5);
  });

  it('rejects an oversized page and a forged cursor as bad user input', async () => {
    expect((await rows('first: 5001')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await rows('after: "not-a-cursor"');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.message).toMatch(/cursor/);
  });
});
