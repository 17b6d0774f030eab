import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { startJitFloorServer } from '../floor/jit-server.js';
import { post, requestHeaders, type GraphqlEndpoint } from '../http-client.js';
import { oneVirtualAccountVariables, POSITION_PAGE } from '../queries.js';
import type { BenchCase, BenchContext } from '../types.js';

const LOAD_CHILD = fileURLToPath(new URL('../load-child.js', import.meta.url));

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Checks the request answers without errors, then drives it from a separate process. */
export async function drive(
  context: BenchContext,
  endpoint: GraphqlEndpoint,
  variables: Record<string, unknown>,
): Promise<LoadResult> {
  await post(endpoint, POSITION_PAGE, variables);
  const options = {
    url: endpoint.url,
    connections: context.scale.loadConnections,
    duration: context.scale.loadSeconds,
    method: 'POST',
    headers: requestHeaders(endpoint),
    body: JSON.stringify({ query: POSITION_PAGE, variables }),
  };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [LOAD_CHILD, JSON.stringify(options)],
    { maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout) as LoadResult;
  if (result.errors + result.timeouts + result.non2xx > 0) {
    throw new Error(`load run had failures: ${stdout.trim()}`);
  }
  return result;
}

/** The Virtual Account with the median number of position lines (a typical one). */
export async function typicalVirtualAccount(
  context: BenchContext,
): Promise<{ name: string; lines: number }> {
  const counts = new Map<string, number>();
  for (const row of (await context.memoryPosition()).rows) {
    counts.set(row.virtualAccountName, (counts.get(row.virtualAccountName) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const [name, lines] = sorted[Math.floor(sorted.length / 2)] ?? ['', 0];
  return { name, lines };
}

/** The read-only load on Trueup (once per run: the `mixed` case compares with it). */
export function readOnlyLoad(context: BenchContext, virtualAccount: string): Promise<LoadResult> {
  const key = `load:api:${virtualAccount}`;
  let entry = context.memo.get(key) as Promise<LoadResult> | undefined;
  if (!entry) {
    context.log(`  load on Trueup (${context.scale.loadSeconds} s)…`);
    entry = drive(
      context,
      context.api,
      oneVirtualAccountVariables(context.domain, context.asOf, virtualAccount),
    );
    context.memo.set(key, entry);
  }
  return entry;
}

/** One Virtual Account's position under concurrent load vs the graphql-jit floor. */
export const loadCase: BenchCase = {
  name: 'one-va-load',
  description: 'one-VA positionRows, 50 concurrent clients: throughput and p50/p99 vs graphql-jit',
  async run(context) {
    const va = await typicalVirtualAccount(context);
    const variables = oneVirtualAccountVariables(context.domain, context.asOf, va.name);
    const api = await readOnlyLoad(context, va.name);
    const server = await startJitFloorServer({
      schemaFile: `${context.repoRoot}/api/schema.graphql`,
      domain: context.domain,
      position: await context.memoryPosition(),
    });
    let floor: LoadResult;
    try {
      context.log(`  load on the graphql-jit floor (${context.scale.loadSeconds} s)…`);
      floor = await drive(context, { url: server.url }, variables);
    } finally {
      await server.close();
    }
    const ratio = api.requestsPerSecond / floor.requestsPerSecond;
    return {
      name: 'one-va-load',
      status: 'ok',
      metric: `req/s, ${context.scale.loadConnections} clients × ${context.scale.loadSeconds} s, ${va.lines} lines`,
      unit: 'req/s',
      value: api.requestsPerSecond,
      floorMetric: 'graphql-jit + node:http over rows in memory',
      floor: floor.requestsPerSecond,
      ratio,
      goal: '≥ 0.5× (rate)',
      meetsGoal: ratio >= 0.5,
      details: {
        virtualAccount: va.name,
        lines: va.lines,
        p50Ms: api.p50,
        p99Ms: api.p99,
        floorP50Ms: floor.p50,
        floorP99Ms: floor.p99,
        requests: api.total,
        floorRequests: floor.total,
      },
    };
  },
};
