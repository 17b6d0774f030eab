import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { graphql } from '../support/graphql-client.js';
import { largeInstancesCsv } from '../support/large-files.js';
import { createTestDb, onPostgres } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

interface Run {
  readonly status: string;
  readonly fileName: string;
  readonly rowCounts: {
    readonly pass: 'CHECK' | 'WRITE' | null;
    readonly rowsRead: string | null;
    readonly rowsPerSecond: number | null;
  };
}

// PGlite is one connection: a read waits for the import's transaction to end, so progress can
// only be watched from another connection, i.e. on PostgreSQL.
describe.runIf(onPostgres())('an import running through GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    handle = await createTestDb();
    ({ graphqlUrl: url, close } = await startTestApi(handle, '2026-11-28'));
    const seeded = await graphql(
      url,
      `
        mutation ($c: String!) {
          importData(
            input: {
              smartAccount: "progress.example"
              fileName: "small.csv"
              content: $c
              asOf: "2026-11-01"
              virtualAccount: "VA-00"
            }
          ) {
            summary {
              committed
            }
          }
        }
      `,
      { c: largeInstancesCsv(10) },
    );
    expect(seeded.data).toEqual({ importData: { summary: { committed: true } } });
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const runs = async () => {
    const response = await graphql<{ smartAccount: { importRuns: Run[] } }>(
      url,
      '{ smartAccount(domain: "progress.example") { importRuns(first: 5) { status fileName rowCounts { pass rowsRead rowsPerSecond } } } }',
    );
    expect(response.errors).toBeUndefined();
    return response.data!.smartAccount.importRuns;
  };

  it('shows as RUNNING with its pass and rows read, then as COMMITTED', async () => {
    // 12,000 devices × 2 licenses: 12,000 instance records and 24,000 usage records.
    let finished = false;
    const importing = graphql(
      url,
      `
        mutation ($c: String!) {
          importData(
            input: {
              smartAccount: "progress.example"
              fileName: "big.csv"
              content: $c
              asOf: "2026-11-02"
            }
          ) {
            summary {
              committed
            }
          }
        }
      `,
      { c: largeInstancesCsv(12_000) },
    ).finally(() => (finished = true));
    const seen: Run['rowCounts'][] = [];
    while (!finished) {
      const running = (await runs()).filter((r) => r.status === 'RUNNING');
      for (const run of running) {
        expect(run.fileName).toBe('big.csv');
        seen.push(run.rowCounts);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await importing;
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ importData: { summary: { committed: true } } });
    expect(seen.length).toBeGreaterThan(0);
    for (const progress of seen) {
      expect(['CHECK', 'WRITE']).toContain(progress.pass);
      expect(Number(progress.rowsRead)).toBeGreaterThanOrEqual(0);
      expect(Number(progress.rowsRead)).toBeLessThanOrEqual(36_000);
      expect(progress.rowsPerSecond).toBeGreaterThanOrEqual(0);
    }
    expect(seen.some((progress) => Number(progress.rowsRead ?? 0) > 0)).toBe(true);
    const after = await runs();
    expect(after.map((r) => r.status)).toEqual(['COMMITTED', 'COMMITTED']);
    expect(after[0]!.rowCounts).toMatchObject({ rowsRead: '36000', pass: null });
  });
});
