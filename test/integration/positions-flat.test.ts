import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { eq } from 'drizzle-orm';
import { buildSchema, getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { licenses, virtualAccounts, type DbHandle } from '../../db/src/index.js';
import { graphql } from '../support/graphql-client.js';
import { MONEY_DOMAIN, MONEY_TODAY, insertMoneyEstate } from '../support/money-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// Flat position rows for BI tools: GraphQL positionRows, /export/positions.csv and
// /export/positions.jsonl are the same columns under the same names, the same filters and order.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schema = buildSchema(readFileSync(join(ROOT, 'api/schema.graphql'), 'utf8'));

/** The flat columns, in order, as written in the README. */
const COLUMNS = [
  'asOf',
  'virtualAccountName',
  'region',
  'businessUnit',
  'environment',
  'licenseName',
  'productFamily',
  'unit',
  'kind',
  'billing',
  'owned',
  'ownedSmart',
  'ownedClassic',
  'consumed',
  'reserved',
  'statedReserved',
  'balance',
  'shortfall',
  'surplus',
  'usageReportedAt',
  'unitPrice',
  'exposure',
  'currency',
];

// The money estate (see money-estate.ts) with Campus tagged EMEA / Networks / LAB and ISE Base
// a USER add-on. By hand, as of 2026-11-28, ledger usage reported 2026-11-01, no billing stated:
const base = {
  asOf: MONEY_TODAY,
  billing: 'UNKNOWN',
  ownedClassic: '0',
  reserved: '0',
  statedReserved: null,
  usageReportedAt: '2026-11-01',
};
const branch = {
  virtualAccountName: 'Branch',
  region: null,
  businessUnit: null,
  environment: 'PRODUCTION',
};
const campus = {
  virtualAccountName: 'Campus',
  region: 'EMEA',
  businessUnit: 'Networks',
  environment: 'LAB',
};
const device = { unit: 'DEVICE', kind: 'BASE' };
const ROWS = {
  branchDna: {
    ...base,
    ...branch,
    ...device,
    licenseName: 'DNA Advantage',
    productFamily: 'Switching',
    ...{ owned: '5', ownedSmart: '5', consumed: '3', balance: '2', shortfall: '0', surplus: '2' },
    ...{ unitPrice: '800.00', exposure: '0.00', currency: 'USD' },
  },
  branchUnpriced: {
    ...base,
    ...branch,
    ...device,
    licenseName: 'Unpriced',
    productFamily: 'Wireless',
    ...{ owned: '0', ownedSmart: '0', consumed: '2', balance: '-2', shortfall: '2', surplus: '0' },
    ...{ unitPrice: null, exposure: null, currency: null },
  },
  campusDna: {
    ...base,
    ...campus,
    ...device,
    licenseName: 'DNA Advantage',
    productFamily: 'Switching',
    ...{
      owned: '10',
      ownedSmart: '10',
      consumed: '14',
      balance: '-4',
      shortfall: '4',
      surplus: '0',
    },
    ...{ unitPrice: '800.00', exposure: '3200.00', currency: 'USD' },
  },
  campusIse: {
    ...base,
    ...campus,
    unit: 'USER',
    kind: 'ADD_ON',
    licenseName: 'ISE Base',
    productFamily: 'Security',
    ...{ owned: '0', ownedSmart: '0', consumed: '5', balance: '-5', shortfall: '5', surplus: '0' },
    ...{ unitPrice: '100.00', exposure: '500.00', currency: 'EUR' },
  },
  campusNetwork: {
    ...base,
    ...campus,
    ...device,
    licenseName: 'Network Advantage',
    productFamily: 'Switching',
    ...{
      owned: '20',
      ownedSmart: '20',
      consumed: '22',
      balance: '-2',
      shortfall: '2',
      surplus: '0',
    },
    ...{ unitPrice: '450.00', exposure: '900.00', currency: 'USD' },
  },
};
const ALL = [
  ROWS.branchDna,
  ROWS.branchUnpriced,
  ROWS.campusDna,
  ROWS.campusIse,
  ROWS.campusNetwork,
];

let handle: DbHandle;
let api: TestApi;

beforeAll(async () => {
  handle = await createTestDb();
  api = await startTestApi(handle, MONEY_TODAY);
  const estate = await insertMoneyEstate(handle, api.services);
  await handle.db
    .update(virtualAccounts)
    .set({ region: 'EMEA', businessUnit: 'Networks', environment: 'LAB' })
    .where(eq(virtualAccounts.id, estate.virtualAccountIds[0]!));
  await handle.db
    .update(licenses)
    .set({ unit: 'USER', kind: 'ADD_ON' })
    .where(eq(licenses.id, estate.licenseIds[2]!));
});

afterAll(async () => {
  await api?.close();
  await handle?.close();
});

const rowsQuery = (args: string) =>
  `{ smartAccount(domain: "${MONEY_DOMAIN}") { positionRows(${args}) {
      totalCount pageInfo { hasNextPage endCursor } nodes { ${COLUMNS.join(' ')} } } } }`;

interface RowsPage {
  smartAccount: {
    positionRows: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Record<string, unknown>[];
    };
  };
}

