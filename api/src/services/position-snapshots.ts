import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../domain/index.js';

import { positionSumsQuery } from './position-sums.sql.js';
import type { PositionSumsRow } from './row-mappers.js';

/** One aggregated Virtual Account × license row with the names and tags it is sorted and filtered by. */
export interface SnapshotRow extends PositionSumsRow {
  readonly va_name: string;
  readonly license_name: string;
  readonly region: string | null;
  readonly business_unit: string | null;
  readonly product_family: string | null;
}

/** A Smart Account's aggregated position at one date, sorted by Virtual Account then license name (byte order). */
export interface PositionSnapshot {
  readonly rows: readonly SnapshotRow[];
  /** Index range [start, end) of one Virtual Account's rows ([0, 0] when it has none). */
  rangeOf(virtualAccountName: string): readonly [number, number];
}

function toSnapshot(rows: readonly SnapshotRow[]): PositionSnapshot {
  const ranges = new Map<string, [number, number]>();
  rows.forEach((row, i) => {
    const range = ranges.get(row.va_name);
    if (range) range[1] = i + 1;
    else ranges.set(row.va_name, [i, i + 1]);
  });
  return { rows, rangeOf: (name) => ranges.get(name) ?? [0, 0] };
}

async function loadSnapshot(
  handle: DbHandle,
  scope: { smartAccountId: number; asOf: IsoDate },
): Promise<PositionSnapshot> {
  const rows = await handle.rows<SnapshotRow>(sql`
    with s as (${positionSumsQuery(scope)})
    -- Byte order (collate "C"): the same on every server and locale, so cursors are stable.
    select s.*, va.name collate "C" as va_name, l.name collate "C" as license_name,
           va.region, va.business_unit, l.product_family
    from s
    join virtual_accounts va on va.id = s.virtual_account_id and va.smart_account_id = ${scope.smartAccountId}
    join licenses l on l.id = s.license_id and l.smart_account_id = ${scope.smartAccountId}
    order by va_name, license_name`);
  return toSnapshot(rows);
}

/**
 * The database's write position: any committed write (by this process or another) moves it, so
 * an aggregate computed after reading it is current for as long as it stays the same. Null
 * where it cannot be read (e.g. a standby); then nothing is cached.
 */
async function writePosition(handle: DbHandle): Promise<string | null> {
  try {
    const [row] = await handle.rows<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
    return row?.lsn ?? null;
  } catch {
    return null;
  }
}

/**
 * Aggregated positions kept while the database does not change, so paging through a large
 * Smart Account (a BI pull) aggregates once, not once per page, and a one-Virtual-Account read
 * is a slice of memory. Each read first checks the database's WAL position (one cheap query): a
 * committed write anywhere moves it and the next read aggregates again, so a read never sees
 * data older than the last commit before it. Writes in other databases of the same cluster also
 * move it: that only costs a re-aggregation. At most `maxEntries` (Smart Account, date) pairs are
 * kept, least recently used first out.
 */
export function positionSnapshots(
  handle: DbHandle,
  options: {
    maxEntries?: number;
    /** Where the database's version comes from (tests pin it); default its WAL position. */
    version?: (handle: DbHandle) => Promise<string | null>;
  } = {},
) {
  const maxEntries = options.maxEntries ?? 4;
  const readVersion = options.version ?? writePosition;
  const entries = new Map<string, { version: string; snapshot: Promise<PositionSnapshot> }>();
  // Reads that arrive together share one version query. It starts after every read of its batch
  // arrived (the batch closes when the query starts), so each still sees every earlier commit.
  let batch: Promise<string | null> | undefined;
  const currentVersion = () =>
    (batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      batch = undefined;
      return readVersion(handle);
    }));
  return {
    async get(scope: { smartAccountId: number; asOf: IsoDate }): Promise<PositionSnapshot> {
      const version = await currentVersion();
      const key = `${scope.smartAccountId}|${scope.asOf}`;
      const cached = entries.get(key);
      entries.delete(key);
      if (version !== null && cached?.version === version) {
        entries.set(key, cached);
        return cached.snapshot;
      }
      const snapshot = loadSnapshot(handle, scope);
      if (version === null) return snapshot;
      const entry = { version, snapshot };
      entries.set(key, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      snapshot.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return snapshot;
    },
  };
}

export type PositionSnapshots = ReturnType<typeof positionSnapshots>;
