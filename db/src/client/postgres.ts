import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

import * as schema from '../schema/index.js';

import { insertSink, markCopyOverSocketUnsafe } from './copy-sink.js';
import { copyChunks, copyStatement } from './csv.js';
import { MIGRATION_LOCK_KEY, migrationsFolder } from './migrations.js';
import { guardLogger } from './query-guard.js';
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
  const db = drizzle(client, { schema, logger: guardLogger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location: redactUrl(options.url),
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
    close: () => client.end({ timeout: 5 }),
  };
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
