import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import * as schema from '../schema/index.js';

import { insertSink, markCopyOverSocketUnsafe } from './copy-sink.js';
import { copyChunks, copyStatement } from './csv.js';
import { MIGRATION_LOCK_KEY, migrationsFolder } from './migrations.js';
import { guardLogger, querySignal, runQueryGuard } from './query-guard.js';
import type { Db, DbHandle } from './types.js';

export interface PostgresOptions {
  readonly url: string;
  /** Pool size; default 10. */
  readonly max?: number;
  /** Apply pending migrations before returning (under an advisory lock). Default true. */
  readonly migrate?: boolean;
  /** `statement_timeout` of every pooled connection (ms): the server cancels a longer query. */
  readonly statementTimeoutMs?: number | undefined;
}

/** Connects to PostgreSQL through postgres.js and returns the shared handle. */
export async function createPostgresDb(options: PostgresOptions): Promise<DbHandle> {
  if (options.migrate !== false) await migratePostgres(options.url);
  const client = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    ...(options.statementTimeoutMs
      ? { connection: { statement_timeout: options.statementTimeoutMs } }
      : {}),
  });
  boundWaitsByRequest(client);
  const db = drizzle(client, { schema, logger: guardLogger }) as unknown as Db;
  // Its own connection, opened on first use: a probe never waits for the pool's connections,
  // which one heavy request can hold all of.
  let pinger: postgres.Sql | undefined;
  return {
    db,
    kind: 'postgres',
    location: redactUrl(options.url),
    async ping() {
      pinger ??= postgres(options.url, { max: 1, onnotice: () => undefined, connect_timeout: 5 });
      await pinger`select 1`;
    },
    async rows(query, executor = db) {
      const result = await executor.execute(query);
      return [...(result as unknown as Record<string, unknown>[])] as never;
    },
    async copyInto(table, columns, rows) {
      const reserved = await client.reserve();
      try {
        const writable = (await reserved
          .unsafe(copyStatement(table, columns, 'STDIN'))
          .writable()) as Writable;
        let count = 0;
        const counted = (function* () {
          for (const row of rows) {
            count++;
            yield row;
          }
        })();
        await pipeline(Readable.from(copyChunks(counted)), writable);
        return count;
      } finally {
        reserved.release();
      }
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), pinger?.end({ timeout: 5 })]);
    },
  };
}

type PendingQuery = ReturnType<postgres.Sql['unsafe']> & {
  active: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/**
 * Bounds the wait for a pooled connection by the request a query is issued for (the query
 * guard's signal): when the pool is busy, postgres.js queues a query (or pipelines it behind
 * another connection's statement) until a connection is free, and the guard, asked when the
 * query was issued, is not asked again. When the request's signal aborts (budget spent, client
 * gone) a query not yet running is cancelled and its caller stops waiting; a running one ends
 * at `statement_timeout` (the same budget). Either way it fails with what the
 * guard throws in its request (`REQUEST_BUDGET_EXCEEDED`), the driver's error as its cause.
 * Transactions wait through the same path (`begin` is an `unsafe` query of the pool).
 */
function boundWaitsByRequest(client: postgres.Sql): void {
  const unsafe = client.unsafe;
  client.unsafe = ((...args: Parameters<typeof unsafe>) => {
    const query = unsafe(...args) as PendingQuery;
    const signal = querySignal();
    if (!signal) return query;
    // The rejection arrives from the connection's socket, outside the request's async context.
    const inRequest = AsyncLocalStorage.snapshot();
    const { resolve, reject } = query;
    const stop = () => {
      if (query.active) return;
      // Queued: removed from the queue. Pipelined behind another statement on a busy
      // connection: cancelled when its turn comes; its caller stops waiting now.
      void query.cancel();
      query.reject(new Error('cancelled while waiting for a connection'));
    };
    query.resolve = (value) => {
      signal.removeEventListener('abort', stop);
      resolve(value);
    };
    query.reject = (error) => {
      signal.removeEventListener('abort', stop);
      let stopped: unknown;
      if (signal.aborted) {
        try {
          inRequest(runQueryGuard);
        } catch (guardError) {
          stopped = guardError;
        }
      }
      reject(stopped instanceof Error ? Object.assign(stopped, { cause: error }) : error);
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    return query;
  }) as typeof unsafe;
}

/**
 * Applies pending migrations on a single dedicated connection holding an advisory lock, so two
 * processes starting together never migrate at once (drizzle's migrator has no lock).
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: show nothing of it rather than risk printing a secret.
    return 'postgres://(unparsable url)';
  }
}

/**
 * Connects to the PGlite database a running `serve` shares on a Unix socket (see
 * pglite-share.ts). One connection: PGlite has one backend, and the share serialises sessions.
 * No migrations (the owner ran them). `copyInto` inserts in batches, because COPY FROM STDIN
 * over the socket terminates PGlite's backend (pglite 0.5.17, pglite-socket 0.2.17).
 */
export function connectToSharedPglite(options: { path: string; dataDir: string }): DbHandle {
  markCopyOverSocketUnsafe();
  const client = postgres({ path: options.path, max: 1, onnotice: () => undefined });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: `${options.dataDir} (through the running server's socket)`,
    async rows(query, executor = db) {
      const result = await executor.execute(query);
      return [...(result as unknown as Record<string, unknown>[])] as never;
    },
    async copyInto(table, columns, rows) {
      const sink = insertSink(client, table, columns);
      for (const row of rows) await sink.write(row);
      return sink.end();
    },
    close: () => client.end({ timeout: 5 }),
  };
}
