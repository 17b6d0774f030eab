import { existsSync } from 'node:fs';

import { runnerImport } from 'vite';

import { unavailable, type BenchCase } from '../types.js';

/**
 * The add-in side of this case (`excel/positions-write.ts`): write `rows` position rows through
 * the add-in's `office/` adapter into its behavioural fake workbook and report what it counted.
 */
export interface ExcelBenchWrite {
  benchWrite(rows: number): Promise<{
    /** `context.sync()` calls. */
    syncs: number;
    /** Largest single request, bytes (Excel's limit is 5 MB). */
    largestRequestBytes: number;
    /** All requests together, bytes. */
    payloadBytes: number;
  }>;
}

const ENTRY = 'test/bench/excel/positions-write.ts';
const ADAPTER = 'excel-addin/src/office/write-sheet.ts';
const REQUEST_LIMIT = 5 * 1024 * 1024;
const SYNC_CHUNK = 4 * 1024 * 1024;

/** `office/` writing rows into the fake workbook: syncs and largest request vs the 5 MB bound. */
export const excelCase: BenchCase = {
  name: 'excel-writes',
  description: 'add-in office/ adapter writing rows into its fake workbook: syncs, largest request',
  async run(context) {
    const entry = `${context.repoRoot}/${ENTRY}`;
    if (!existsSync(`${context.repoRoot}/${ADAPTER}`)) {
      return unavailable('excel-writes', 'not available', `no ${ADAPTER} yet`);
    }
    // The add-in is TypeScript built by Vite: load it the way Vite does.
    const { module } = await runnerImport<ExcelBenchWrite>(entry, {
      root: context.repoRoot,
      configFile: false,
      logLevel: 'silent',
    });
    const rows = context.scale.excelRows;
    const start = process.hrtime.bigint();
    const result = await module.benchWrite(rows);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const allowedSyncs = Math.ceil(result.payloadBytes / SYNC_CHUNK) + 2;
    return {
      name: 'excel-writes',
      status: 'ok',
      metric: `syncs writing ${rows} rows`,
      unit: 'syncs',
      value: result.syncs,
      floorMetric: 'ceil(payload / 4 MB) + 2',
      floor: allowedSyncs,
      ratio: result.syncs / allowedSyncs,
      goal: `syncs ≤ ${allowedSyncs}, largest request ≤ 5 MB`,
      meetsGoal: result.syncs <= allowedSyncs && result.largestRequestBytes <= REQUEST_LIMIT,
      details: {
        rows,
        ms: Math.round(ms),
        payloadMb: +(result.payloadBytes / 2 ** 20).toFixed(2),
        largestRequestMb: +(result.largestRequestBytes / 2 ** 20).toFixed(2),
      },
    };
  },
};
