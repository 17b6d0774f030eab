// Runs autocannon in its own process so the load generator does not share the event loop of
// the server under test. Input: one JSON argument; output: one JSON line on stdout.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof autocannon>[0];
const result = await autocannon(options);
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }) + '\n',
);
