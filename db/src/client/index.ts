import { existsSync } from 'node:fs';

import { DataDirLockedError } from './data-dir-lock.js';
import { createPgliteDb } from './pglite.js';
import { connectToSharedPglite, createPostgresDb } from './postgres.js';
import type { DbHandle } from './types.js';

export interface OpenDbOptions {
  /** `postgres://…` selects PostgreSQL; otherwise embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://`. Default `./.trueup`. */
  readonly dataDir?: string | undefined;
  readonly purpose?: string;
  /** PGlite only: share the database on a socket in the data directory (`serve` does). */
  readonly share?: boolean;
  /** PostgreSQL only: `statement_timeout` (ms) of every connection; PGlite has none. */
  readonly statementTimeoutMs?: number | undefined;
}

/**
 * The one client factory: PostgreSQL when a URL is given, otherwise embedded PGlite. Migrates.
 * A PGlite directory that a running `serve` holds and shares is reached through its socket.
 */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return createPostgresDb({
      url: options.databaseUrl,
      statementTimeoutMs: options.statementTimeoutMs,
    });
  }
  const dataDir = options.dataDir ?? './.trueup';
  try {
    return await createPgliteDb({
      dataDir,
      ...(options.purpose ? { purpose: options.purpose } : {}),
      ...(options.share ? { share: true } : {}),
    });
  } catch (error) {
    const socket = error instanceof DataDirLockedError ? error.holder.socket : undefined;
    if (socket === undefined || !existsSync(socket)) throw error;
    return connectToSharedPglite({ path: socket, dataDir });
  }
}

export { connectToSharedPglite, createPgliteDb, createPostgresDb };
export { DataDirLockedError } from './data-dir-lock.js';
export { setQueryGuard } from './query-guard.js';
export { migratePostgres } from './postgres.js';
export type { CopyRow, Db, DbHandle, DbKind, Schema } from './types.js';
export { openCopy, type CopySink } from './copy-sink.js';
export { LEDGER_LOCK_CLASS, lockLedger } from './ledger-lock.js';
