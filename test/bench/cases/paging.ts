import { refreshCurrentPositions } from '@trueup/api';

import { startJitFloorServer } from '../floor/jit-server.js';
import { pageAllPositionRows } from '../queries.js';
import { sample } from '../stats.js';
import type { BenchContext } from '../types.js';

export interface PagingSamples {
  readonly rows: number;
  readonly pages: number;
  readonly ms: readonly number[];
}

function memoized<T>(context: BenchContext, key: string, work: () => Promise<T>): Promise<T> {
  let entry = context.memo.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = work();
    context.memo.set(key, entry);
  }
  return entry;
}

/**
 * A committed ledger write that changed no line: the Smart Account's position version moves (as
 * after an import), so the API's next position read misses every cache and reads again.
 */
export async function touchDatabase(context: BenchContext): Promise<void> {
  await context.handle.db.transaction((tx) =>
    refreshCurrentPositions(tx, { smartAccountId: context.smartAccountId, virtualAccountIds: [] }),
  );
}

/**
 * Paging through every position row via Trueup's GraphQL over HTTP (once per bench run):
 * `cold` after a write (the first page aggregates), `warm` with nothing written in between.
 */
export function apiPaging(context: BenchContext, mode: 'cold' | 'warm'): Promise<PagingSamples> {
  return memoized(context, `paging:api:${mode}`, async () => {
    const page = () => pageAllPositionRows(context.api, context.domain, context.asOf);
    const shape = await page();
    const ms = await sample(context.scale.runs, async () => {
      if (mode === 'cold') await touchDatabase(context);
      return page();
    });
    return { ...shape, ms };
  });
}

/** The same paging against the graphql-jit floor server over the rows in memory. */
export function floorPaging(context: BenchContext): Promise<PagingSamples> {
  return memoized(context, 'paging:floor', async () => {
    const server = await startJitFloorServer({
      schemaFile: `${context.repoRoot}/api/schema.graphql`,
      domain: context.domain,
      position: await context.memoryPosition(),
    });
    try {
      const endpoint = { url: server.url };
      const shape = await pageAllPositionRows(endpoint, context.domain, context.asOf);
      const ms = await sample(context.scale.runs, () =>
        pageAllPositionRows(endpoint, context.domain, context.asOf),
      );
      return { ...shape, ms };
    } finally {
      await server.close();
    }
  });
}
