// Re-runs issue 19's alias attacks against a real `trueup serve` process and reports each
// attack's status, error codes and time, and the slowest `/healthz` answer while it ran (polled
// every 50 ms). Not CI: a measurement.
//
//   node test/scripts/alias-attack.mjs pglite      embedded PGlite, the small demo (seeded)
//   DATABASE_URL=postgres://…/trueup_bench_<you> node test/scripts/alias-attack.mjs postgres
//                                                 PostgreSQL, the first Smart Account there
//
// TRUEUP_REQUEST_BUDGET_MS passes through to the server (default 30 s); ATTACK_SINGLE=1 first
// times each expensive field alone. `pnpm -s build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../api/bin/trueup.js', import.meta.url));
const target = process.argv[2];
if (target !== 'pglite' && target !== 'postgres') {
  console.error('usage: alias-attack.mjs pglite|postgres');
  process.exit(2);
}
const dataDir = target === 'pglite' ? mkdtempSync(join(tmpdir(), 'trueup-attack-')) : undefined;
const rest = { ...process.env };
const { DATABASE_URL } = rest;
delete rest.DATABASE_URL;
delete rest.TRUEUP_DATA_DIR;
if (target === 'postgres' && !DATABASE_URL) throw new Error('set DATABASE_URL');
const env = {
  ...rest,
  LOG_LEVEL: 'warn',
  ...(dataDir ? { TRUEUP_DATA_DIR: dataDir } : { DATABASE_URL }),
};

/** Runs `trueup <args>` to the end; its stdout. */
function cli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args[0]}: ${code}`)),
    );
  });
}

const server = spawn(
  process.execPath,
  [BIN, 'serve', '--port', '0', ...(dataDir ? ['--seed-demo-if-empty'] : [])],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
const graphqlUrl = await new Promise((resolve, reject) => {
  let out = '';
  const seen = (c) => {
    out += c;
    const url = /GraphQL:\s+(\S+)/.exec(out)?.[1];
    if (url && /Try it:/.test(out)) resolve(url);
  };
  server.stdout.on('data', seen);
  server.stderr.on('data', seen);
  server.on('close', () => reject(new Error(`serve exited:\n${out}`)));
});
const healthUrl = new URL('/healthz', graphqlUrl).toString();
const token = async (role) =>
  (
    await cli([
      'token',
      'create',
      '--role',
      role,
      '--all-smart-accounts',
      '--name',
      `attack-${role}-${Date.now()}`,
    ])
  )
    .trim()
    .split('\n')
    .at(-1);
const viewer = await token('viewer');
const analyst = await token('analyst');

async function post(bearer, query, variables = {}, abortAfterMs) {
  const started = performance.now();
  const controller = new AbortController();
  if (abortAfterMs) setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    const body = await res.json();
    const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code))];
    return { status: res.status, codes, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
    return { status: 'client aborted', ms: Math.round(performance.now() - started) };
  }
}

/** Runs `run` while polling /healthz; `tailMs` more polling after it ends (aborted requests). */
async function withHealth(run, tailMs = 0) {
  let worst = 0;
  let probes = 0;
  const failures = [];
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      try {
        await fetch(healthUrl);
      } catch (error) {
        failures.push(
          `${error.cause?.code ?? error.message} after ${Math.round(performance.now() - t)} ms`,
        );
      }
      worst = Math.max(worst, performance.now() - t);
      probes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await run();
  await new Promise((r) => setTimeout(r, tailMs));
  done = true;
  await poll;
  return {
    ...result,
    healthzWorstMs: Math.round(worst),
    probes,
    ...(failures.length ? { healthzFailures: failures } : {}),
  };
}

const accounts = await (
  await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}` },
    body: JSON.stringify({ query: '{ smartAccounts { domain } }' }),
  })
).json();
const domain = accounts.data.smartAccounts[0].domain;
const today = new Date().toISOString().slice(0, 10);
const aliases = (n, f, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: ${f}`).join(' ');
const drift = `drift(from: "2026-01-01", to: "${today}") { lines { ownedChange } }`;
const findings = 'findings(first: 5000) { nodes { code } }';
const suggest = `suggestReallocation(smartAccount: "${domain}") { moves { quantity } }`;
// 4.5 MB: 50,000 moves of ~90 bytes.
const moves = Array.from({ length: 50_000 }, (_, i) => ({
  from: 'Sales-West',
  to: 'Sales-East',
  license: `L${i}`,
  quantity: 1,
}));
const worstAllowed = `{ smartAccount(domain: "${domain}") { ${aliases(3, drift, 'd')} ${aliases(3, findings, 'f')}
  exposure { gross { amount } } renewalModel { asOf } } ${aliases(3, suggest, 's')} }`;
// Each expensive field alone first: what one whole-account computation costs on this estate.
const single = {
  'one drift': () => post(analyst, `{ smartAccount(domain: "${domain}") { ${drift} } }`),
  'one findings(5000)': () =>
    post(analyst, `{ smartAccount(domain: "${domain}") { ${findings} } }`),
  'one exposure': () =>
    post(analyst, `{ smartAccount(domain: "${domain}") { exposure { gross { amount } } } }`),
  'one renewalModel': () =>
    post(analyst, `{ smartAccount(domain: "${domain}") { renewalModel { asOf } } }`),
  'one suggest': () => post(analyst, `{ ${suggest} }`),
};
const attacks = {
  ...(process.env.ATTACK_SINGLE ? single : {}),
  'viewer: 200 aliases of drift': () =>
    post(viewer, `{ smartAccount(domain: "${domain}") { ${aliases(200, drift)} } }`),
  'viewer: 499 aliases of findings': () =>
    post(
      viewer,
      `{ smartAccount(domain: "${domain}") { ${aliases(499, 'findings { nodes { code } }')} } }`,
    ),
  'analyst: 10 aliases of simulateReallocation, one 4.5 MB moves variable': () =>
    post(
      analyst,
      `query($m: [ReallocationMoveInput!]!) { ${aliases(10, `simulateReallocation(smartAccount: "${domain}", moves: $m) { asOf }`)} }`,
      { m: moves },
    ),
  'analyst: worst allowed (3 drift, 3 findings(5000), exposure, renewal, 3 suggest)': () =>
    post(analyst, worstAllowed),
  'the same, client aborts after 1 s (healthz polled 5 s more)': () =>
    post(analyst, worstAllowed, {}, 1_000),
};
const started = new Date().toISOString();
console.log(
  `${target} (${domain}), budget ${process.env.TRUEUP_REQUEST_BUDGET_MS ?? 30_000} ms, ${started}`,
);
const idle = await withHealth(async () => {
  await new Promise((r) => setTimeout(r, 1_000));
  return {};
});
console.log('idle', JSON.stringify(idle));
for (const [name, run] of Object.entries(attacks)) {
  console.log(name, JSON.stringify(await withHealth(run, name.includes('aborts') ? 5_000 : 0)));
}
server.kill('SIGTERM');
await new Promise((r) => server.on('close', r));
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
