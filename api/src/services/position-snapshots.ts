import { sql, type SQL } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../domain/index.js';

import type { Clock } from './clock.js';
import {
  ensureCurrentPositions,
  keptSumsQuery,
  positionVersion,
  type PositionVersion,
} from './current-positions.js';
import { positionSumsQuery } from './position-sums.sql.js';
import type { PositionSumsRow } from './row-mappers.js';

/** One aggregated Virtual Account × license row with the names and tags it is sorted and filtered by. */
export interface SnapshotRow extends PositionSumsRow {
  readonly va_name: string;
  readonly license_name: string;
  readonly region: string | null;
  readonly business_unit: string | null;
  readonly product_family: string | null;
  readonly environment: string;
  readonly unit: string;
  readonly kind: string;
}

/** A Smart Account's position at one date, sorted by Virtual Account then license name (byte order). */
export interface PositionSnapshot {
  readonly rows: readonly SnapshotRow[];
  /** Index range [start, end) of one Virtual Account's rows ([0, 0] when it has none). */
  rangeOf(virtualAccountName: string): readonly [number, number];
}

export interface SnapshotScope {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  /** Only these Virtual Accounts (by name); all when absent. */
  readonly virtualAccountNames?: readonly string[] | undefined;
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

/**
 * The named rows of `sums` (rows shaped like `positionSumsQuery`'s): the one query that joins
 * position sums to the names and tags of their Virtual Accounts and licenses.
 */
function namedRows(scope: SnapshotScope, sums: SQL): SQL {
  const sa = scope.smartAccountId;
  const only = scope.virtualAccountNames
    ? sql` and va.name = any(${sql.param([...scope.virtualAccountNames])}::text[])`
    : sql``;
  return sql`
    with s as (${sums})
    -- Byte order (collate "C"): the same on every server and locale, so cursors are stable.
    select s.*, va.name collate "C" as va_name, l.name collate "C" as license_name,
           va.region, va.business_unit, l.product_family,
           va.environment::text as environment, l.unit::text as unit, l.kind::text as kind
    from s
    join virtual_accounts va on va.id = s.virtual_account_id and va.smart_account_id = ${sa}${only}
    join licenses l on l.id = s.license_id and l.smart_account_id = ${sa}
    order by va_name, license_name`;
}

/** The ids of the named Virtual Accounts (the aggregate is scoped by id). */
async function virtualAccountIds(handle: DbHandle, sa: number, names: readonly string[]) {
  const rows = await handle.rows<{ id: number }>(
    sql`select id from virtual_accounts where smart_account_id = ${sa}
        and name = any(${sql.param([...names])}::text[])`,
  );
  return rows.map((row) => Number(row.id));
}

async function loadSnapshot(
  handle: DbHandle,
  scope: SnapshotScope,
  kept: boolean,
): Promise<PositionSnapshot> {
  const sa = scope.smartAccountId;
  let sums: SQL;
  if (kept) sums = keptSumsQuery({ smartAccountId: sa });
  else if (!scope.virtualAccountNames) sums = positionSumsQuery(scope);
  else {
    const ids = await virtualAccountIds(handle, sa, scope.virtualAccountNames);
    if (ids.length === 0) return toSnapshot([]);
    sums = positionSumsQuery({ smartAccountId: sa, asOf: scope.asOf, virtualAccountIds: ids });
  }
  return toSnapshot(await handle.rows<SnapshotRow>(namedRows(scope, sums)));
}

/**
 * Named position rows of a Smart Account, read the one way every surface slices: today's from
 * the rows the writers keep (`current_positions`, an indexed select), other dates from the
 * aggregate (only the Virtual Accounts asked for, when some are named). Results are kept in
 * memory per (account, date, Virtual Accounts) and the account's version: every ledger write
 * bumps it in its transaction, so each read first reads the version (one indexed row; reads that
 * arrive together share it) and never serves rows older than the last commit before it. A read
 * of the clock's today when the kept rows hold an earlier date rolls them forward first. At most
 * `maxEntries` entries are kept, least recently used first out.
 */
export function positionSnapshots(
  handle: DbHandle,
  clock: Clock,
  options: {
    maxEntries?: number;
    /** Where the account's version comes from (tests pin it); default `position_versions`. */
    version?: (handle: DbHandle, smartAccountId: number) => Promise<PositionVersion | null>;
  } = {},
) {
  const maxEntries = options.maxEntries ?? 64;
  const readVersion = options.version ?? positionVersion;
  const entries = new Map<string, { version: string; snapshot: Promise<PositionSnapshot> }>();
  // Reads of one account that arrive together share one version query. It starts after every
  // read of its batch arrived (the batch closes when the query starts), so each still sees
  // every earlier commit.
  const batches = new Map<number, Promise<PositionVersion | null>>();
  const currentVersion = (sa: number) => {
    let batch = batches.get(sa);
    if (!batch) {
      batch = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        batches.delete(sa);
        return readVersion(handle, sa);
      });
      batches.set(sa, batch);
    }
    return batch;
  };
  const remember = (key: string, version: string, snapshot: Promise<PositionSnapshot>) => {
    const entry = { version, snapshot };
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    snapshot.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
  };
  const fresh = (key: string, version: string) => {
    const cached = entries.get(key);
    if (cached?.version !== version) return undefined;
    entries.delete(key);
    entries.set(key, cached);
    return cached.snapshot;
  };
  return {
    async get(scope: SnapshotScope): Promise<PositionSnapshot> {
      const sa = scope.smartAccountId;
      let version = await currentVersion(sa);
      if (scope.asOf === clock.today() && version?.asOf !== scope.asOf) {
        version = await ensureCurrentPositions(handle, sa, scope.asOf);
      }
      const tag = version?.version ?? 'none';
      const whole = `${sa}|${scope.asOf}|*`;
      const key = scope.virtualAccountNames
        ? `${sa}|${scope.asOf}|${JSON.stringify([...scope.virtualAccountNames].sort())}`
        : whole;
      const cached = fresh(whole, tag) ?? fresh(key, tag);
      if (cached) return cached;
      const snapshot = loadSnapshot(handle, scope, version?.asOf === scope.asOf);
      remember(key, tag, snapshot);
      return snapshot;
    },
  };
}

export type PositionSnapshots = ReturnType<typeof positionSnapshots>;
