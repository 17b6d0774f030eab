// Measures suggestReallocation on a random estate the size of the `large` demo preset
// (500 Virtual Accounts, 2,000 licenses). Not a test: run by hand after `pnpm build`:
//   node --expose-gc test/bench/suggest-reallocation.mjs [lines=1000000] [policy=none|region] [ownedShare=1]
// Prints wall and CPU time per run (on a shared machine, wall time includes waiting).
import { performance } from 'node:perf_hooks';

import { simulateReallocation, suggestReallocation } from '../../api/dist/domain/index.js';

const VIRTUAL_ACCOUNTS = 500;
const LICENSES = 2000;
const lineCount = Number(process.argv[2] ?? 1_000_000);
const policyName = process.argv[3] ?? 'none';
// Share of lines that own anything (the demo preset has 100,000 lots: about 0.1 of 1M lines).
const ownedShare = Number(process.argv[4] ?? 1);

// mulberry32: a seeded generator, so every run measures the same estate.
let state = 20261128;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const virtualAccounts = Array.from({ length: VIRTUAL_ACCOUNTS }, (_, i) => ({
  id: i + 1,
  name: `VA-${i + 1}`,
  smartAccountId: 1,
  businessUnit: pick(['Retail', 'Finance', 'Logistics', 'R&D', 'Corporate', 'Stores']),
  region: pick(['EMEA', 'AMER', 'APJC', 'LATAM', 'ANZ']),
  environment: pick(['PRODUCTION', 'PRODUCTION', 'NON_PRODUCTION', 'LAB']),
}));
const lines = [];
const lots = [];
const density = lineCount / (VIRTUAL_ACCOUNTS * LICENSES);
for (let license = 1; license <= LICENSES; license += 1) {
  for (let va = 1; va <= VIRTUAL_ACCOUNTS; va += 1) {
    if (random() >= density) continue;
    const consumed = Math.floor(random() * 60);
    const ownedSmart = random() < ownedShare ? Math.floor(random() * 60) : 0;
    const ownedClassic = random() < 0.05 ? Math.floor(random() * 10) : 0;
    const reserved = random() < 0.1 ? Math.min(consumed, 2) : 0;
    const owned = ownedSmart + ownedClassic;
    const balance = owned - consumed;
    lines.push({
      virtualAccountId: va,
      licenseId: license,
      owned,
      ownedSmart,
      ownedClassic,
      consumed,
      reserved,
      balance,
      shortfall: Math.max(0, -balance),
      surplus: Math.max(0, balance),
    });
    // Plain literals of one shape, as the service's row mapper builds them.
    const lot = (licenseType, source, quantity, endDate) => ({
      lotId: lots.length + 1,
      virtualAccountId: va,
      licenseId: license,
      licenseType,
      source,
      quantity,
      startDate: null,
      endDate,
    });
    const perpetual = Math.floor(ownedSmart / 3);
    if (perpetual > 0) lots.push(lot('PERPETUAL', 'SMART', perpetual, null));
    if (ownedSmart > perpetual) {
      const endDate = pick(['2026-12-31', '2027-06-30', '2028-03-31', '2029-12-31']);
      lots.push(lot('TERM', 'SMART', ownedSmart - perpetual, endDate));
    }
    if (ownedClassic > 0) lots.push(lot('PERPETUAL', 'CLASSIC_PAK', ownedClassic, null));
  }
}
const unitPrices = new Map();
for (let license = 1; license <= LICENSES; license += 1) {
  if (random() < 0.9)
    unitPrices.set(license, { amountMinor: BigInt(1000 + license), currency: 'USD' });
}
const input = { smartAccountId: 1, asOf: '2026-06-30', virtualAccounts, lines, lots, unitPrices };
const policy =
  policyName === 'region'
    ? {
        sameRegion: true,
        productionToNonProduction: false,
        headroomBasisPoints: 1000,
        horizon: '2027-01-01',
      }
    : {};

console.log(`estate: ${lines.length} lines, ${lots.length} lots; policy ${policyName}`);
for (let run = 1; run <= 3; run += 1) {
  globalThis.gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const plan = suggestReallocation(input, policy);
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(
    `run ${run}: ${elapsed.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${plan.moves.length} moves, ` +
      `${plan.transferRequests.length} transfer requests, cured ${plan.curedUnits} of bound ${plan.boundUnits}`,
  );
  if (run === 3) {
    const check = simulateReallocation(input, plan.moves, policy);
    console.log(`plan simulates feasible: ${check.feasible}`);
  }
}
