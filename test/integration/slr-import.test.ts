import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { graphql } from '../support/graphql-client.js';
import { authorizationXml, SLR_NAMES } from '../support/slr-codes.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const DOMAIN = 'gql-slr.example';
const TERM = { count: 2, startDate: '2025-07-01', endDate: '2026-06-30' };

describe('SLR authorization codes over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    handle = await createTestDb();
    const server = await startTestApi(handle, '2026-03-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const importCode = async (fileName: string, content: string) => {
    const res = await graphql<{
      importData: {
        summary: {
          committed: boolean;
          counts: { kind: string; created: number; updated: number; skipped: number }[];
        };
      };
    }>(
      url,
      `mutation($content: String!, $fileName: String!) {
        importData(input: { smartAccount: "${DOMAIN}", fileName: $fileName, content: $content,
                   asOf: "2026-03-01", virtualAccount: "Core" }) { summary { committed counts { kind created updated skipped } } } }`,
      { content, fileName },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.importData.summary;
  };

  it('reports a code older than the trail as skipped, and shows the reservation’s terms', async () => {
    const newer = await importCode(
      'new.xml',
      authorizationXml('FCW0006G', '2026-02-01', { DNA: TERM }),
    );
    expect(newer.committed).toBe(true);
    const older = await importCode(
      'old.xml',
      authorizationXml('FCW0006G', '2026-01-20', { NWA: 1 }),
    );
    expect(older.counts).toContainEqual({
      kind: 'olderAuthorizationCodes',
      created: 0,
      updated: 0,
      skipped: 1,
    });
    expect(older.counts).toContainEqual({
      kind: 'reservationEvents',
      created: 0,
      updated: 0,
      skipped: 0,
    });
    const res = await graphql<{
      smartAccount: {
        reservations: Record<string, unknown>[];
        findings: { nodes: { code: string; quantity: number; facts: Record<string, unknown> }[] };
      };
    }>(
      url,
      `{ smartAccount(domain: "${DOMAIN}") {
          reservations(asOf: "2026-03-01") { quantity licenseType startDate endDate license { name } }
          findings(asOf: "2026-07-01", codes: [RESERVATION_EXPIRED], first: 10) {
            nodes { code quantity facts } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.smartAccount.reservations).toEqual([
      {
        quantity: 2,
        licenseType: 'TERM',
        startDate: '2025-07-01',
        endDate: '2026-06-30',
        license: { name: SLR_NAMES.DNA },
      },
    ]);
    expect(res.data!.smartAccount.findings.nodes).toEqual([
      expect.objectContaining({
        code: 'RESERVATION_EXPIRED',
        quantity: '2',
        facts: expect.objectContaining({ endDate: '2026-06-30', reserved: 2 }),
      }),
    ]);
  });
});
