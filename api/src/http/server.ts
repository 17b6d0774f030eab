import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';

import { setQueryGuard } from '@trueup/db';

import { addinMiddleware } from './addin.js';
import { requireBearer, type Authenticate } from './bearer.js';
import { createErrorHandler } from './errors.js';
import { expensiveFieldsPlugin } from './expensive-fields.js';
import { createExplorerMiddleware } from './explorer.js';
import { graphqlHandler } from './graphql-handler.js';
import { inputBoundsPlugin } from './input-bounds.js';
import { jitGateway } from './jit-executor.js';
import { jsonStatusPlugin } from './json-status.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './query-limits.js';
import { replayFastPath } from './replay-fast-path.js';
import {
  DEFAULT_REQUEST_BUDGET_MS,
  requestBudget,
  requestSignal,
  throwIfOverBudget,
} from './request-budget.js';
import { enterRequestContext, requestLog, requestRecordOf } from './request-context.js';
import type { ResponseStamp } from './response-cache.js';
import { securityHeaders } from './security-headers.js';

const GRAPHQL_PATH = '/graphql';
/** Routes that need a bearer token: the API and the file exports (`/export/...`). */
export const PROTECTED_PATHS = [GRAPHQL_PATH, '/export'] as const;
/** Largest request body accepted (an `importData` file travels inside it). */
export const MAX_BODY = '5mb';
const HEALTH_TIMEOUT_MS = 5_000;
/**
 * How long an idle keep-alive connection stays open (Node's default is 5 s). A heavy request's
 * synchronous step (findings or the optimizer over a large estate) can hold the event loop for
 * seconds; when the loop comes back, Node runs expired timers before it reads sockets, so with
 * 5 s a keep-alive socket whose next request (a `/healthz` probe) arrived during the stall was
 * closed unread and the client got ECONNRESET. Longer than any stall the request budget allows,
 * so that request is answered late instead (`keep-alive.test.ts`).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Everything the HTTP layer needs; built by the composition root from `Config` + services. */
export interface HttpServerOptions<A extends { tokenName: string } = { tokenName: string }> {
  schema: GraphQLSchema;
  /** Who a bearer token is (undefined: unknown, expired or revoked). Every protected route calls it. */
  authenticate: Authenticate<A>;
  /** Builds the per-request GraphQL context from the caller's access and the request id. */
  context: (request: {
    req: express.Request;
    access: A;
    requestId: string;
  }) => Promise<object> | object;
  /** Interface to bind, e.g. `127.0.0.1`. */
  host: string;
  /** Port to bind; `0` picks an ephemeral port (tests). */
  port: number;
  /** Folder served at /addin (the Excel add-in's built assets), optional. */
  addinDir?: string;
  /** PEM certificate and key: serve HTTPS instead of HTTP (Office requires HTTPS add-ins). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Extra CORS origins for /graphql (the add-in dev origin); same-origin always works. */
  allowedOrigins?: readonly string[];
  /** Query preloaded in the explorer. */
  sampleQuery: string;
  /** Readiness probe for /healthz (e.g. `select 1`); rejecting (or taking > 5 s) means unavailable. */
  health: () => Promise<void>;
  logger?: Logger;
  /** Selection, depth and cost limits (HTTP 400 beyond them); defaults suit the explorer and BI pages. */
  queryLimits?: QueryLimits;
  /**
   * Extra routes (e.g. the `/export/*` downloads), mounted after the bearer check, so a route
   * under a protected path reads its caller with `accessOf(res)`.
   */
  routers?: readonly express.Router[];
  /**
   * Time budget of one GraphQL or export request (ms): once spent, or once the client has
   * gone, its next database query throws and the request ends. Default 30 s.
   */
  requestBudgetMs?: number;
  /**
   * What a GraphQL answer depends on (see `response-cache.ts`): answers with a stamp are
   * remembered and served again, byte for byte, while the stamp holds. None: every request runs.
   */
  responseStamp?: ResponseStamp<A>;
  /** Apollo `formatError`, e.g. the masking function from `graphql/errors.ts`. */
  formatError?: ApolloServerOptions<BaseContext>['formatError'];
}

/** A listening server. */
export interface RunningHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** `${url}/graphql`. */
  graphqlUrl: string;
  /** Stops accepting requests, drains in-flight ones (10 s grace), resolves once the port is free. Idempotent. */
  close(): Promise<void>;
}

function withTimeout(probe: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`health probe timed out after ${ms} ms`)), ms);
  });
  return Promise.race([probe(), timeout]).finally(() => clearTimeout(timer));
}

