import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

import type * as schema from '../schema/index.js';

export type Schema = typeof schema;

/** A drizzle database over either driver. Transactions (`db.transaction`) have the same API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Which engine a handle talks to. */
export type DbKind = 'postgres' | 'pglite';

/** Rows for `COPY ... FROM STDIN` in CSV form, one array per row (null for SQL NULL). */
export type CopyRow = readonly (string | number | boolean | null)[];

/**
 * The one handle every consumer receives, whatever the driver.
 * `close()` releases the connection (and, for PGlite, the data-directory lock).
 */
export interface DbHandle {
  readonly db: Db;
  readonly kind: DbKind;
  /** Where the data lives: the PostgreSQL URL without password, or the PGlite data dir. */
  readonly location: string;
  /** Runs raw SQL and returns its rows, normalised across drivers. */
  rows<T extends Record<string, unknown>>(query: SQL, executor?: Db): Promise<T[]>;
  /** Bulk-loads rows with `COPY ... FROM STDIN (FORMAT csv)`. Returns the row count. */
  copyInto(table: string, columns: readonly string[], rows: Iterable<CopyRow>): Promise<number>;
  /**
   * Readiness: the database answers `select 1`, without queuing behind requests' statements
   * (PostgreSQL: its own connection; PGlite: next after the running statement). Optional: a
   * handle without it is probed with `rows`.
   */
  ping?(): Promise<void>;
  close(): Promise<void>;
}
