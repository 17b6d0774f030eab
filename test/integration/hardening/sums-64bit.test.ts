import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate } from '../../support/estate.js';
import { gid } from '../../support/global-id.js';
import { graphql } from '../../support/graphql-client.js';
import { createTestDb } from '../../support/test-db.js';
import { startTestApi, type TestApi } from '../../support/test-server.js';

// Issue 19 item 2: sums over one Virtual Account × license that exceed 32 bits. Each stored row
// fits its integer column; only the sums do not. Before the fix the position query cast its
// sums to int and every read of the account failed ("A value in the request cannot be stored").
const DOMAIN = 'big.example';
const TWO_BILLION = 2_000_000_000;
const INT_MAX = 2_147_483_647;

describe('sums beyond 32 bits', () => {
  let handle: DbHandle;
  let api: TestApi;
  let instanceIds: number[];
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    ({ instanceIds, smartAccountId } = await insertEstate(handle.db, {
      domain: DOMAIN,
      virtualAccounts: [{ name: 'Core', region: 'EMEA' }],
      licenses: [{ name: 'Big License' }],
      lots: [0, 1].map(() => ({
        va: 0,
        license: 0,
        quantity: TWO_BILLION,
        licenseType: 'PERPETUAL' as const,
        startDate: '2025-01-01',
        endDate: null,
        source: 'SMART' as const,
      })),
      instances: [
        { va: 0, mode: 'SLR' },
        { va: 0, mode: 'SLR' },
      ],
      usage: [],
      // Two reservations of 2,147,483,647 (the reproduction), stored as they would be
      // by an older version that did not bound inputs.
      reservations: [0, 1].map((instance) => ({
        instance,
        license: 0,
        events: [{ delta: INT_MAX, on: '2026-01-10' }],
      })),
    }));
    api = await startTestApi(handle, '2026-03-01');
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  // 2 × 2,000,000,000 owned; 2 × 2,147,483,647 = 4,294,967,294 consumed (reserved counts as
  // used) and reserved; balance 4,000,000,000 − 4,294,967,294 = −294,967,294.
  const OWNED = 4_000_000_000;
  // GraphQL BigInt: a JSON string of the digits (exact whatever the client's number type).
  const OWNED_TEXT = '4000000000';
  const CONSUMED_TEXT = '4294967294';

  it('position, positionRows and rollup read the 64-bit sums', async () => {
    const res = await graphql<{
      smartAccount: {
        position: Record<string, string>[];
        positionRows: { nodes: Record<string, string>[] };
        rollup: { positions: { owned: string }[] }[];
      };
    }>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${DOMAIN}") {
          position(asOf: "2026-03-01") { owned consumed reserved balance grossShortfall }
          positionRows(asOf: "2026-03-01") { nodes { owned consumed reserved balance shortfall } }
          rollup(asOf: "2026-03-01", by: REGION) { positions { owned } }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    const account = res.data!.smartAccount;
    expect(account.position).toEqual([
      {
        owned: OWNED_TEXT,
        consumed: CONSUMED_TEXT,
        reserved: CONSUMED_TEXT,
        balance: '-294967294',
        grossShortfall: '294967294',
      },
    ]);
    expect(account.positionRows.nodes).toEqual([
      {
        owned: OWNED_TEXT,
        consumed: CONSUMED_TEXT,
        reserved: CONSUMED_TEXT,
        balance: '-294967294',
        shortfall: '294967294',
      },
    ]);
    expect(account.rollup).toEqual([{ positions: [{ owned: OWNED_TEXT }] }]);
  });

  it('the positions CSV carries the sums', async () => {
    const res = await fetch(
      `${api.url}/export/positions.csv?smartAccount=${DOMAIN}&asOf=2026-03-01`,
      {
        headers: { authorization: `Bearer ${api.adminToken}` },
      },
    );
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('4000000000');
    expect(body).toContain('4294967294');
  });

  it('a snapshot freezes the sums and drift reads them back', async () => {
    const snap = await graphql<{ takeSnapshot: { snapshot: { label: string } } }>(
      api.graphqlUrl,
      `mutation { takeSnapshot(input: { smartAccount: "${DOMAIN}", label: "big", asOf: "2026-03-01" }) {
        snapshot { label } } }`,
    );
    expect(snap.errors).toBeUndefined();
    const rows = await handle.rows<{ owned: string | number }>(
      sql`select owned from snapshot_lines`,
    );
    expect(rows.map((r) => Number(r.owned))).toEqual([OWNED]);
  });

  it('refuses a reservation beyond what a real estate holds, and writes nothing', async () => {
    const res = await graphql(
      api.graphqlUrl,
      `
        mutation ($input: ReserveLicensesInput!) {
          reserveLicenses(input: $input) {
            reservation {
              id
            }
            userErrors {
              field
              code
              message
            }
          }
        }
      `,
      {
        input: {
          smartAccountId: gid('SmartAccount', smartAccountId),
          productInstanceId: gid('ProductInstance', instanceIds[0]!),
          license: 'Big License',
          reservationType: 'SLR',
          quantity: INT_MAX,
          actor: 'test',
        },
      },
    );
    const payload = (
      res.data as {
        reserveLicenses: { userErrors: { field: string[]; code: string; message: string }[] };
      }
    ).reserveLicenses;
    expect(payload.userErrors).toEqual([
      {
        field: ['input', 'quantity'],
        code: 'INVALID_QUANTITY',
        message: expect.stringMatching(/at most 1,000,000,000/),
      },
    ]);
    const [count] = await handle.rows<{ n: number | string }>(
      sql`select count(*) as n from reservation_events`,
    );
    expect(Number(count!.n)).toBe(2);
  });
});
