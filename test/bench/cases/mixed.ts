import { textSource } from '@trueup/api';

import { post } from '../http-client.js';
import { oneVirtualAccountVariables, POSITION_PAGE, type PositionPageData } from '../queries.js';
import type { BenchCase, BenchContext } from '../types.js';

import { drive, readOnlyLoad, typicalVirtualAccount } from './load.js';

/** The Virtual Account and license the imports of this case write (nothing else is touched). */
const MIXED_VA = 'bench-mixed';
const MIXED_LICENSE = 'BENCH MIXED COUNTER';
const IMPORT_EVERY_MS = 3000;

/** A licenses export of one line: `counter` units in use of the counter license. */
const counterFile = (counter: number) =>
  textSource(
    'mixed-licenses.csv',
    'Virtual Account,License,Purchased,In Use,Balance\r\n' +
      `${MIXED_VA},${MIXED_LICENSE},0,${counter},${-counter}\r\n`,
    'cssm-licenses-csv',
  );

/** What the API answers for the counter line now (null: no such line yet). */
async function counterSeen(context: BenchContext): Promise<number | null> {
  const data = await post<PositionPageData>(
    context.api,
    POSITION_PAGE,
    oneVirtualAccountVariables(context.domain, context.asOf, MIXED_VA),
  );
  const line = data.smartAccount?.positionRows.nodes.find((n) => n.licenseName === MIXED_LICENSE);
  return line ? Number(line.consumed) : null;
}

/**
 * Imports that commit every few seconds while the load runs. After each commit, one read checks
 * the API shows it (a read that starts after a commit must never see older data).
 */
function importLoop(context: BenchContext, start: number) {
  let stop = false;
  let counter = start;
  let imports = 0;
  let stale = 0;
  const importMs: number[] = [];
  const done = (async () => {
    while (!stop) {
      const began = performance.now();
      counter += 1;
      await context.services.imports.run({
        smartAccount: context.domain,
        asOf: context.asOf,
        dryRun: false,
        files: [counterFile(counter)],
      });
      importMs.push(performance.now() - began);
      imports += 1;
      const seen = await counterSeen(context);
      if (seen !== counter) {
        stale += 1;
        context.log(`  stale read: committed ${counter}, read ${seen}`);
      }
      const wait = IMPORT_EVERY_MS - (performance.now() - began);
      if (wait > 0 && !stop) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    async finish() {
      stop = true;
      await done;
      return { imports, stale, importMs, last: counter };
    },
  };
}

/** One Virtual Account read by 50 clients while imports commit: p99 vs the read-only load. */
export const mixedCase: BenchCase = {
  name: 'mixed',
  description: `one-VA positionRows, 50 clients, while an import commits every ${IMPORT_EVERY_MS / 1000} s: p99 vs read-only, reads never stale`,
  async run(context) {
    const va = await typicalVirtualAccount(context);
    const readOnly = await readOnlyLoad(context, va.name);
    const start = (await counterSeen(context)) ?? 0;
    const variables = oneVirtualAccountVariables(context.domain, context.asOf, va.name);
    context.log(`  load with imports (${context.scale.loadSeconds} s)…`);
    const loop = importLoop(context, start);
    const mixed = await drive(context, context.api, variables).finally(() => loop.finish());
    const writes = await loop.finish();
    const ratio = mixed.p99 / readOnly.p99;
    const sortedImports = [...writes.importMs].sort((a, b) => a - b);
    return {
      name: 'mixed',
      status: 'ok',
      metric: `p99 ms, ${context.scale.loadConnections} clients × ${context.scale.loadSeconds} s, ${writes.imports} imports committed`,
      unit: 'ms',
      value: mixed.p99,
      floorMetric: 'p99 of the same reads with no writes (one-va-load)',
      floor: readOnly.p99,
      ratio,
      goal: '≤ 2.0× (p99), 0 stale reads',
      meetsGoal: ratio <= 2 && writes.stale === 0,
      details: {
        virtualAccount: va.name,
        requestsPerSecond: mixed.requestsPerSecond,
        readOnlyRequestsPerSecond: readOnly.requestsPerSecond,
        p50Ms: mixed.p50,
        readOnlyP50Ms: readOnly.p50,
        imports: writes.imports,
        staleReads: writes.stale,
        importMedianMs: sortedImports[Math.floor(sortedImports.length / 2)] ?? 0,
      },
    };
  },
};
