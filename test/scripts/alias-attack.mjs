// Re-runs issue 19's alias attacks against a server on the demo estate (embedded PGlite in
// memory, in this process, so a stalled event loop shows in /healthz) and reports each
// attack's status and time and the slowest /healthz answer while it ran. Not CI: a measurement.
// Usage: pnpm -s build && node test/scripts/alias-attack.mjs
import 'reflect-metadata';

const { createServices, startApi, systemClock } = await import('../../api/dist/index.js');
const { createPgliteDb, DEMO_ACCOUNTS, seedDemo } = await import('../../db/dist/index.js');

const handle = await createPgliteDb({ dataDir: 'memory://' });
const today = systemClock.today();
await seedDemo(handle, { preset: 'small', referenceDate: today });
const services = createServices(handle, systemClock);
const viewer = await services.access.create({
  role: 'VIEWER',
  smartAccounts: [],
  allSmartAccounts: true,
  name: 'v',
});
const analyst = await services.access.create({
  role: 'ANALYST',
  smartAccounts: [],
  allSmartAccounts: true,
  name: 'a',
});
const server = await startApi(services, { host: '127.0.0.1', port: 0, allowedOrigins: [] });
const domain = DEMO_ACCOUNTS.small.domain;
const aliases = (n, f) => Array.from({ length: n }, (_, i) => `a${i}: ${f}`).join(' ');

async function post(token, query, variables = {}) {
  const started = performance.now();
  const res = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code))];
  return { status: res.status, codes, ms: Math.round(performance.now() - started) };
}

async function withHealth(run) {
  let worst = 0;
  let probes = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      await fetch(`${server.url}/healthz`);
      worst = Math.max(worst, performance.now() - t);
      probes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await run();
  done = true;
  await poll;
  return { ...result, healthzWorstMs: Math.round(worst), probes };
}

const moves = Array.from({ length: 50_000 }, (_, i) => ({
  from: 'Sales-West',
  to: 'Sales-East',
  license: `L${i}`,
  quantity: 1,
}));
const attacks = {
  'viewer: 200 aliases of drift': () =>
    post(
      viewer.token,
      `{ smartAccount(domain: "${domain}") { ${aliases(200, `drift(from: "2026-01-01", to: "${today}") { fromAsOf }`)} } }`,
    ),
  'viewer: 499 aliases of findings': () =>
    post(
      viewer.token,
      `{ smartAccount(domain: "${domain}") { ${aliases(499, 'findings { nodes { code } }')} } }`,
    ),
  'analyst: 10 aliases of simulateReallocation, 50,000 moves': () =>
    post(
      analyst.token,
      `query($m: [ReallocationMoveInput!]!) { ${aliases(10, `simulateReallocation(smartAccount: "${domain}", moves: $m) { asOf }`)} }`,
      { m: moves },
    ),
  'worst allowed: 3 × drift, 3 × findings (first 5000), exposure, renewal, 3 × suggest': () =>
    post(
      analyst.token,
      `{ smartAccount(domain: "${domain}") {
      ${aliases(3, `drift(from: "2026-01-01", to: "${today}") { lines { ownedChange } }`)}
      ${aliases(3, 'findings(first: 5000) { nodes { code } }').replaceAll('a', 'f')}
      exposure { gross { amount } } renewalModel { asOf } }
      ${aliases(3, `suggestReallocation(smartAccount: "${domain}") { moves { quantity } }`).replaceAll(' a', ' s')} }`,
    ),
};
const only = process.argv[2];
if (only === 'parts') {
  Object.assign(attacks, {
    '3 × drift': () =>
      post(
        viewer.token,
        `{ smartAccount(domain: "${domain}") { ${aliases(3, `drift(from: "2026-01-01", to: "${today}") { lines { ownedChange } }`)} } }`,
      ),
    '3 × findings (first 5000)': () =>
      post(
        viewer.token,
        `{ smartAccount(domain: "${domain}") { ${aliases(3, 'findings(first: 5000) { nodes { code } }')} } }`,
      ),
    '3 × suggestReallocation': () =>
      post(
        analyst.token,
        `{ ${aliases(3, `suggestReallocation(smartAccount: "${domain}") { moves { quantity } }`)} }`,
      ),
    'exposure + renewalModel': () =>
      post(
        viewer.token,
        `{ smartAccount(domain: "${domain}") { exposure { gross { amount } } renewalModel { asOf } } }`,
      ),
  });
}
for (const [name, run] of Object.entries(attacks)) {
  console.log(name, JSON.stringify(await withHealth(run)));
}
await server.close();
await handle.close();
