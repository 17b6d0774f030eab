import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../support/estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// The README's "Pulling positions into Power BI / Python" examples (examples/), run against a
// live API: the Python pager end to end, the Power Query snippet's document and HTTP request.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PYTHON_PAGER = join(ROOT, 'examples/positions_to_csv.py');
const POWER_QUERY = readFileSync(join(ROOT, 'examples/positions.pq'), 'utf8');
const schema = buildSchema(readFileSync(join(ROOT, 'api/schema.graphql'), 'utf8'));

// Two Virtual Accounts × two licenses, a Smart lot of 10 on each line; consumption 7, 12, 10
// and none. By hand: Alpha/L-A +3, Alpha/L-B −2 (short 2), Beta/L-A 0, Beta/L-B +10.
const DOMAIN = 'bi.example';
const spec: EstateSpec = {
  domain: DOMAIN,
  virtualAccounts: [{ name: 'Alpha' }, { name: 'Beta' }],
  licenses: [{ name: 'L-A' }, { name: 'L-B' }],
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
  usage: [
    { va: 0, license: 0, instance: null, quantity: 7, asOf: '2026-05-01' },
    { va: 0, license: 1, instance: null, quantity: 12, asOf: '2026-05-01' },
    { va: 1, license: 0, instance: null, quantity: 10, asOf: '2026-05-01' },
  ],
  reservations: [],
};

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

const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Runs the pager as a child process (asynchronously: the server answers in this process). */
async function runPager(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)('python3', [PYTHON_PAGER, ...args], {
      env: { ...process.env, TRUEUP_TOKEN: api.adminToken },
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

describe('the standard-library Python pager (examples/positions_to_csv.py)', () => {
  // Without python3 on this machine the example cannot run; the Power Query checks still do.
  it.skipIf(!hasPython)('pages positionRows into a CSV file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'trueup-bi-')), 'positions.csv');
    const run = await runPager([
      '--url',
      api.graphqlUrl,
      '--domain',
      DOMAIN,
      '--page-size',
      '3',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('wrote 4 rows\n');
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'asOf,virtualAccountName,region,businessUnit,environment,licenseName,productFamily,unit,kind,billing,owned,ownedSmart,ownedClassic,consumed,reserved,statedReserved,balance,shortfall,surplus,usageReportedAt,unitPrice,exposure,currency',
        // No tags, family, price or stated reserve in this estate: empty cells (null).
        '2026-06-01,Alpha,,,PRODUCTION,L-A,,DEVICE,BASE,UNKNOWN,10,10,0,7,0,,3,0,3,2026-05-01,,,',
        '2026-06-01,Alpha,,,PRODUCTION,L-B,,DEVICE,BASE,UNKNOWN,10,10,0,12,0,,-2,2,0,2026-05-01,,,',
        '2026-06-01,Beta,,,PRODUCTION,L-A,,DEVICE,BASE,UNKNOWN,10,10,0,10,0,,0,0,0,2026-05-01,,,',
        '2026-06-01,Beta,,,PRODUCTION,L-B,,DEVICE,BASE,UNKNOWN,10,10,0,0,0,,10,0,10,,,,',
        '',
      ].join('\n'),
    );
  });

  it.skipIf(!hasPython)('stops with the server message on a GraphQL error', async () => {
    const run = await runPager([
      '--url',
      api.graphqlUrl,
      '--domain',
      DOMAIN,
      '--page-size',
      '6000',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^Trueup: .*5000/m);
  });
});

describe('the Power Query snippet (examples/positions.pq)', () => {
  // The M string literal: "..." with "" for a quote.
  const query = /Query = "((?:[^"]|"")*)"/.exec(POWER_QUERY)![1]!.replaceAll('""', '"');
  // What Web.Contents sends: a POST (Content is set) with exactly these headers.
  const webContents = (variables: object) =>
    fetch(api.graphqlUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${api.adminToken}`,
      },
      body: JSON.stringify({ query, variables }),
    });

  it('sends a document that validates against the emitted schema', () => {
    expect(query).toMatch(/positionRows\(first: \$first, after: \$after\)/);
    // Every flat column, tags and money included.
    expect(query).toMatch(
      /nodes \{ asOf virtualAccountName region businessUnit environment licenseName productFamily unit kind billing owned ownedSmart ownedClassic consumed reserved statedReserved balance shortfall surplus usageReportedAt unitPrice exposure currency \}/,
    );
    expect(validate(schema, parse(query))).toEqual([]);
  });

  it('gets 200 with data for its request, page after page', async () => {
    const first = await webContents({ domain: DOMAIN, first: 3, after: null });
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      data: {
        smartAccount: {
          positionRows: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            nodes: { virtualAccountName: string; licenseName: string; balance: string }[];
          };
        };
      };
    };
    const rows = page1.data.smartAccount.positionRows;
    expect(rows.nodes.map((n) => `${n.virtualAccountName}/${n.licenseName} ${n.balance}`)).toEqual([
      'Alpha/L-A 3',
      'Alpha/L-B -2',
      'Beta/L-A 0',
    ]);
    expect(rows.pageInfo.hasNextPage).toBe(true);
    const second = await webContents({
      domain: DOMAIN,
      first: 3,
      after: rows.pageInfo.endCursor,
    });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({
      data: {
        smartAccount: {
          positionRows: {
            pageInfo: { hasNextPage: false },
            nodes: [{ virtualAccountName: 'Beta', licenseName: 'L-B', balance: '10' }],
          },
        },
      },
    });
  });

  it('gets 200 with the message (not a 400 Web.Contents would raise on) when refused', async () => {
    const res = await webContents({ domain: DOMAIN, first: 6000, after: null });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/5000/);
  });
});

describe('persisted queries over GET (Apollo automatic persisted queries)', () => {
  const query = '{ smartAccounts { domain } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const get = (params: Record<string, string>) =>
    fetch(`${api.graphqlUrl}?${new URLSearchParams(params).toString()}`, {
      headers: {
        authorization: `Bearer ${api.adminToken}`,
        'apollo-require-preflight': 'true',
        accept: 'application/json',
      },
    });
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });

  it('asks for the query once, then answers by hash alone', async () => {
    const unknown = await get({ extensions });
    expect(await unknown.json()).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    const registered = await get({ query, extensions });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({
      data: { smartAccounts: [{ domain: DOMAIN }] },
    });
    const byHash = await get({ extensions });
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toMatchObject({ data: { smartAccounts: [{ domain: DOMAIN }] } });
  });

  it('refuses a GET without the preflight header (CSRF prevention)', async () => {
    const res = await fetch(
      `${api.graphqlUrl}?${new URLSearchParams({ query, extensions }).toString()}`,
      { headers: { authorization: `Bearer ${api.adminToken}` } },
    );
    expect(res.status).toBe(400);
  });
});
