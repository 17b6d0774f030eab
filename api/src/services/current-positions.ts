import { eq, sql, type SQL } from 'drizzle-orm';

import { positionVersions, type Db, type DbHandle } from '@trueup/db';

import type { IsoDate } from '../domain/index.js';

import { lockLedgerOf } from './ledger-lock.js';
import { positionSumsQuery, vaFilter, type PositionSumsScope } from './position-sums.sql.js';

/** A Smart Account's position version and the date its kept rows hold (null: none yet). */
export interface PositionVersion {
  readonly version: string;
  readonly asOf: IsoDate | null;
}

const idList = (ids: readonly number[]) => sql`any(${sql.param([...ids])}::int[])`;

/**
 * Brings the kept position (`current_positions`) of one Smart Account up to date after a ledger
 * write and bumps the account's version. Every ledger writer (imports, scenario applies,
 * reservation changes, PAK conversions) calls it once, inside its transaction and holding the
 * ledger lock, just before commit, with the Virtual Accounts it touched (all when absent). The
 * rows are recomputed for the date they are kept for (`position_versions.as_of`); the whole
 * account is when that date is unknown. A first read of a later date rolls the rows forward
 * (`ensureCurrentPositions`).
 */
export async function refreshCurrentPositions(
  tx: Db,
  scope: { readonly smartAccountId: number; readonly virtualAccountIds?: readonly number[] },
): Promise<void> {
  const sa = scope.smartAccountId;
  const [row] = await tx
    .select({ asOf: positionVersions.asOf })
    .from(positionVersions)
    .where(eq(positionVersions.smartAccountId, sa))
    .for('update');
  const keptFor = row?.asOf ?? null;
  if (keptFor !== null) {
    await recompute(tx, { smartAccountId: sa, asOf: keptFor, ...vaScope(scope) });
  }
  await recordChange(
    tx,
    sa,
    scope.virtualAccountIds ? [...new Set(scope.virtualAccountIds)] : null,
    sql`insert into position_versions (smart_account_id, version, as_of) values (${sa}, 1, null)
        on conflict (smart_account_id) do update set version = position_versions.version + 1
        returning version`,
  );
}

/** Versions of `position_changes` kept per account (older caches reload everything). */
const CHANGES_KEPT = 64;

/**
 * Bumps the account's version with `bump` (an upsert of `position_versions` returning the new
 * version) and records which Virtual Accounts that version changed (null: any).
 */
async function recordChange(
  tx: Db,
  sa: number,
  virtualAccountIds: readonly number[] | null,
  bump: SQL,
): Promise<void> {
  const ids =
    virtualAccountIds === null ? sql`null` : sql`${sql.param([...virtualAccountIds])}::int[]`;
  await tx.execute(sql`
    with bumped as (${bump}),
    pruned as (
      delete from position_changes
      where smart_account_id = ${sa} and version <= (select version from bumped) - ${CHANGES_KEPT})
    insert into position_changes (smart_account_id, version, virtual_account_ids)
    select ${sa}, version, ${ids} from bumped`);
}

/**
 * The Virtual Accounts changed by the versions after `since` up to `until` (the union), or null
 * when any version may have changed any of them or is no longer recorded.
 */
export async function changedVirtualAccounts(
  handle: DbHandle,
  smartAccountId: number,
  since: string,
  until: string,
): Promise<number[] | null> {
  const rows = await handle.rows<{ version: string; ids: number[] | null }>(
    sql`select version::text as version, virtual_account_ids as ids from position_changes
        where smart_account_id = ${smartAccountId} and version > ${since}::bigint
          and version <= ${until}::bigint`,
  );
  if (BigInt(rows.length) !== BigInt(until) - BigInt(since)) return null;
  const ids = new Set<number>();
  for (const row of rows) {
    if (row.ids === null) return null;
    for (const id of row.ids) ids.add(Number(id));
  }
  return [...ids];
}

const vaScope = (scope: { readonly virtualAccountIds?: readonly number[] | undefined }) =>
  scope.virtualAccountIds ? { virtualAccountIds: [...new Set(scope.virtualAccountIds)] } : {};