function healthHandler(
  options: Pick<HttpServerOptions, 'health' | 'logger'>,
): express.RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await withTimeout(options.health, HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok' });
    } catch (err) {
      options.logger?.warn({ err }, 'health probe failed');
      res.status(503).json({ status: 'unavailable' });
    }
  };
}

function baseUrl(host: string, port: number, scheme: 'http' | 'https'): string {
  // A wildcard bind is reachable on loopback; report an address a client can dial.
  const dialHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `${scheme}://${dialHost.includes(':') ? `[${dialHost}]` : dialHost}:${port}`;
}

function listen(
  server: http.Server | https.Server,
  port: number,
  host: string,
): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts one Express 5 app serving the GraphQL API (Apollo Server 5) at `/graphql`, the offline
 * explorer at `/` (and at `/graphql` for browsers), `/healthz`, and the add-in's files at
 * `/addin`. Apollo's CSRF prevention stays on; stack traces never reach clients. The caller owns
 * process signals: call `close()` on SIGINT/SIGTERM.
 */
export async function startHttpServer<A extends { tokenName: string }>(
  options: HttpServerOptions<A>,
): Promise<RunningHttpServer> {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, app)
    : http.createServer(app);
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node measures a keep-alive connection's next headers from the end of the last response.
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  const plugins: ApolloServerPlugin<BaseContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginLandingPageDisabled(),
    // No field sets cache hints, and the default cache-control plugin wraps every field
    // resolver: on a 5000-row page that wrapping costs about as much as the execution itself.
    ApolloServerPluginCacheControlDisabled(),
    queryLimitsPlugin(options.schema, options.queryLimits ?? DEFAULT_QUERY_LIMITS),
    expensiveFieldsPlugin(options.schema),
    inputBoundsPlugin(),
    // HTTP 200 for GraphQL request errors answered as application/json (Power Query).
    jsonStatusPlugin(),
  ];
  const budgetMs = options.requestBudgetMs ?? DEFAULT_REQUEST_BUDGET_MS;
  // Every database query checks the budget of the request it runs for (none outside requests),
  // and stops waiting for a pooled connection when that request's signal aborts.
  setQueryGuard(throwIfOverBudget, requestSignal);
  const apollo = new ApolloServer<BaseContext>({
    // The schema, executed by graphql-jit (compiled per query document) through Apollo's
    // gateway interface: see jit-executor.ts.
    gateway: jitGateway(options.schema),
    plugins,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // The explorer needs introspection, whatever NODE_ENV says.
    introspection: true,
    // Signals belong to the caller (it also has a database to close).
    stopOnTerminationSignals: false,
    ...(logger ? { logger } : {}),
    ...(options.formatError ? { formatError: options.formatError } : {}),
  });
  await apollo.start();

  const graphql = graphqlHandler<A>(apollo, {
    context: async (req, res) =>
      options.context({
        req,
        access: res.locals.access as A,
        requestId: requestRecordOf(res.locals).requestId,
      }),
    stamp: options.responseStamp,
  });
  app.use(requestLog(logger));
  app.use(securityHeaders({ tls: options.tls !== undefined }));
  if (options.responseStamp) {
    app.use(
      replayFastPath({
        path: GRAPHQL_PATH,
        authenticate: options.authenticate,
        bodyLimit: MAX_BODY,
        replay: graphql.replay,
      }),
    );
  }
  app.get('/healthz', healthHandler(options));
  app.use(createExplorerMiddleware({ endpoint: GRAPHQL_PATH, sampleQuery: options.sampleQuery }));
  if (options.addinDir !== undefined) app.use('/addin', addinMiddleware(options.addinDir));
  app.use(
    [...PROTECTED_PATHS],
    cors<cors.CorsRequest>({ origin: [...(options.allowedOrigins ?? [])], maxAge: 600 }),
    // The budget starts before the token lookup, which may wait for a database connection too.
    requestBudget(budgetMs),
    requireBearer(options.authenticate),
  );
  for (const router of options.routers ?? []) app.use(router);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: MAX_BODY }),
    requestBudget(budgetMs),
    enterRequestContext(),
    graphql.handler,
  );
  app.use(createErrorHandler(logger));

  let address: AddressInfo;
  try {
    address = await listen(httpServer, options.port, options.host);
  } catch (err) {
    await apollo.stop();
    throw new Error(`Cannot listen on ${options.host}:${options.port}`, { cause: err });
  }
  const url = baseUrl(options.host, address.port, options.tls ? 'https' : 'http');
  logger?.info({ url }, 'HTTP server listening');

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    // The drain plugin closes the HTTP server and waits for it inside `apollo.stop()`.
    await apollo.stop();
    if (httpServer.listening) {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
    logger?.info({ url }, 'HTTP server closed');
  };
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    close: () => (closing ??= close()),
  };
}
