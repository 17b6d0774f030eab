import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sql } from 'drizzle-orm';

import { removeSmartAccount } from '@trueup/db';

import { usageRows, writeInstancesFile } from '../instances-file.js';
import { median, timed } from '../stats.js';
import type { BenchCase, BenchContext } from '../types.js';

const RSS_HOOK = fileURLToPath(new URL('../rss-hook.js', import.meta.url));
const IMPORT_DOMAIN = 'bench-import';
const FLOOR_TABLE = 'bench_copy_floor';
const PGLITE_TEMPLATE = 'pglite-template';

interface ChildRun {
  readonly ms: number;
  readonly peakRssBytes: number;
}

/**
 * `trueup import` as a child process (the CLI users run): wall time and peak RSS. On PGlite each
 * run gets its own copy of a migrated data directory (the bench's own is held open).
 */
async function runImport(
  context: BenchContext,
  file: string,
  domain: string,
  workDir: string,
): Promise<ChildRun> {
  const rssFile = join(workDir, `${domain}.rss`);
  const { DATABASE_URL: _url, TRUEUP_DATA_DIR: _dir, ...env } = process.env;
  let database: Record<string, string>;
  if (context.databaseUrl) database = { DATABASE_URL: context.databaseUrl };
  else {
    const dataDir = join(workDir, `pglite-${domain}`);
    const template = join(workDir, PGLITE_TEMPLATE);
    if (existsSync(template)) await cp(template, dataDir, { recursive: true });
    database = { TRUEUP_DATA_DIR: dataDir };
  }
  // TRUEUP_BENCH_CLI: another build's CLI (a before/after comparison in one session).
  const cli = process.env.TRUEUP_BENCH_CLI ?? join(context.repoRoot, 'api/dist/cli/main.js');
  const args = ['--import', RSS_HOOK, cli, 'import', '--smart-account', domain];
  const { ms } = await timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...args, '--as-of', context.asOf, file], {
          env: { ...env, ...database, LOG_LEVEL: 'silent', BENCH_RSS_FILE: rssFile },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve() : reject(new Error(`trueup import exited ${code}: ${stderr}`)),
        );
      }),
  );
  if (!context.databaseUrl && !domain.endsWith('-template')) {
    await rm(join(workDir, `pglite-${domain}`), { recursive: true, force: true });
  }
  return { ms, peakRssBytes: Number(await readFile(rssFile, 'utf8')) };
}

/** PGlite: a data directory migrated once (by a tiny import) that every run starts from. */
async function preparePgliteTemplate(context: BenchContext, tiny: string, workDir: string) {
  if (context.databaseUrl) return;
  const domain = `${IMPORT_DOMAIN}-template`;
  await runImport(context, tiny, domain, workDir);
  await cp(join(workDir, `pglite-${domain}`), join(workDir, PGLITE_TEMPLATE), { recursive: true });
  await rm(join(workDir, `pglite-${domain}`), { recursive: true, force: true });
}

/** Deletes what an import run wrote (PostgreSQL: its Smart Account; PGlite: its data dir). */
async function cleanUp(context: BenchContext): Promise<void> {
  if (!context.databaseUrl) return;
  const leftovers = await context.handle.rows<{ id: number }>(
    sql`select id from smart_accounts where domain like ${`${IMPORT_DOMAIN}-%`}`,
  );
  for (const { id } of leftovers) await removeSmartAccount(context.handle, Number(id));
}

/** COPY of the same usage rows into a copy of usage_reports (same columns and indexes). */
async function copyFloor(context: BenchContext, rows: number): Promise<number> {
  await context.handle.rows(sql.raw(`drop table if exists ${FLOOR_TABLE}`));
  await context.handle.rows(
    sql.raw(`create table ${FLOOR_TABLE} (like usage_reports including all)`),
  );
  try {
    const sa = context.smartAccountId;
    const { ms } = await timed(() =>
      context.handle.copyInto(
        FLOOR_TABLE,
        [
          'smart_account_id',
          'virtual_account_id',
          'license_id',
          'product_instance_id',
          'quantity',
          'source',
          'as_of',
        ],
        (function* () {
          for (const row of usageRows(rows)) {
            yield [
              sa,
              row.virtualAccount + 1,
              row.license + 1,
              row.device + 1,
              row.quantity,
              'CSSM_EXPORT',
              context.asOf,
            ];
          }
        })(),
      ),
    );
    return ms;
  } finally {
    await context.handle.rows(sql.raw(`drop table if exists ${FLOOR_TABLE}`));
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `trueup import` of a product-instances file vs COPY of the same usage rows; peak RSS. */
export const importCase: BenchCase = {
  name: 'import',
  description: 'usage rows from a product-instances file via `trueup import` vs COPY; peak RSS',
  async run(context) {
    const rows = context.scale.importRows;
    const workDir = await mkdtemp(join(tmpdir(), 'trueup-bench-import-'));
    try {
      const file = join(workDir, 'instances.csv');
      const tiny = join(workDir, 'instances-tiny.csv');
      await writeInstancesFile(file, rows, context.asOf);
      await writeInstancesFile(tiny, 4, context.asOf);
      await cleanUp(context);
      await preparePgliteTemplate(context, tiny, workDir);
      // Process start, database open and migration check: measured on a 4-row file, subtracted.
      const startup = await runImport(context, tiny, `${IMPORT_DOMAIN}-startup`, workDir);
      await cleanUp(context);
      const runs: ChildRun[] = [];
      for (let i = 0; i < context.scale.importRuns; i++) {
        context.log(`  import run ${i + 1}/${context.scale.importRuns} (${rows} rows)…`);
        runs.push(await runImport(context, file, `${IMPORT_DOMAIN}-${i}`, workDir));
        await cleanUp(context);
      }
      const floorMs: number[] = [];
      for (let i = 0; i < context.scale.importRuns; i++)
        floorMs.push(await copyFloor(context, rows));
      const importMs = runs.map((run) => Math.max(1, run.ms - startup.ms));
      const value = median(importMs);
      const floor = median(floorMs);
      const peak = Math.max(...runs.map((run) => run.peakRssBytes));
      const ratio = floor / value;
      return {
        name: 'import',
        status: 'ok',
        metric: `${rows} usage rows via trueup import (child, minus startup)`,
        unit: 'ms',
        value,
        floorMetric: 'COPY of the same rows into a copy of usage_reports',
        floor,
        ratio,
        goal: '≥ 0.5× COPY speed (floor ÷ time), flat memory',
        meetsGoal: ratio >= 0.5,
        samples: importMs,
        floorSamples: floorMs,
        details: {
          rows,
          fileMb: mb((await stat(file)).size),
          startupMs: Math.round(startup.ms),
          peakRssMb: mb(peak),
          startupPeakRssMb: mb(startup.peakRssBytes),
          rowsPerSecond: Math.round(rows / (value / 1000)),
        },
        note: 'ratio here is COPY time ÷ import time (a rate ratio: higher is better)',
      };
    } finally {
      await cleanUp(context);
      await rm(workDir, { recursive: true, force: true });
    }
  },
};