/** Replaces the kept rows of the account (or of some of its Virtual Accounts) at `asOf`. */
async function recompute(
  tx: Db,
  scope: { smartAccountId: number; asOf: IsoDate; virtualAccountIds?: readonly number[] },
): Promise<void> {
  const sa = scope.smartAccountId;
  const only = scope.virtualAccountIds
    ? sql` and virtual_account_id = ${idList(scope.virtualAccountIds)}`
    : sql``;
  await tx.execute(sql`delete from current_positions where smart_account_id = ${sa}${only}`);
  await tx.execute(sql`
    insert into current_positions (smart_account_id, virtual_account_id, license_id, owned_smart,
      owned_classic, ledger_in_use, ledger_as_of, ledger_reserved, billing_type, device_consumed,
      device_reserved, device_reported_on, device_reserved_on)
    select ${sa}, s.virtual_account_id, s.license_id, s.owned_smart, s.owned_classic,
           s.ledger_in_use, s.ledger_as_of::date, s.ledger_reserved, s.billing_type,
           s.device_consumed, s.device_reserved, s.device_reported_on::date,
           s.device_reserved_on::date
    from (${positionSumsQuery(scope)}) s`);
}

/** The account's version and kept date (null before any write or read created them). */
export async function positionVersion(
  handle: DbHandle,
  smartAccountId: number,
): Promise<PositionVersion | null> {
  const [row] = await handle.rows<{ version: string; as_of: string | null }>(
    sql`select version::text as version, as_of::text as as_of from position_versions
        where smart_account_id = ${smartAccountId}`,
  );
  return row ? { version: row.version, asOf: row.as_of } : null;
}

/**
 * Makes the kept rows hold `today` (the service clock's date): when they hold another date (a lot
 * that starts or ends today changes the position without any write) or none, recomputes the whole
 * account under the ledger lock and bumps the version. Returns the version they hold today.
 */
export async function ensureCurrentPositions(
  handle: DbHandle,
  smartAccountId: number,
  today: IsoDate,
): Promise<PositionVersion> {
  const seen = await positionVersion(handle, smartAccountId);
  if (seen?.asOf === today) return seen;
  await handle.db.transaction(async (tx) => {
    await lockLedgerOf(tx, smartAccountId);
    const [row] = await tx
      .select({ asOf: positionVersions.asOf })
      .from(positionVersions)
      .where(eq(positionVersions.smartAccountId, smartAccountId));
    if (row?.asOf === today) return; // another reader rolled it forward meanwhile
    await recompute(tx, { smartAccountId, asOf: today });
    await recordChange(
      tx,
      smartAccountId,
      null,
      sql`insert into position_versions (smart_account_id, version, as_of) values (${smartAccountId}, 1, ${today}::date)
          on conflict (smart_account_id) do update
            set version = position_versions.version + 1, as_of = excluded.as_of
          returning version`,
    );
  });
  const now = await positionVersion(handle, smartAccountId);
  if (!now) throw new Error(`no position version for Smart Account #${smartAccountId}`);
  return now;
}

/**
 * The kept rows as `positionSumsQuery` returns them (same columns, same types), for use where
 * the aggregate would be: only valid for the date `position_versions.as_of` holds.
 */
export function keptSumsQuery(
  scope: Pick<PositionSumsScope, 'smartAccountId' | 'virtualAccountIds' | 'virtualAccountNames'>,
): SQL {
  const only = vaFilter('virtual_account_id', scope);
  return sql`
    select virtual_account_id, license_id, owned_smart, owned_classic, ledger_in_use,
           ledger_as_of::text as ledger_as_of, ledger_reserved, billing_type, device_consumed,
           device_reserved, device_reported_on::text as device_reported_on,
           device_reserved_on::text as device_reserved_on
    from current_positions where smart_account_id = ${scope.smartAccountId}${only}`;
}

/**
 * The position sums of a Smart Account (or some of its Virtual Accounts) at `asOf`, shaped like
 * `positionSumsQuery`'s rows, in one statement: the kept rows (`current_positions`, an indexed
 * read) when they hold `asOf`, else the aggregate. The choice and the read are one snapshot, so a
 * write committing meanwhile is wholly in or out. The one place a position read chooses between
 * the two; never writes (a date the kept rows do not hold is aggregated, not rolled forward).
 * With `known`, the account's version as the caller read it: when it says the kept rows hold
 * `asOf`, only they are read (the combined statement plans the aggregate too: ~10× the cost of
 * a small kept read).
 */
export function positionSumsAt(scope: PositionSumsScope, known?: PositionVersion | null): SQL {
  if (known?.asOf === scope.asOf) return keptSumsQuery(scope);
  const sa = scope.smartAccountId;
  return sql`
    with kept as (
      select 1 from position_versions where smart_account_id = ${sa} and as_of = ${scope.asOf}::date
    )
    select * from (${keptSumsQuery(scope)}) k where exists (select 1 from kept)
    union all
    select * from (${positionSumsQuery(scope)}) a where not exists (select 1 from kept)`;
}
