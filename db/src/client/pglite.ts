import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import * as schema from '../schema/index.js';

import { copyChunks, copyStatement } from './csv.js';
import { takeLock } from './data-dir-lock.js';
import { migrationsFolder } from './migrations.js';
import { shareDatabase, type DatabaseShare } from './pglite-share.js';
import { guardLogger, runQueryGuard } from './query-guard.js';
import type { Db, DbHandle } from './types.js';

export interface PgliteOptions {
  /** A directory, or `memory://` for a throwaway in-memory database. */
  readonly dataDir: string;
  /** A tarball from `dumpDataDir()` to start from (tests use a migrated template). */
  readonly loadDataDir?: Blob;
  /** Apply pending migrations before returning. Default true. */
  readonly migrate?: boolean;
  /** Recorded in the lock file so a second process can say who holds the directory. */
  readonly purpose?: string;
  /**
   * Share the database with other processes on this machine through a Unix socket in the data
   * directory (advertised in the lock file), so the CLI works beside a running `serve`.
   */
  readonly share?: boolean;
}

/**
 * Opens embedded PGlite. A directory is locked for this process (PGlite is single-process);
 * opening one that a live process holds throws `DataDirLockedError` before touching it.
 */
export async function createPgliteDb(
  options: PgliteOptions,
): Promise<DbHandle & { pglite: PGlite }> {
  const inMemory = options.dataDir.startsWith('memory://');
  const lock = inMemory ? undefined : takeLock(options.dataDir, options.purpose);
  const release = lock?.release ?? (() => undefined);
  let client: PGlite;
  let share: DatabaseShare | undefined;
  try {
    client = await PGlite.create(inMemory ? undefined : options.dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    if (options.migrate !== false) {
      // One process holds the directory, so no other migrator can run concurrently.
      await migrate(drizzle(client), { migrationsFolder });
    }
    if (options.share && lock) {
      share = await shareDatabase(client, options.dataDir);
      lock.advertise(share.path);
    }
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle(yieldingClient(client), { schema, logger: guardLogger }) as unknown as Db;
  return {
    db,
    pglite: client,
    kind: 'pglite',
    location: options.dataDir,
    async rows(query, executor = db) {
      const result = (await executor.execute(query)) as unknown as { rows: unknown[] };
      return result.rows as never;
    },
    async ping() {
      // Straight to PGlite, not through the yielding client's queue of requests' statements.
      await client.query('select 1');
    },
    async copyInto(table, columns, rows) {
      const parts: string[] = [];
      let count = 0;
      for (const chunk of copyChunks(rows)) parts.push(chunk);
      for (const part of parts) count += part.split('\n').length - 1;
      await client.query(copyStatement(table, columns, `'/dev/blob'`), [], {
        blob: new Blob(parts),
      });
      return count;
    },
    async close() {
      try {
        await share?.close();
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Longest stretch of queries (ms) before the process gets to answer other requests. */
const YIELD_EVERY_MS = 20;

/**
 * The embedded database runs in this process, one statement at a time, and cannot cancel one
 * that has started. Two things follow, both handled here for every statement outside a
 * transaction (`query`, `exec`):
 *
 * - A request's queries chained on promises can keep the event loop from ever reaching other
 *   sockets (a `/healthz` probe waited 12 s behind one heavy request): timers and I/O run between
 *   statements at least every `YIELD_EVERY_MS`, so other requests are served between them.
 * - Statements wait their turn here, in order, and the query guard (`setQueryGuard`) is asked
 *   again when a statement's turn comes, in its request's context: drizzle asks it when the
 *   statement is issued, and a request whose budget is spent (or whose client went away) while
 *   its statements queued behind others' sends none of them. Only the statement already running
 *   finishes.
 */
function yieldingClient(client: PGlite): PGlite {
  let lastYield = performance.now();
  let turn: Promise<unknown> = Promise.resolve();
  const pause = async () => {
    if (performance.now() - lastYield < YIELD_EVERY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };
  return new Proxy(client, {
    get(target, property) {
      // PGlite keeps private fields: read and call everything on the target itself.
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'query' && property !== 'exec') {
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      }
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const run = turn.then(async () => {
          await pause();
          runQueryGuard();
          return method.apply(target, args);
        });
        turn = run.catch(() => undefined);
        return run;
      };
    },
  });
}
