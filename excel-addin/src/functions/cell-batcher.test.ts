import { readFileSync } from 'node:fs';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import type { FetchLike } from '../api-client/client.js';
import { AddinError } from '../api-client/errors.js';

import { parseAsOf } from './as-of.js';
import { createCellBatcher } from './cell-batcher.js';

const schema = buildSchema(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);

/** A fake API: records each request and answers from `lines` (per as-of variable). */
function fakeApi(lines: (asOf: string | null) => Record<string, unknown>[]) {
  const requests: {
    query: string;
    variables: Record<string, unknown>;
    auth?: string | undefined;
  }[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const body = JSON.parse(String(init.body)) as (typeof requests)[number];
    requests.push({ ...body, auth: (init.headers as Record<string, string>).authorization });
    const groups = Object.keys(body.variables).filter((k) => k.startsWith('asOf'));
    const smartAccount = Object.fromEntries(
      groups.map((k, i) => [
        `g${i}`,
        { nodes: lines(body.variables[k] as string | null), pageInfo: { hasNextPage: false } },
      ]),
    );
    return new Response(JSON.stringify({ data: { smartAccount } }));
  };
  return { fetch, requests };
}

const line = (va: string, license: string, owned: number) => ({
  virtualAccountName: va,
  licenseName: license,
  owned,
  consumed: owned + 1,
  balance: -1,
  shortfall: 1,
  exposure: owned === 0 ? null : `${owned}.50`,
  currency: owned === 0 ? null : 'USD',
});

function batcherWith(api: ReturnType<typeof fakeApi>) {
  const flushes: (() => void)[] = [];
  const batcher = createCellBatcher({
    connection: () => ({ apiUrl: 'https://trueup.test', token: 'tok', smartAccount: 'acme.com' }),
    fetch: api.fetch,
    schedule: (flush) => flushes.push(flush),
  });
  return { batcher, flush: () => flushes.splice(0).forEach((f) => f()) };
}

describe('custom-function batching', () => {
  it('answers 1,000 cells of one recalculation with one GraphQL request', async () => {
    const api = fakeApi(() =>
      Array.from({ length: 100 }, (_, v) =>
        Array.from({ length: 10 }, (_, l) => line(`VA ${v}`, `L ${l}`, v * 10 + l)),
      ).flat(),
    );
    const { batcher, flush } = batcherWith(api);
    const cells = Array.from({ length: 1000 }, (_, i) =>
      batcher.request('owned', `VA ${Math.floor(i / 10)}`, `L ${i % 10}`),
    );
    flush();
    const values = await Promise.all(cells);
    expect(api.requests).toHaveLength(1);
    expect(values).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const [request] = api.requests;
    expect(request?.auth).toBe('Bearer tok');
    expect(validate(schema, parse(request?.query ?? '')).map((e) => e.message)).toEqual([]);
    expect(request?.query).not.toMatch(/mutation/i);
    expect((request?.variables.vas0 as string[]).length).toBe(100);
  });

  it('groups several as-of dates into the same single request', async () => {
    const api = fakeApi((asOf) => [line('Eng', 'L', asOf === '2026-01-01' ? 5 : 9)]);
    const { batcher, flush } = batcherWith(api);
    const a = batcher.request('owned', 'Eng', 'L', '2026-01-01');
    const b = batcher.request('owned', 'Eng', 'L');
    const c = batcher.request('consumed', 'Eng', 'L', '2026-01-01');
    flush();
    expect(await Promise.all([a, b, c])).toEqual([5, 9, 6]);
    expect(api.requests).toHaveLength(1);
  });

  it('reads exposure as a number, and says so when a license has no price', async () => {
    const api = fakeApi(() => [line('Eng', 'Priced', 12), line('Eng', 'Unpriced', 0)]);
    const { batcher, flush } = batcherWith(api);
    const priced = batcher.request('exposure', 'Eng', 'Priced');
    const unpriced = batcher.request('exposure', 'Eng', 'Unpriced');
    flush();
    expect(await priced).toBe(12.5);
    await expect(unpriced).rejects.toThrow(/No price for Unpriced/);
    expect(api.requests).toHaveLength(1);
  });

  it('fetches the rest of a group when more lines match than one page holds', async () => {
    const requests: string[] = [];
    const fetch: FetchLike = async (_url, init) => {
      const body = JSON.parse(String(init.body)) as {
        query: string;
        variables: { after?: string };
      };
      requests.push(
        body.query.includes('CellBatch') ? 'batch' : `page after ${body.variables.after}`,
      );
      const data = body.query.includes('CellBatch')
        ? {
            smartAccount: {
              g0: { nodes: [line('A', 'L', 1)], pageInfo: { hasNextPage: true, endCursor: 'c1' } },
            },
          }
        : {
            smartAccount: {
              positionRows: {
                totalCount: 2,
                nodes: [line('B', 'L', 2)],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          };
      return new Response(JSON.stringify({ data }));
    };
    const { batcher, flush } = batcherWith({ fetch, requests: [] });
    const a = batcher.request('owned', 'A', 'L');
    const b = batcher.request('owned', 'B', 'L');
    flush();
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(requests).toEqual(['batch', 'page after c1']);
  });

  it('rejects a cell the server has no line for with a message naming it', async () => {
    const api = fakeApi(() => []);
    const { batcher, flush } = batcherWith(api);
    const cell = batcher.request('shortfall', 'Nowhere', 'DNA');
    flush();
    await expect(cell).rejects.toThrow(/No position for DNA in Virtual Account Nowhere/);
    await expect(cell).rejects.toBeInstanceOf(AddinError);
  });

  it('turns an unreachable server into a network error for every cell', async () => {
    const { batcher, flush } = batcherWith({
      requests: [],
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const cell = batcher.request('owned', 'Eng', 'L');
    flush();
    await expect(cell).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('parseAsOf', () => {
  it('takes ISO dates, Excel date serials and nothing', () => {
    expect(parseAsOf('2026-03-31')).toEqual({ asOf: '2026-03-31' });
    expect(parseAsOf(46112)).toEqual({ asOf: '2026-03-31' });
    expect(parseAsOf(undefined)).toEqual({});
    expect(parseAsOf('2026-02-30')).toHaveProperty('error');
    expect(parseAsOf('next week')).toHaveProperty('error');
  });
});
