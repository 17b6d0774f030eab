import { eq } from 'drizzle-orm';

import { createServices, fixedClock, startApi, type Services } from '../../api/src/index.js';
import { apiTokens, type DbHandle } from '../../db/src/index.js';

import { setDefaultToken } from './graphql-client.js';

let serial = 0;

export interface TestApi {
  graphqlUrl: string;
  url: string;
  /** An install-wide ADMIN token; `graphql(graphqlUrl, …)` sends it unless told otherwise. */
  adminToken: string;
  /** The services the server runs on (to create more tokens: `services.access.create`). */
  services: Services;
  close: () => Promise<void>;
}

/**
 * The API on an ephemeral loopback port over `handle`, with "today" fixed to `today`. Every
 * request needs a token, so this creates an install-wide ADMIN token and makes it the default
 * for `graphql()` calls to this server (and deletes it on close); scope and role tests create
 * their own.
 */
export async function startTestApi(handle: DbHandle, today: string): Promise<TestApi> {
  const services = createServices(handle, fixedClock(today));
  const name = `test-admin-${process.pid}-${++serial}-${Date.now()}`;
  const { token } = await services.access.create({
    role: 'ADMIN',
    smartAccounts: [],
    allSmartAccounts: true,
    name,
  });
  const server = await startApi(services, { host: '127.0.0.1', port: 0, allowedOrigins: [] });
  setDefaultToken(server.graphqlUrl, token);
  return {
    graphqlUrl: server.graphqlUrl,
    url: server.url,
    adminToken: token,
    services,
    close: async () => {
      setDefaultToken(server.graphqlUrl, undefined);
      await server.close();
      // Leave the token table as found (a later first `serve` on the same data bootstraps).
      await handle.db.delete(apiTokens).where(eq(apiTokens.name, name));
    },
  };
}
