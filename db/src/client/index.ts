import { createPgliteDb } from './pglite.js';
import { createPostgresDb } from './postgres.js';
import type { DbHandle } from './types.js';

export interface OpenDbOptions {
  /** `postgres://…` selects PostgreSQL; otherwise embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://`. Default `./.trueup`. */
  readonly dataDir?: string | undefined;
  readonly purpose?: string;
  /** PostgreSQL only: `statement_timeout` (ms) of every connection; PGlite has none. */
  readonly statementTimeoutMs?: number | undefined;
}

/** The one client factory: PostgreSQL when a URL is given, otherwise embedded PGlite. Migrates. */
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
  return createPgliteDb({
    dataDir: options.dataDir ?? './.trueup',
    ...(options.purpose ? { purpose: options.purpose } : {}),
  });
}

export { createPgliteDb, createPostgresDb };
export { DataDirLockedError } from './data-dir-lock.js';
export { setQueryGuard } from './query-guard.js';
export { migratePostgres } from './postgres.js';
export type { CopyRow, Db, DbHandle, DbKind, Schema } from './types.js';
