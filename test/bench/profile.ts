// `pnpm -s build && tsc -p test/bench && node test/bench/dist/profile.js [--preset P]
//   [--seconds S] [--out FILE]`: CPU profile of the API process while 50 clients read one
// Virtual Account's positionRows (the `one-va-load` request). Only the load window is profiled
// (node:inspector), not the harness; prints self and total time by area and by function and
// writes the .cpuprofile (open it in Chrome DevTools for the flame chart).
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { FLAT, pageQuery, pull } from './cases/bi-flat.js';
import { drive, typicalVirtualAccount } from './cases/load.js';
import { optimizerRequest } from './cases/optimizer.js';
import { touchDatabase } from './cases/paging.js';
import { post } from './http-client.js';
import { summariseProfile, type CpuProfile } from './profile-summary.js';
import { oneVirtualAccountVariables, pageAllPositionRows } from './queries.js';
import { openHarness } from './setup.js';
import { SCALES, type Preset } from './types.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'large' },
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: 'one-va-load.cpuprofile' },
    // one-va-load (50 clients on one Virtual Account), paging-after-write (a write, then every
    // page of the account by 5,000, repeated), optimizer (the bench's suggestReallocation
    // request), findings (every finding of the account, in process) or bi-flat (flat full pulls,
    // every column, warm), one after another.
    case: { type: 'string', default: 'one-va-load' },
  },
});
const preset = values.preset as Preset;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const log = (message: string) => process.stderr.write(`${message}\n`);
const harness = await openHarness({ preset, repoRoot, log });
try {
  const context = {
    ...harness.context,
    scale: { ...SCALES[preset], loadSeconds: Number(values.seconds) },
  };
  const va = await typicalVirtualAccount(context);
  const variables = oneVirtualAccountVariables(context.domain, context.asOf, va.name);
  if (values.case === 'bi-flat') {
    log('warm-up: one flat full pull…');
    await pull(context.api, context, pageQuery(FLAT));
  } else if (values.case === 'one-va-load' || values.case === 'paging-after-write') {
    log(`warm-up (2 s) on ${va.name} (${va.lines} lines)…`);
    await drive(
      { ...context, scale: { ...context.scale, loadSeconds: 2 } },
      context.api,
      variables,
    );
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  log(`profiling ${values.seconds} s of ${values.case}…`);
  let load = { requestsPerSecond: 0, p50: 0, p99: 0, total: 0 };
  if (values.case === 'optimizer' || values.case === 'findings') {
    // The case's request back to back for the window (at least once), one at a time.
    const request = optimizerRequest(context);
    const until = performance.now() + Number(values.seconds) * 1000;
    const ms: number[] = [];
    do {
      const started = performance.now();
      if (values.case === 'findings') {
        await context.services.findings({
          smartAccountId: context.smartAccountId,
          asOf: context.asOf,
          includeClassic: true,
        });
      } else if (request) {
        await post(context.api, request.document, request.variables);
      }
      ms.push(performance.now() - started);
    } while (performance.now() < until);
    load.total = ms.length;
    log(`${values.case}: ${ms.map((x) => Math.round(x)).join(', ')} ms`);
  } else if (values.case === 'paging-after-write') {
    const until = performance.now() + Number(values.seconds) * 1000;
    while (performance.now() < until) {
      await touchDatabase(context);
      load.total += (await pageAllPositionRows(context.api, context.domain, context.asOf)).pages;
    }
  } else if (values.case === 'bi-flat') {
    const until = performance.now() + Number(values.seconds) * 1000;
    while (performance.now() < until) {
      load.total += (await pull(context.api, context, pageQuery(FLAT))).pages;
    }
  } else {
    load = await drive(context, context.api, variables);
  }
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  writeFileSync(values.out, JSON.stringify(profile));
  process.stdout.write(
    `load: ${Math.round(load.requestsPerSecond)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
      `${load.total} requests\n\n${summariseProfile(profile, load.total)}\nwritten to ${values.out}\n`,
  );
} finally {
  await harness.close();
}
