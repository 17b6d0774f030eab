// `pnpm bench [--preset small|large] [--only NAME[,NAME]] [--out FILE]`: seeds the estate once,
// runs each case against its floor measured in the same run, prints a table and writes JSON.
// Decorated GraphQL classes need the metadata polyfill before they load.
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { biFlatCase } from './cases/bi-flat.js';
import { biPageCase } from './cases/bi-page.js';
import { excelCase } from './cases/excel.js';
import { findingsCase } from './cases/findings.js';
import { importCase } from './cases/import.js';
import { loadCase } from './cases/load.js';
import { mixedCase } from './cases/mixed.js';
import { optimizerCase } from './cases/optimizer.js';
import { positionCase } from './cases/position.js';
import { detailLines, resultsTable } from './report.js';
import { openHarness } from './setup.js';
import { unavailable, type BenchCase, type CaseResult, type Preset } from './types.js';

const CASES: readonly BenchCase[] = [
  positionCase,
  loadCase,
  biPageCase,
  biFlatCase,
  mixedCase,
  importCase,
  findingsCase,
  optimizerCase,
  excelCase,
];

const USAGE = `usage: pnpm bench [--preset small|large] [--only NAME[,NAME…]] [--out FILE]
cases: ${CASES.map((c) => c.name).join(', ')}`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'large' },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench-results.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.preset !== 'small' && values.preset !== 'large') {
    throw new Error(`--preset must be small or large, got "${values.preset}"\n${USAGE}`);
  }
  const names = values.only?.split(',').map((name) => name.trim());
  const unknown = names?.filter((name) => !CASES.some((c) => c.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}\n${USAGE}`);
  return {
    preset: values.preset as Preset,
    cases: names ? CASES.filter((c) => names.includes(c.name)) : CASES,
    out: values.out,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const startedAt = new Date().toISOString();
  const harness = await openHarness({ preset: options.preset, repoRoot, log });
  const results: CaseResult[] = [];
  try {
    for (const benchCase of options.cases) {
      log(`${benchCase.name}: ${benchCase.description}`);
      try {
        results.push(...[await benchCase.run(harness.context)].flat());
      } catch (err) {
        log(`  failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        results.push(unavailable(benchCase.name, 'failed', String(err)));
      }
    }
  } finally {
    await harness.close();
  }
  const report = {
    preset: options.preset,
    engine: harness.context.handle.kind,
    startedAt,
    finishedAt: new Date().toISOString(),
    node: process.version,
    seed: harness.seed,
    results,
  };
  const out = resolve(process.cwd(), options.out);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `\nTrueup bench, preset ${options.preset}, ${report.engine}, ${startedAt}\n\n` +
      `${resultsTable(results)}\n\n${detailLines(results)}\n\nwritten to ${out}\n`,
  );
  // A failed case is reported in the table and the JSON; the run itself still succeeded.
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
