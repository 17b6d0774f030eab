import { AsyncResource } from 'node:async_hooks';

import { sql, type SQL } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../domain/index.js';

import type { Clock } from './clock.js';
import {
  changedVirtualAccounts,
  ensureCurrentPositions,
  positionSumsAt,
  positionVersion,
  type PositionVersion,
} from './current-positions.js';
import { namesFingerprint, patchRows } from './position-snapshot-patch.js';
import type { PositionSumsRow } from './row-mappers.js';

/** One aggregated Virtual Account × license row with the names and tags it is sorted and filtered by. */
export interface CachedPositionRow extends PositionSumsRow {
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
export interface CachedPosition {
  readonly rows: readonly CachedPositionRow[];
  /** Read from the kept rows, with the names as `namesFingerprint` saw them before: patchable. */
  readonly names?: string | undefined;
}

export interface CacheScope {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  /** Only these Virtual Accounts (by name); all when absent. */
  readonly virtualAccountNames?: readonly string[] | undefined;
}

function toSnapshot(rows: readonly CachedPositionRow[], names?: string): CachedPosition {
  return { rows, names };
}

/**
 * The named rows of `sums` (rows shaped like `positionSumsQuery`'s): the one query that joins
 * position sums to the names and tags of their Virtual Accounts and licenses.
 */
function namedRows(scope: CacheScope, sums: SQL): SQL {
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

async function loadSnapshot(
  handle: DbHandle,
  scope: CacheScope,
  known: PositionVersion | null,
): Promise<CachedPosition> {
  const sa = scope.smartAccountId;
  // Names first: a rename committed after this is seen by the next patch, which reloads.
  const names = scope.virtualAccountNames ? undefined : await namesFingerprint(handle, sa);
  const sums = positionSumsAt(
    { smartAccountId: sa, asOf: scope.asOf, virtualAccountNames: scope.virtualAccountNames },
    known,
  );
  return toSnapshot(await handle.rows<CachedPositionRow>(namedRows(scope, sums)), names);
}

/**
 * The whole-account snapshot `old` (kept rows at version `since`) brought to version `until`:
 * only the Virtual Accounts the versions in between changed are read again, when every one of
 * those versions says which and no name or tag changed; otherwise everything is.
 */
async function patchSnapshot(
  handle: DbHandle,
  scope: CacheScope,
  old: CachedPosition,
  since: string,
  known: PositionVersion,
): Promise<CachedPosition> {
  const sa = scope.smartAccountId;
  const until = known.version;
  const names = await namesFingerprint(handle, sa);
  const changed =
    names === old.names ? await changedVirtualAccounts(handle, sa, since, until) : null;
  if (changed === null) return loadSnapshot(handle, scope, known);
  if (changed.length === 0) return old;
  const sums = positionSumsAt(
    { smartAccountId: sa, asOf: scope.asOf, virtualAccountIds: changed },
    known,
  );
  const fresh = await handle.rows<CachedPositionRow>(namedRows(scope, sums));
  return toSnapshot(patchRows(old.rows, new Set(changed), fresh), names);
}

// Work shared by the reads that arrive together (a version query, a snapshot load) runs outside
// the async context of the request that happened to start it: that request being stopped (its
// client gone, its time budget spent: the query guard reads the context) must not fail the
// others' reads. Created at load time, so its context holds no request.
const sharedScope = new AsyncResource('trueup.position-read');
const detached = <T>(work: () => Promise<T>): Promise<T> => sharedScope.runInAsyncScope(work);

/** What a cached read of a Smart Account's position depends on, found by its domain. */
export interface PositionStamp {
  readonly smartAccountId: number;
  /** The account's position version ('none' before any write or read created it). */
  readonly version: string;
  /** The version and the date the kept rows hold, as read (null: none yet). */
  readonly kept: PositionVersion | null;
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
export function positionCache(
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
  const entries = new Map<string, { version: string; snapshot: Promise<CachedPosition> }>();
  // Reads of one account that arrive together share one version query. It starts after every
  // read of its batch arrived (the batch closes when the query starts), so each still sees
  // every earlier commit.
  const batches = new Map<number, Promise<PositionVersion | null>>();
  const currentVersion = (sa: number) => {
    let batch = batches.get(sa);
    if (!batch) {
      batch = detached(() =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          batches.delete(sa);
          return readVersion(handle, sa);
        }),
      );
      batches.set(sa, batch);
    }
    return batch;
  };
  // The same batching for stamps by domain (one indexed row: the account and its version).
  const stampBatches = new Map<string, Promise<PositionStamp | undefined>>();
  const stampOf = (domain: string) => {
    let batch = stampBatches.get(domain);
    if (!batch) {
      batch = detached(() =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
          stampBatches.delete(domain);
          const [row] = await handle.rows<{
            id: number;
            version: string | null;
            as_of: string | null;
          }>(
            sql`select sa.id, pv.version::text as version, pv.as_of::text as as_of
                from smart_accounts sa
                left join position_versions pv on pv.smart_account_id = sa.id
                where sa.domain = ${domain}`,
          );
          if (!row) return undefined;
          const kept = row.version === null ? null : { version: row.version, asOf: row.as_of };
          return { smartAccountId: Number(row.id), version: kept?.version ?? 'none', kept };
        }),
      );
      stampBatches.set(domain, batch);
    }
    return batch;
  };
  const remember = (key: string, version: string, snapshot: Promise<CachedPosition>) => {
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
    /**
     * The position of `scope`, current as of the account's version `seen` when given (read after
     * the request arrived: its stamp), else as of a version read now.
     */
    async get(scope: CacheScope, seen?: PositionStamp): Promise<CachedPosition> {
      const sa = scope.smartAccountId;
      let version = seen?.smartAccountId === sa ? seen.kept : await currentVersion(sa);
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
      const known = version ?? null;
      // The whole account at an earlier version of the kept rows: patched, not reloaded.
      const previous = known?.asOf === scope.asOf && key === whole ? entries.get(whole) : undefined;
      const snapshot = detached(async () => {
        const old = previous ? await previous.snapshot.catch(() => undefined) : undefined;
        return old?.names !== undefined && previous && known
          ? patchSnapshot(handle, scope, old, previous.version, known)
          : loadSnapshot(handle, scope, known);
      });
      remember(key, tag, snapshot);
      return snapshot;
    },
    /**
     * The Smart Account of `domain` and its position version, read after every commit that
     * came before the call (reads arriving together share one query); undefined when no such
     * account. A response built from the account's position after this call is current for it.
     */
    stamp: stampOf,
  };
}

export type PositionCache = ReturnType<typeof positionCache>;
