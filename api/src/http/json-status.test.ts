import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHttpServer } from './server.js';
import type { RunningHttpServer } from './server.js';

// Rows: `rows(first)` returns min(first, 3) rows; `page(first)` is a connection over the same.
const schema = buildSchema(`
  type Query { hello: String!  rows(first: Int): [Row!]!  page(first: Int): RowConnection! }
  type Row { name: String!  kids(first: Int): [Row!]! }
  type RowConnection { nodes: [Row!]!  totalCount: Int! }
`);
const row = (i: number): object => ({
  name: `r${i}`,
  kids: ({ first }: { first: number }) =>
    Array.from({ length: Math.min(first, i) }, (_, k) => ({ name: `k${k}`, kids: [] })),
});
const three = (first: number) => Array.from({ length: Math.min(first, 3) }, (_, i) => row(i + 1));
const root = {
  hello: () => 'hi',
  rows: ({ first }: { first: number }) => three(first),
  page: ({ first }: { first: number }) => ({ nodes: three(first), totalCount: 3 }),
};
const TOKEN = 'json-status-token';

let server: RunningHttpServer;

beforeAll(async () => {
  server = await startHttpServer({
    schema,
    authenticate: async (token) => (token === TOKEN ? { tokenName: 't' } : undefined),
    context: () => ({}),
    host: '127.0.0.1',
    port: 0,
    sampleQuery: '{ hello }',
    health: async () => {},
    queryLimits: { maxSelections: 100, maxDepth: 5, maxCost: 500 },
  });
  // Root fields resolve from rootValue-less defaults: attach resolvers to the schema's fields.
  for (const [name, resolve] of Object.entries(root)) {
    schema.getQueryType()!.getFields()[name]!.resolve = (_s, args) =>
      (resolve as (a: unknown) => unknown)(args);
  }
  const kids = schema.getTypeMap().Row as unknown as {
    getFields(): Record<string, { resolve?: unknown }>;
  };
  kids.getFields().kids!.resolve = (source: { kids: unknown }, args: unknown) =>
    typeof source.kids === 'function' ? (source.kids as (a: unknown) => unknown)(args) : [];
});

afterAll(async () => {
  await server.close();
});

const post = (query: string, accept?: string, variables?: object) =>
  fetch(server.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
      ...(accept ? { accept } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });

describe('status codes by response media type (GraphQL over HTTP)', () => {
  const failures: [string, string, object | undefined, string][] = [
    ['an unparsable document', '{ hello', undefined, 'GRAPHQL_PARSE_FAILED'],
    ['a document that fails validation', '{ nope }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'variables that do not coerce',
      'query($n: Int) { rows(first: $n) { name } }',
      { n: 'x' },
      'BAD_USER_INPUT',
    ],
    [
      'a query over the cost limit',
      '{ rows(first: 1000) { name kids(first: 1) { name } } }',
      undefined,
      'QUERY_TOO_COMPLEX',
    ],
  ];
  for (const [what, query, variables, code] of failures) {
    it(`answers ${what} with 200 and the message to an application/json-only client`, async () => {
      for (const accept of ['application/json', undefined]) {
        const res = await post(query, accept, variables);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        const body = (await res.json()) as { errors: { message: string; extensions: object }[] };
        expect(body.errors[0]!.message.length).toBeGreaterThan(0);
        expect(body.errors[0]!.extensions).toMatchObject({ code });
      }
    });
    it(`answers ${what} with 400 to an application/graphql-response+json client`, async () => {
      const res = await post(query, 'application/graphql-response+json', variables);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    });
  }

  it('keeps 401 for a missing token and 400 for an unreadable body, whatever Accept says', async () => {
    const anonymous = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(anonymous.status).toBe(401);
    const garbled = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${TOKEN}`,
      },
      body: '{"query": ',
    });
    expect(garbled.status).toBe(400);
  });
});

describe('extensions.cost', () => {
  const cost = async (query: string) =>
    ((await (await post(query)).json()) as { extensions: { cost: object } }).extensions.cost;

  it('reports the actual cost (rows returned) beside the requested cost (rows asked for)', async () => {
    // Scalars cost 0, objects 1: rows(first: 50) { name kids(first: 1) { name } } asks
    // 1 + 50 × (1 + 1 × 0) = 51; 3 rows come back: 1 + 3 × 1 = 4.
    expect(await cost('{ rows(first: 50) { name kids(first: 1) { name } } }')).toEqual({
      requestedQueryCost: 51,
      actualQueryCost: 4,
      maximumAvailable: 500,
    });
    // A connection: page(first: 10) { totalCount nodes { name } } asks 1 + 10 × (0 + 1 + 0) = 11;
    // 3 nodes come back: 1 + 3 × 1 = 4.
    expect(await cost('{ page(first: 10) { totalCount nodes { name } } }')).toEqual({
      requestedQueryCost: 11,
      actualQueryCost: 4,
      maximumAvailable: 500,
    });
  });

  it('costs a nested page at the largest page it returned, through aliases and fragments', async () => {
    // rows(first: 5) { name kids(first: 4) { name kids(first: 1) { name } } } asks
    // 1 + 5 × (1 + 4 × (1 + 1 × 0)) = 26. 3 rows come back, with 1, 2 and 3 kids (who have none):
    // the largest kids page is 3 rows, the inner pages 0, so 1 + 3 × (1 + 3 × (1 + 0)) = 13.
    const query =
      '{ all: rows(first: 5) { ...R } } fragment R on Row { name kids(first: 4) { name kids(first: 1) { name } } }';
    expect(await cost(query)).toEqual({
      requestedQueryCost: 26,
      actualQueryCost: 13,
      maximumAvailable: 500,
    });
  });

  it('equals the requested cost when every page is full', async () => {
    // 1 + 2 × (1 + 1 × 0) for the rows, each with its one kid; hello is a scalar (0).
    expect(await cost('{ rows(first: 2) { name kids(first: 1) { name } } hello }')).toEqual({
      requestedQueryCost: 3,
      actualQueryCost: 3,
      maximumAvailable: 500,
    });
  });
});