const download = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, {
    headers: { authorization: `Bearer ${api.adminToken}`, ...headers },
  });

describe('PositionRow', () => {
  it('has exactly the flat columns as scalars (besides its two objects)', () => {
    const fields = (schema.getType('PositionRow') as GraphQLObjectType).getFields();
    const leaves = Object.values(fields)
      .filter((f) => isLeafType(getNamedType(f.type)))
      .map((f) => f.name);
    expect(leaves.sort()).toEqual([...COLUMNS].sort());
    expect(
      Object.keys(fields)
        .filter((name) => !leaves.includes(name))
        .sort(),
    ).toEqual(['license', 'virtualAccount']);
  });

  it('carries every column a report groups or filters by on the row', async () => {
    const res = await graphql<RowsPage>(api.graphqlUrl, rowsQuery('first: 10'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.smartAccount.positionRows.nodes).toEqual(ALL);
  });

  it('reads prices only when asked, and a read without them leaves the next one priced right', async () => {
    const names = await graphql<RowsPage>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { positionRows(first: 10) {
          totalCount pageInfo { hasNextPage endCursor } nodes { virtualAccountName licenseName shortfall } } } }`,
    );
    expect(names.errors).toBeUndefined();
    expect(names.data!.smartAccount.positionRows.nodes[2]).toEqual({
      virtualAccountName: 'Campus',
      licenseName: 'DNA Advantage',
      shortfall: '4',
    });
    // The price columns through a fragment and edges: still read from the price book.
    const priced = await graphql<{
      smartAccount: {
        positionRows: { edges: { cursor: string; node: Record<string, unknown> }[] };
      };
    }>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { positionRows(first: 10) {
          edges { cursor node { licenseName ...Money } } } } }
       fragment Money on PositionRow { unitPrice exposure currency }`,
    );
    expect(priced.errors).toBeUndefined();
    const edges = priced.data!.smartAccount.positionRows.edges;
    expect(edges.map((e) => e.node)).toEqual(
      ALL.map((row) => ({
        licenseName: row.licenseName,
        unitPrice: row.unitPrice,
        exposure: row.exposure,
        currency: row.currency,
      })),
    );
    expect(edges.every((e) => typeof e.cursor === 'string' && e.cursor.length > 0)).toBe(true);
  });

  it('accepts a page of 5,000 with every flat column and refuses 5,001 with the limit named', async () => {
    const res = await graphql<RowsPage>(api.graphqlUrl, rowsQuery('first: 5000'));
    expect(res.errors).toBeUndefined();
    // smartAccount 1 + positionRows (1 + 5,000 × (pageInfo 1 + nodes 1)); scalars cost 0.
    expect(res.extensions?.cost).toMatchObject({ requestedQueryCost: 10_002 });
    const over = await graphql<RowsPage>(api.graphqlUrl, rowsQuery('first: 5001'));
    expect(over.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 5000',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('costs the nested objects a flat column replaces: one per row each', async () => {
    const res = await graphql<RowsPage>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${MONEY_DOMAIN}") { positionRows(first: 5000) {
          nodes { licenseName virtualAccount { region } license { productFamily } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // 1 + (1 + 5,000 × (nodes 1 + virtualAccount 1 + license 1)).
    expect(res.extensions?.cost).toMatchObject({ requestedQueryCost: 15_002 });
  });

  it('sorts by orderBy with a total order and pages with cursors valid for that order', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: RowsPage } = await graphql<RowsPage>(
        api.graphqlUrl,
        rowsQuery(
          `first: 2, orderBy: { field: SHORTFALL, direction: DESC }${after ? `, after: "${after}"` : ''}`,
        ),
      );
      const rows = res.data!.smartAccount.positionRows;
      names.push(...rows.nodes.map((n) => `${n.virtualAccountName}/${n.licenseName}`));
      after = rows.pageInfo.endCursor;
      if (!rows.pageInfo.hasNextPage) break;
    }
    // Shortfall 5, 4, then the two 2s in reverse (Campus before Branch: DESC reverses the
    // tiebreak too), then 0.
    expect(names).toEqual([
      'Campus/ISE Base',
      'Campus/DNA Advantage',
      'Campus/Network Advantage',
      'Branch/Unpriced',
      'Branch/DNA Advantage',
    ]);
  });

  it('refuses a cursor issued for another order, saying so', async () => {
    const first = await graphql<RowsPage>(api.graphqlUrl, rowsQuery('first: 1'));
    const cursor = first.data!.smartAccount.positionRows.pageInfo.endCursor!;
    const res = await graphql<RowsPage>(
      api.graphqlUrl,
      rowsQuery(`first: 1, after: "${cursor}", orderBy: { field: LICENSE_NAME }`),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/issued for orderBy VIRTUAL_ACCOUNT_NAME ASC/);
  });

  it('filters, then orders', async () => {
    const res = await graphql<RowsPage>(
      api.graphqlUrl,
      rowsQuery('first: 10, filter: { regions: ["EMEA"] }, orderBy: { field: BALANCE }'),
    );
    expect(res.data!.smartAccount.positionRows.totalCount).toBe(3);
    expect(res.data!.smartAccount.positionRows.nodes).toEqual([
      ROWS.campusIse,
      ROWS.campusDna,
      ROWS.campusNetwork,
    ]);
  });
});

