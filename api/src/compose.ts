import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { pino, type Logger } from 'pino';

import { openDb, type DbHandle } from '@trueup/db';

import type { Config } from './config.js';
import { createExportRouter } from './export/index.js';
import { createContext } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { positionReadStamp } from './graphql/response-stamp.js';
import { createSchema } from './graphql/schema.js';
import { currentRequest } from './http/request-context.js';
import { startHttpServer, type RunningHttpServer } from './http/server.js';
import { SAMPLE_QUERY } from './sample-query.js';
import { createServices, systemClock, type Clock, type Services } from './services/index.js';

/** Opens the configured database (migrating it) and binds the services to it. */
export async function openServices(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: {
    purpose: string;
    clock?: Clock;
    /** PGlite only: share the database on a socket in the data directory (`serve` does). */
    share?: boolean;
    /** PostgreSQL `statement_timeout` (ms) of every connection: `serve` sets its request budget. */
    statementTimeoutMs?: number;
  },
): Promise<{ handle: DbHandle; services: Services }> {
  const handle = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: options.purpose,
    ...(options.share ? { share: true } : {}),
    statementTimeoutMs: options.statementTimeoutMs,
  });
  return { handle, services: createServices(handle, options.clock ?? systemClock) };
}

function readPem(path: string, variable: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new Error(`${variable}: cannot read ${path}`, { cause });
  }
}

/** The built add-in of this checkout (api/dist or api/src → ../../excel-addin/dist/addin). */
const DEFAULT_ADDIN_DIR = fileURLToPath(new URL('../../excel-addin/dist/addin/', import.meta.url));

/** Builds the schema and starts the one HTTP process (GraphQL, explorer, health, add-in). */
export async function startApi(
  services: Services,
  config: Pick<Config, 'host' | 'port' | 'allowedOrigins'> &
    Partial<Pick<Config, 'tlsCert' | 'tlsKey' | 'addinDir' | 'requestBudgetMs'>>,
  logger: Logger = pino({ level: 'silent' }),
): Promise<RunningHttpServer> {
  const schema = await createSchema(services);
  const tls =
    config.tlsCert !== undefined && config.tlsKey !== undefined
      ? {
          cert: readPem(config.tlsCert, 'TRUEUP_TLS_CERT'),
          key: readPem(config.tlsKey, 'TRUEUP_TLS_KEY'),
        }
      : undefined;
  return startHttpServer({
    addinDir: config.addinDir ?? DEFAULT_ADDIN_DIR,
    ...(tls ? { tls } : {}),
    schema,
    authenticate: services.access.authenticate,
    context: ({ access, requestId }) => createContext(services, access, requestId),
    responseStamp: positionReadStamp(services),
    host: config.host,
    port: config.port,
    allowedOrigins: config.allowedOrigins,
    sampleQuery: SAMPLE_QUERY,
    routers: [createExportRouter(services)],
    health: services.health,
    logger,
    ...(config.requestBudgetMs !== undefined ? { requestBudgetMs: config.requestBudgetMs } : {}),
    formatError: formatError(logger, () => currentRequest()?.requestId),
  });
}
