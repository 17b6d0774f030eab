#!/usr/bin/env node
// Load for the GraphQL API: N concurrent clients for D seconds against a running server, each
// looping over the position and findings queries of one Smart Account. Reports requests,
// throughput, latency percentiles and errors (a non-200 answer or any GraphQL error counts).
//
//   TRUEUP_TOKEN=trueup_… node test/load/graphql-load.mjs \
//     --url http://127.0.0.1:4000/graphql --domain acme-networks.example --clients 50 --seconds 30
//
// Plain Node (global fetch, no dependencies) so it runs without a build; bounded by --seconds.

import { parseArgs } from 'node:util';

/** The two reads a dashboard makes: the account position, and a page of findings. */
export const LOAD_QUERIES = {
  position: `query LoadPosition($domain: String!) { smartAccount(domain: $domain) {
    position { licenseName owned consumed grossShortfall netShortfall surplus } } }`,
  findings: `query LoadFindings($domain: String!) { smartAccount(domain: $domain) {
    findings(first: 50) { totalCount nodes { code severity licenseName virtualAccountName quantity message } } } }`,
};

/** The q-th quantile (0–1) of sorted numbers, nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Runs the load and resolves with the figures:
 * `{ requests, errors, seconds, rps, p50, p90, p99, max, byQuery: { name: { requests, errors, p50, p99 } }, firstError }`.
 */
export async function runLoad({ url, token, domain, clients = 50, seconds = 30 }) {
  const names = Object.keys(LOAD_QUERIES);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const errors = Object.fromEntries(names.map((n) => [n, 0]));
  let firstError;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (index) => {
    for (let i = index; performance.now() < deadline; i++) {
      const name = names[i % names.length];
      const t0 = performance.now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: LOAD_QUERIES[name], variables: { domain } }),
        });
        const body = await res.json();
        if (res.status !== 200 || body.errors || !body.data?.smartAccount) {
          errors[name]++;
          firstError ??= { status: res.status, body: JSON.stringify(body).slice(0, 300) };
        }
      } catch (error) {
        errors[name]++;
        firstError ??= { error: String(error) };
      }
      samples[name].push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  const elapsed = (performance.now() - started) / 1000;
  const all = names.flatMap((n) => samples[n]).sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 10) / 10;
  const byQuery = Object.fromEntries(
    names.map((n) => {
      const sorted = [...samples[n]].sort((a, b) => a - b);
      return [
        n,
        {
          requests: sorted.length,
          errors: errors[n],
          p50: round(quantile(sorted, 0.5)),
          p99: round(quantile(sorted, 0.99)),
        },
      ];
    }),
  );
  return {
    clients,
    requests: all.length,
    errors: names.reduce((sum, n) => sum + errors[n], 0),
    seconds: round(elapsed),
    rps: round(all.length / elapsed),
    p50: round(quantile(all, 0.5)),
    p90: round(quantile(all, 0.9)),
    p99: round(quantile(all, 0.99)),
    max: round(all.at(-1) ?? Number.NaN),
    byQuery,
    firstError,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      domain: { type: 'string', default: 'acme-networks.example' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
    },
  });
  const token = process.env.TRUEUP_TOKEN;
  if (!token) {
    process.stderr.write(
      'set TRUEUP_TOKEN to a viewer (or stronger) token for the Smart Account\n',
    );
    process.exit(2);
  }
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  if (!(clients >= 1 && clients <= 1000 && seconds > 0 && seconds <= 600)) {
    process.stderr.write('--clients 1–1000 and --seconds up to 600\n');
    process.exit(2);
  }
  const result = await runLoad({ url: values.url, token, domain: values.domain, clients, seconds });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (result.errors > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
