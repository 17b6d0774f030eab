import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { refreshCurrentPositions } from '../../api/src/services/current-positions.js';
import { insertEstate } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { KNOWN_ESTATE } from '../support/known-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

describe('GraphQL position over HTTP', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let positionQueries = 0;

  beforeAll(async () => {
    handle = await createTestDb();
    await insertEstate(handle.db, KNOWN_ESTATE);
    // Count the queries that read positions (the kept rows or the aggregate) to prove DataLoader
    // batching.
    const dialect = new PgDialect();
    const counting: DbHandle = {
      ...handle,
      rows: (q, e) => {
        if (/current_positions|entitlement_lots/.test(dialect.sqlToQuery(q).sql)) positionQueries++;
        return handle.rows(q, e);
      },
    };
    const server = await startTestApi(counting, '2026-05-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('returns the account position per license, gross vs net', async () => {
    const res = await graphql<{ smartAccount: { position: Record<string, unknown>[] } }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            position(asOf: "2026-05-01") {
              licenseName
              owned
              consumed
              reserved
              balance
              grossShortfall
              netShortfall
              curableByReallocation
              surplus
              grossSurplus
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.smartAccount.position).toEqual([
      {
        licenseName: 'L1 Network Advantage',
        owned: '20',
        consumed: '21',
        reserved: '3',
        balance: '-1',
        grossShortfall: '4',
        netShortfall: '1',
        curableByReallocation: '3',
        surplus: '0',
        grossSurplus: '3',
      },
      {
        licenseName: 'L2 DNA Advantage',
        owned: '0',
        consumed: '1',
        reserved: '0',
        balance: '-1',
        grossShortfall: '1',
        netShortfall: '1',
        curableByReallocation: '0',
        surplus: '0',
        grossSurplus: '0',
      },
    ]);
  });

  it('leaves classic PAK lots out when asked, and lets a term lapse after its end date', async () => {
    const res = await graphql<{
      smartAccount: { smart: Record<string, unknown>[]; later: Record<string, unknown>[] };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            smart: position(asOf: "2026-05-01", includeClassic: false) {
              licenseName
              owned
              netShortfall
            }
            later: position(asOf: "2026-07-01") {
              licenseName
              owned
              consumed
            }
          }
        }
      `,
    );
    expect(res.data!.smartAccount.smart[0]).toEqual({
      licenseName: 'L1 Network Advantage',
      owned: '17',
      netShortfall: '4',
    });
    expect(res.data!.smartAccount.later).toEqual([
      { licenseName: 'L1 Network Advantage', owned: '15', consumed: '21' },
      { licenseName: 'L2 DNA Advantage', owned: '20', consumed: '1' },
    ]);
  });

  it('says when each line last reported usage, and null ("not reported") before any report', async () => {
    const res = await graphql<{
      smartAccount: {
        early: { nodes: Record<string, unknown>[] };
        later: { nodes: Record<string, unknown>[] };
      };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            early: positionRows(asOf: "2026-01-15", first: 10) {
              nodes {
                virtualAccountName
                licenseName
                consumed
                billing
                usageReportedAt
                statedReserved
              }
            }
            later: positionRows(asOf: "2026-05-01", first: 10) {
              nodes {
                virtualAccountName
                licenseName
                consumed
                usageReportedAt
              }
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    const line = (vaName: string, licenseName: string) => ({
      virtualAccountName: vaName,
      licenseName,
    });
    expect(res.data!.smartAccount.early.nodes).toEqual([
      {
        ...line('East', 'L1 Network Advantage'),
        consumed: '9',
        billing: 'UNKNOWN',
        usageReportedAt: '2026-01-01',
        statedReserved: null,
      },
      // West reports first on 2026-04-01: its 0 is "not reported", not a measurement.
      {
        ...line('West', 'L1 Network Advantage'),
        consumed: '0',
        billing: 'UNKNOWN',
        usageReportedAt: null,
        statedReserved: null,
      },
    ]);
    expect(res.data!.smartAccount.later.nodes).toEqual([
      // Device reports of 2026-03-01 and the SLR update of 2026-04-01.
      { ...line('East', 'L1 Network Advantage'), consumed: '15', usageReportedAt: '2026-04-01' },
      // The ledger of 2026-04-15 is newer than the device report of 2026-04-01: it wins.
      { ...line('West', 'L1 Network Advantage'), consumed: '6', usageReportedAt: '2026-04-15' },
      { ...line('West', 'L2 DNA Advantage'), consumed: '1', usageReportedAt: '2026-04-01' },
    ]);
  });

  it('defaults the as-of date to today (the injected clock)', async () => {
    const res = await graphql<{ smartAccount: { a: unknown; b: unknown } }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            a: position {
              owned
            }
            b: position(asOf: "2026-05-01") {
              owned
            }
          }
        }
      `,
    );
    expect(res.data!.smartAccount.a).toEqual(res.data!.smartAccount.b);
  });

  it('resolves every Virtual Account position in one batched aggregation', async () => {
    // A ledger write (that changed no line) first, so no earlier read is served from memory.
    const [account] = await handle.rows<{ id: number }>(
      sql`select id from smart_accounts where domain = 'known.example'`,
    );
    await handle.db.transaction((tx) =>
      refreshCurrentPositions(tx, { smartAccountId: Number(account!.id), virtualAccountIds: [] }),
    );
    positionQueries = 0;
    const res = await graphql<{
      smartAccount: { virtualAccounts: { name: string; position: Record<string, unknown>[] }[] };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            virtualAccounts {
              name
              position(asOf: "2026-05-01") {
                license {
                  name
                }
                owned
                consumed
                reserved
                balance
                shortfall
                surplus
              }
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    expect(positionQueries).toBe(1);
    const byName = Object.fromEntries(
      res.data!.smartAccount.virtualAccounts.map((va) => [va.name, va.position]),
    );
    expect(byName.East).toEqual([
      {
        license: { name: 'L1 Network Advantage' },
        owned: '18',
        consumed: '15',
        reserved: '3',
        balance: '3',
        shortfall: '0',
        surplus: '3',
      },
    ]);
    expect(byName.West).toEqual([
      {
        license: { name: 'L1 Network Advantage' },
        owned: '2',
        consumed: '6',
        reserved: '0',
        balance: '-4',
        shortfall: '4',
        surplus: '0',
      },
      {
        license: { name: 'L2 DNA Advantage' },
        owned: '0',
        consumed: '1',
        reserved: '0',
        balance: '-1',
        shortfall: '1',
        surplus: '0',
      },
    ]);
    expect(byName.Empty).toEqual([]);
  });

  it('rejects a date that is not on the calendar, as a literal or a variable', async () => {
    const literal = await graphql(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            position(asOf: "2026-02-30") {
              owned
            }
          }
        }
      `,
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const variable = await graphql(
      url,
      `
        query ($d: Date) {
          smartAccount(domain: "known.example") {
            position(asOf: $d) {
              owned
            }
          }
        }
      `,
      { d: '2026-13-01' },
    );
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.data).toBeUndefined();
  });

  it('returns null for an unknown Smart Account', async () => {
    const res = await graphql(
      url,
      `
        {
          smartAccount(domain: "nobody.example") {
            name
          }
        }
      `,
    );
    // No error either: an unknown Smart Account is simply absent (extensions carry the cost).
    expect({ data: res.data, errors: res.errors }).toEqual({
      data: { smartAccount: null },
      errors: undefined,
    });
  });

  it('pages product instances and lists entitlements of a Virtual Account', async () => {
    const res = await graphql<{
      smartAccount: {
        virtualAccounts: {
          name: string;
          productInstances: { totalCount: number; nodes: { connectionMode: string }[] };
          entitlements: { quantity: number; source: string }[];
        }[];
      };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            virtualAccounts {
              name
              productInstances(first: 2, filter: { connectionModes: [SLR, DIRECT_CLOUD] }) {
                totalCount
                nodes {
                  connectionMode
                }
              }
              entitlements {
                quantity
                source
                license {
                  name
                }
              }
            }
          }
        }
      `,
    );
    const east = res.data!.smartAccount.virtualAccounts.find((va) => va.name === 'East')!;
    expect(east.productInstances.totalCount).toBe(2);
    expect(east.productInstances.nodes.map((n) => n.connectionMode)).toEqual([
      'DIRECT_CLOUD',
      'SLR',
    ]);
    expect(east.entitlements.map((e) => [e.quantity, e.source])).toEqual([
      [10, 'SMART'],
      [5, 'SMART'],
      [3, 'CLASSIC_PAK'],
    ]);
  });
});
