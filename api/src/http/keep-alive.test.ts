import { spawn, type ChildProcess } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_REQUEST_BUDGET_MS } from './request-budget.js';
import { KEEP_ALIVE_TIMEOUT_MS } from './server.js';

// Issue 19: `/healthz` got ECONNRESET while the worst allowed request ran on PostgreSQL. Cause:
// a resolver's synchronous work held the event loop longer than Node's 5 s keep-alive timeout;
// when the loop came back, Node ran the expired keep-alive timer before reading the sockets, so
// a probe the client had already sent on an idle keep-alive socket was closed unread (RST).
// The server runs in its own process (the built `startHttpServer`, `pnpm -s build` first), as
// `trueup serve` does, so the stall does not also stop the probing client.
const STALL_MS = 6_500;
const SERVER = new URL('../../dist/http/server.js', import.meta.url).href;
const CHILD = `
  import { buildSchema } from 'graphql';
  import { startHttpServer } from ${JSON.stringify(SERVER)};
  const schema = buildSchema('type Query { stall: Int }');
  schema.getQueryType().getFields().stall.resolve = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const until = performance.now() + ${STALL_MS};
    while (performance.now() < until);
    return 1;
  };
  const server = await startHttpServer({
    schema, host: '127.0.0.1', port: 0, sampleQuery: '{ stall }',
    authenticate: async () => ({ tokenName: 't' }), context: () => ({}),
    health: async () => undefined,
  });
  console.log(server.url);
`;

describe('keep-alive connections through an event-loop stall', () => {
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  });
  afterAll(() => {
    child.kill();
  });

  it('keeps idle connections open longer than the request budget', () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(DEFAULT_REQUEST_BUDGET_MS);
  });

  it('answers every /healthz probe (keep-alive, every 50 ms) while a request stalls the server', async () => {
    const failures: string[] = [];
    let answered = 0;
    let done = false;
    const probing = (async () => {
      while (!done) {
        try {
          await (await fetch(`${url}/healthz`)).text();
          answered++;
        } catch (error) {
          failures.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ query: '{ stall }' }),
    });
    expect(await res.json()).toMatchObject({ data: { stall: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    done = true;
    await probing;
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(2);
  }, 60_000);
});
