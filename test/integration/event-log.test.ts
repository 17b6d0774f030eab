import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { SEEDS } from '../support/fuzz-inputs.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const DEVICE = '""UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;""';

// An invented Virtual Account Event Log (headers and wording INFERRED), no Virtual Account column.
const EVENT_LOG = [
  '"Message","Time","User"',
  `"Reserved 1 licenses of ""C9500 Network Advantage"" on product instance ${DEVICE}",2026-06-01T10:00:00Z,jdoe`,
  '"Satellite ""sat-east-01"" synchronized via network",2026-Sep-30 14:02:11,',
  '"Virtual Account ""Core"" renamed to ""Core-EMEA""","Oct 2, 2026 3:30 PM",admin',
  `"License reservation cancelled for product instance ${DEVICE}",2026-11-02 12:00:00,jdoe`,
  'Smart Account settings changed,2026-11-03 09:00:00,admin',
].join('\n');

describe('the Event Log over GraphQL', () => {
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

  const IMPORT = `mutation($fileName: String!, $content: String!, $asOf: Date, $va: String) {
    importData(input: { smartAccount: "log.example", fileName: $fileName, content: $content, asOf: $asOf, virtualAccount: $va }) { summary { committed files { format rowsRead alreadyImported } counts { kind created updated } } } }`;

  type Imported = {
    importData: {
      summary: {
        committed: boolean;
        files: { format: string; rowsRead: number; alreadyImported: boolean }[];
        counts: { kind: string; created: number; updated: number }[];
      };
    };
  };

  it('imports the log (format detected), then reads it newest first, by kind, and beside the reservation', async () => {
    const slr = SEEDS['slr-authorization-xml'];
    const seeded = await graphql<Imported>(url, IMPORT, {
      fileName: slr.fileName,
      content: slr.content,
      asOf: '2026-06-02',
      va: 'Core',
    });
    expect(seeded.data?.importData.summary.committed).toBe(true);

    const res = await graphql<Imported>(url, IMPORT, {
      fileName: 'va-log.csv',
      content: EVENT_LOG,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importData.summary.files).toEqual([
      { format: 'CSSM_EVENT_LOG_CSV', rowsRead: 5, alreadyImported: false },
    ]);
    expect(res.data!.importData.summary.counts).toEqual(
      expect.arrayContaining([
        { kind: 'accountEvents', created: 5, updated: 0 },
        { kind: 'accountEventsNotUnderstood', created: 1, updated: 0 },
        { kind: 'satellites', created: 1, updated: 0 },
      ]),
    );

    const read = await graphql<{
      smartAccount: {
        events: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: { kind: string; occurredAt: string; user: string | null; message: string }[];
        };
        syncs: { nodes: { satellite: string; occurredAt: string }[] };
        renames: { nodes: { fromVirtualAccount: string; toVirtualAccount: string }[] };
        reservations: { logEvents: { kind: string; occurredAt: string; user: string }[] }[];
      };
    }>(
      url,
      `
        {
          smartAccount(domain: "log.example") {
            events(first: 2) {
              totalCount
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                kind
                occurredAt
                user
                message
              }
            }
            syncs: events(kind: SATELLITE_SYNC_NETWORK) {
              nodes {
                satellite
                occurredAt
              }
            }
            renames: events(kind: VIRTUAL_ACCOUNT_RENAME) {
              nodes {
                fromVirtualAccount
                toVirtualAccount
              }
            }
            reservations(includeReturned: true) {
              logEvents {
                kind
                occurredAt
                user
              }
            }
          }
        }
      `,
    );
    expect(read.errors).toBeUndefined();
    const account = read.data!.smartAccount;
    expect(account.events.totalCount).toBe(5);
    expect(account.events.pageInfo.hasNextPage).toBe(true);
    expect(account.events.nodes).toEqual([
      {
        kind: 'OTHER',
        occurredAt: '2026-11-03T09:00:00.000Z',
        user: 'admin',
        message: 'Smart Account settings changed',
      },
      {
        kind: 'SLR_RETURN',
        occurredAt: '2026-11-02T12:00:00.000Z',
        user: 'jdoe',
        message:
          'License reservation cancelled for product instance "UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;"',
      },
    ]);
    expect(account.syncs.nodes).toEqual([
      { satellite: 'sat-east-01', occurredAt: '2026-09-30T14:02:11.000Z' },
    ]);
    expect(account.renames.nodes).toEqual([
      { fromVirtualAccount: 'Core', toVirtualAccount: 'Core-EMEA' },
    ]);
    expect(account.reservations).toEqual([
      {
        logEvents: [
          { kind: 'SLR_RESERVE', occurredAt: '2026-06-01T10:00:00.000Z', user: 'jdoe' },
          { kind: 'SLR_RETURN', occurredAt: '2026-11-02T12:00:00.000Z', user: 'jdoe' },
        ],
      },
    ]);

    const next = await graphql<{ smartAccount: { events: { nodes: { occurredAt: string }[] } } }>(
      url,
      `
        query ($after: String) {
          smartAccount(domain: "log.example") {
            events(first: 10, after: $after) {
              nodes {
                occurredAt
              }
            }
          }
        }
      `,
      { after: account.events.pageInfo.endCursor },
    );
    expect(next.data!.smartAccount.events.nodes.map((n) => n.occurredAt)).toEqual([
      '2026-10-02T15:30:00.000Z',
      '2026-09-30T14:02:11.000Z',
      '2026-06-01T10:00:00.000Z',
    ]);
  });

  it('refuses an unknown kind as bad input', async () => {
    const res = await graphql(
      url,
      `
        {
          smartAccount(domain: "log.example") {
            events(kind: NOPE) {
              totalCount
            }
          }
        }
      `,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
