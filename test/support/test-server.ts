import { createServices, fixedClock, startApi } from '../../api/src/index.js';
import type { DbHandle } from '../../db/src/index.js';

/** The API on an ephemeral loopback port over `handle`, with "today" fixed to `today`. */
export async function startTestApi(
  handle: DbHandle,
  today: string,
): Promise<{ graphqlUrl: string; url: string; close: () => Promise<void> }> {
  const server = await startApi(createServices(handle, fixedClock(today)), {
    host: '127.0.0.1',
    port: 0,
    allowedOrigins: [],
  });
  return { graphqlUrl: server.graphqlUrl, url: server.url, close: server.close };
}
