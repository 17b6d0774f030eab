import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { graphql } from '../support/graphql-client.js';
import { tableCounts } from '../support/table-counts.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');

// What acme-licenses.csv / .json state, per Virtual Account × license: [owned, in use].
const STATED = {
  'Sales-East/C9200 24P DNA Essentials, 3Y Term': [20, 3],
  'Sales-East/C9200 24P Network Essentials': [15, 3],
  'Sales-West/C9200 24P DNA Essentials, 3Y Term': [10, 12],
  'Sales-West/C9200 24P Network Essentials': [12, 12],
};

describe('importing Cisco exports', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
  });
  afterAll(async () => {
    await handle.close();
  });

  const run = (
    domain: string,
    fileName: string,
    content: string,
    asOf = '2026-11-01',
    dryRun = false,
  ) =>
    services.imports.run({
      smartAccount: domain,
      asOf,
      dryRun,
      files: [textSource(fileName, content)],
    });

  async function position(domain: string, asOf: string) {
    const account = await services.accounts.smartAccountByDomain(domain);
    const page = await services.position.rowsPage({
      smartAccountId: account!.id,
      asOf,
      includeClassic: true,
      page: { first: 1000 },
    });
    return Object.fromEntries(
      page.items.map(({ node }) => [
        `${node.virtualAccountName}/${node.licenseName}`,
        [node.owned, node.consumed, node.balance],
      ]),
    );
  }
  const stated = (figures: Record<string, number[]>) =>
    Object.fromEntries(
      Object.entries(figures).map(([k, [owned, inUse]]) => [k, [owned, inUse, owned! - inUse!]]),
    );

  it('gives the position a CSSM licenses CSV states', async () => {
    const summary = await run('csv.example', 'acme-licenses.csv', fixture('acme-licenses.csv'));
    expect(summary).toMatchObject({
      committed: true,
      errorCount: 0,
      files: [{ format: 'cssm-licenses-csv', rowsRead: 4 }],
    });
    expect(await position('csv.example', '2026-11-01')).toEqual(stated(STATED));
  });

  it('gives the same position from the Smart Licensing API JSON of the same account', async () => {
    await run('json.example', 'acme-licenses.json', fixture('acme-licenses.json'));
    expect(await position('json.example', '2026-11-01')).toEqual(stated(STATED));
  });

  it('gives the same in-use from the product instances export (device by device)', async () => {
    const summary = await run(
      'devices.example',
      'acme-instances.csv',
      fixture('acme-instances.csv'),
    );
    expect(summary.counts.created).toMatchObject({ productInstances: 15, usageReports: 30 });
    const inUse = Object.fromEntries(
      Object.entries(await position('devices.example', '2026-11-01')).map(([k, v]) => [k, v[1]]),
    );
    expect(inUse).toEqual(Object.fromEntries(Object.entries(STATED).map(([k, v]) => [k, v[1]])));
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tableCounts(handle);
    const again = await run('csv.example', 'renamed.csv', fixture('acme-licenses.csv'));
    expect(again.files[0]).toMatchObject({ alreadyImported: true });
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('replaces a Virtual Account ledger with a newer export and keeps the older one as history', async () => {
    const newer = fixture('acme-licenses.csv').replace(
      '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2"',
      '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","25","20","","5"',
    );
    const summary = await run('csv.example', 'acme-licenses-december.csv', newer, '2026-12-01');
    expect(summary.counts.updated.supersededLots).toBe(4);
    const key = 'Sales-West/C9200 24P DNA Essentials, 3Y Term';
    expect((await position('csv.example', '2026-11-15'))[key]).toEqual([10, 12, -2]);
    expect((await position('csv.example', '2026-12-01'))[key]).toEqual([25, 20, 5]);
    expect(
      (await position('csv.example', '2026-12-01'))['Sales-East/C9200 24P Network Essentials'],
    ).toEqual([15, 3, 12]);
    const account = await services.accounts.smartAccountByDomain('csv.example');
    const runs = await services.imports.runsOf(account!.id, 10);
    expect(runs.map((r) => [r.fileName, r.asOf, r.status])).toEqual([
      ['acme-licenses-december.csv', '2026-12-01', 'COMMITTED'],
      ['acme-licenses.csv', '2026-11-01', 'COMMITTED'],
    ]);
  });

  it('writes nothing when the last row is bad, and names its line and column', async () => {
    const bad =
      fixture('acme-licenses.csv').trimEnd() +
      '\n"Sales-East","ISE Base","Prepaid","7","x","","","","Perpetual","","","",""\n';
    const before = await tableCounts(handle);
    const summary = await run('bad.example', 'bad.csv', bad);
    expect(summary).toMatchObject({ committed: false, errorCount: 1 });
    expect(summary.issues[0]).toMatchObject({
      file: 'bad.csv',
      line: 6,
      column: 5,
      code: 'NOT_A_NUMBER',
    });
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('writes nothing from any file when one file of several is bad, in either order', async () => {
    const bad =
      fixture('acme-licenses.csv').trimEnd() +
      '\n"Sales-East","ISE Base","Prepaid","7","x","","","","Perpetual","","","",""\n';
    const good = fixture('acme-licenses.json');
    const before = await tableCounts(handle);
    for (const files of [
      [textSource('bad.csv', bad), textSource('good.json', good)],
      [textSource('good.json', good), textSource('bad.csv', bad)],
    ]) {
      const summary = await services.imports.run({
        smartAccount: 'multi.example',
        asOf: '2026-11-01',
        dryRun: false,
        files,
      });
      expect(summary).toMatchObject({ committed: false, errorCount: 1 });
      expect(summary.issues).toEqual([
        expect.objectContaining({ file: 'bad.csv', line: 6, column: 5, code: 'NOT_A_NUMBER' }),
      ]);
      expect(await tableCounts(handle)).toEqual(before);
      expect(await services.accounts.smartAccountByDomain('multi.example')).toBeUndefined();
    }
  });

  it('counts what a dry run would do and writes nothing', async () => {
    const before = await tableCounts(handle);
    const summary = await run(
      'dry.example',
      'acme-licenses.json',
      fixture('acme-licenses.json'),
      '2026-11-01',
      true,
    );
    expect(summary).toMatchObject({ committed: false, dryRun: true, errorCount: 0 });
    expect(summary.counts.created).toMatchObject({
      virtualAccounts: 2,
      entitlementLots: 4,
      usageReports: 4,
    });
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('keeps the last listing of a device that appears under two Virtual Accounts', async () => {
    const csv = [
      '"Virtual Account","Name","Product Type","License","Count"',
      '"Old-VA","UDI_PID:C9300-24P; UDI_SN:FOC0000MOVE; ","C9300","C9300 Network Advantage","1"',
      '"New-VA","UDI_PID:C9300-24P; UDI_SN:FOC0000MOVE; ","C9300","C9300 Network Advantage","1"',
    ].join('\n');
    const summary = await run('moved.example', 'moved.csv', csv);
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    expect(summary.counts.created.productInstances).toBe(1);
    const account = await services.accounts.smartAccountByDomain('moved.example');
    const vas = await services.accounts.virtualAccountsOf([account!.id]);
    const newVa = vas.find((va) => va.name === 'New-VA')!;
    const page = await services.accounts.productInstancePage({
      smartAccountId: account!.id,
      virtualAccountId: newVa.id,
      page: {},
    });
    expect(page.items.map((i) => i.node.udiSerial)).toEqual(['FOC0000MOVE']);
  });

  it('refuses a file it cannot recognise', async () => {
    const summary = await run('junk.example', 'notes.txt', 'hello, this is not an export\n');
    expect(summary.issues[0]).toMatchObject({ code: 'UNKNOWN_FORMAT', line: 1, column: 1 });
    expect(summary.committed).toBe(false);
  });
});

describe('importData over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    handle = await createTestDb();
    const server = await startTestApi(handle, '2026-11-28');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const IMPORT = `mutation($content: String!, $dryRun: Boolean) {
    importData(input: { smartAccount: "gql.example", fileName: "acme-licenses.csv", content: $content, asOf: "2026-11-01", dryRun: $dryRun }) { summary { committed dryRun errorCount files { format rowsRead alreadyImported } counts { kind created updated }
      issues { file line column code message } } } }`;

  it('imports a file, reports the summary and lists the run', async () => {
    const dry = await graphql<{ importData: { summary: { committed: boolean } } }>(url, IMPORT, {
      content: fixture('acme-licenses.csv'),
      dryRun: true,
    });
    expect(dry.data!.importData.summary.committed).toBe(false);
    const real = await graphql<{
      importData: {
        summary: {
          committed: boolean;
          files: unknown[];
          counts: { kind: string; created: number }[];
        };
      };
    }>(url, IMPORT, { content: fixture('acme-licenses.csv') });
    expect(real.errors).toBeUndefined();
    expect(real.data!.importData.summary.committed).toBe(true);
    expect(real.data!.importData.summary.files).toEqual([
      { format: 'CSSM_LICENSES_CSV', rowsRead: 4, alreadyImported: false },
    ]);
    expect(real.data!.importData.summary.counts).toContainEqual({
      kind: 'entitlementLots',
      created: 4,
      updated: 0,
    });
    const runs = await graphql<{
      smartAccount: { importRuns: { fileName: string; format: string; asOf: string }[] };
    }>(
      url,
      `
        {
          smartAccount(domain: "gql.example") {
            importRuns {
              fileName
              format
              asOf
            }
          }
        }
      `,
    );
    expect(runs.data!.smartAccount.importRuns).toEqual([
      { fileName: 'acme-licenses.csv', format: 'CSSM_LICENSES_CSV', asOf: '2026-11-01' },
    ]);
    // The same run through the paged connection, with its counts as a structured type.
    const paged = await graphql(
      url,
      `
        {
          smartAccount(domain: "gql.example") {
            importRunsConnection(first: 1) {
              totalCount
              pageInfo {
                hasNextPage
              }
              nodes {
                fileName
                status
                rowCounts {
                  rowsRead
                  pass
                  counts {
                    kind
                    created
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(paged.errors).toBeUndefined();
    expect(paged.data).toEqual({
      smartAccount: {
        importRunsConnection: {
          totalCount: 1,
          pageInfo: { hasNextPage: false },
          nodes: [
            {
              fileName: 'acme-licenses.csv',
              status: 'COMMITTED',
              rowCounts: {
                rowsRead: '4',
                pass: null,
                counts: expect.arrayContaining([{ kind: 'entitlementLots', created: 4 }]),
              },
            },
          ],
        },
      },
    });
  });

  it('returns issues, not an error, for a bad file', async () => {
    const res = await graphql<{
      importData: {
        summary: { committed: boolean; issues: { line: number; column: number; code: string }[] };
      };
    }>(url, IMPORT, { content: 'Virtual Account,License,Purchased,In Use\nV,L,-1,0\n' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importData.summary.committed).toBe(false);
    expect(res.data!.importData.summary.issues).toEqual([
      expect.objectContaining({ line: 2, column: 3, code: 'NEGATIVE_QUANTITY' }),
    ]);
  });

  it('answers a request it cannot proceed with as an IMPORT_INPUT user error on the input field', async () => {
    const res = await graphql(
      url,
      `
        mutation ($content: String!) {
          importData(
            input: {
              smartAccount: "gql.example"
              fileName: "a.csv"
              content: $content
              sourceSystem: "mainframe"
              clientMutationId: "m1"
            }
          ) {
            summary {
              committed
            }
            userErrors {
              field
              code
              message
            }
            clientMutationId
          }
        }
      `,
      { content: fixture('acme-licenses.csv') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      importData: {
        summary: null,
        userErrors: [
          {
            field: ['input', 'sourceSystem'],
            code: 'IMPORT_INPUT',
            message: 'the source "mainframe" is neither cloud nor onprem:<host>',
          },
        ],
        clientMutationId: 'm1',
      },
    });
  });
});