describe('/export/positions.csv and /export/positions.jsonl', () => {
  const query = `smartAccount=${MONEY_DOMAIN}&asOf=${MONEY_TODAY}`;

  it('writes the CSV with positionRows’ columns and names, text quoted, numbers bare', async () => {
    const res = await download(`/export/positions.csv?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = (await res.text()).split('\n');
    expect(lines[0]).toBe(COLUMNS.join(','));
    expect(lines.slice(1)).toEqual([
      '2026-11-28,"Branch",,,"PRODUCTION","DNA Advantage","Switching","DEVICE","BASE","UNKNOWN",5,5,0,3,0,,2,0,2,2026-11-01,800.00,0.00,"USD"',
      '2026-11-28,"Branch",,,"PRODUCTION","Unpriced","Wireless","DEVICE","BASE","UNKNOWN",0,0,0,2,0,,-2,2,0,2026-11-01,,,',
      '2026-11-28,"Campus","EMEA","Networks","LAB","DNA Advantage","Switching","DEVICE","BASE","UNKNOWN",10,10,0,14,0,,-4,4,0,2026-11-01,800.00,3200.00,"USD"',
      '2026-11-28,"Campus","EMEA","Networks","LAB","ISE Base","Security","USER","ADD_ON","UNKNOWN",0,0,0,5,0,,-5,5,0,2026-11-01,100.00,500.00,"EUR"',
      '2026-11-28,"Campus","EMEA","Networks","LAB","Network Advantage","Switching","DEVICE","BASE","UNKNOWN",20,20,0,22,0,,-2,2,0,2026-11-01,450.00,900.00,"USD"',
      '',
    ]);
  });

  it('writes JSON Lines whose objects are positionRows’ nodes, keys in column order', async () => {
    const res = await download(`/export/positions.jsonl?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `trueup-${MONEY_DOMAIN}-${MONEY_TODAY}-positions.jsonl`,
    );
    const objects = (await res.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects).toEqual(ALL);
    expect(Object.keys(objects[0]!)).toEqual(COLUMNS);
  });

  it('takes positionRows’ filters and order as query parameters', async () => {
    const res = await download(
      `/export/positions.jsonl?${query}&regions=EMEA&hasShortfall=true&orderBy=SHORTFALL&direction=DESC`,
    );
    const names = (await res.text())
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { licenseName: string }).licenseName);
    expect(names).toEqual(['ISE Base', 'DNA Advantage', 'Network Advantage']);
    const two = await download(
      `/export/positions.csv?${query}&virtualAccountNames=Branch&licenseNames=Unpriced&licenseNames=DNA%20Advantage&includeClassic=false`,
    );
    expect(
      (await two.text())
        .split('\n')
        .slice(1, -1)
        .map((l) => l.split(',')[5]),
    ).toEqual(['"DNA Advantage"', '"Unpriced"']);
  });

  it('refuses a parameter it does not know or cannot read, naming it, with 400', async () => {
    for (const [params, message] of [
      ['virtualAccount=Branch', /unknown parameter virtualAccount; the positions export takes/],
      ['hasShortfall=yes', /hasShortfall must be true or false \(got "yes"\)/],
      ['orderBy=PRICE', /orderBy must be one of VIRTUAL_ACCOUNT_NAME, .*\(got "PRICE"\)/],
      ['orderBy=OWNED&direction=UP', /direction must be ASC or DESC/],
    ] as const) {
      const res = await download(`/export/positions.csv?${query}&${params}`);
      expect(res.status, params).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'INVALID_EXPORT_PARAMETER', message: expect.stringMatching(message) },
      });
    }
  });

  it('sends an ETag and answers 304 to a client that has those bytes', async () => {
    const first = await download(`/export/positions.csv?${query}`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    // fetch would add `cache-control: no-cache` to a conditional request (Fetch spec), which
    // asks the server to ignore If-None-Match; curl and Power Query send none.
    const conditional = { 'if-none-match': etag!, 'cache-control': 'max-age=0' };
    const again = await download(`/export/positions.csv?${query}`, conditional);
    expect(again.status).toBe(304);
    // Other bytes (another format, another filter) have another tag.
    const jsonl = await download(`/export/positions.jsonl?${query}`, conditional);
    expect(jsonl.status).toBe(200);
    const filtered = await download(`/export/positions.csv?${query}&regions=EMEA`, conditional);
    expect(filtered.status).toBe(200);
  });
});
