import { sql } from 'drizzle-orm';

import type { CopyRow, DbHandle } from '../client/types.js';
import { smartAccounts } from '../schema/index.js';

import * as accountRows from './large-account-rows.js';
import { LARGE_SCALE, type LargeIds, type LargeScale } from './large-estate.js';
import { LOT_COLUMNS, lotRows } from './large-lots.js';
import { planLargeEstate } from './large-plan.js';
import { INSTANCE_COLUMNS, USAGE_COLUMNS, instanceRows, usageRows } from './large-rows.js';
import { removeSmartAccount } from './remove-account.js';

/** Options of {@link seedLarge}; `scale` defaults to the full preset. */
export interface SeedLargeOptions {
  readonly domain: string;
  readonly name: string;
  readonly referenceDate: string;
  readonly seed: number;
  readonly scale?: LargeScale;
}

/** Concurrent COPY streams per big table on PostgreSQL (the machine floor is 2 cores). */
const PARALLEL_STREAMS = 2;

/** PGlite's `copyInto` holds a whole load in memory; feed it this many rows at a time. */
const PGLITE_BATCH_ROWS = 100_000;

/**
 * Reserves `count` ids of `table`'s identity sequence and returns the first. The sequence is
 * moved past the block (and past max(id)) before any row is written, so later ordinary inserts
 * never collide with the ids COPY writes explicitly. The table lock keeps a concurrent insert
 * from drawing an id between reading the sequence and moving it.
 */
async function reserveIds(handle: DbHandle, table: string, count: number): Promise<number> {
  const size = Math.max(count, 1);
  const last = await handle.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${sql.identifier(table)} in exclusive mode`);
    const [row] = await handle.rows<{ last: string }>(
      sql`
        select setval(pg_get_serial_sequence(${table}, 'id'), greatest(
          coalesce((select max(id) from ${sql.identifier(table)}), 0),
          coalesce(pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass), 0)
        ) + ${size})::text as last`,
      tx,
    );
    return row?.last;
  });
  if (last === undefined) throw new Error(`could not reserve ids in ${table}`);
  return Number(last) - size + 1;
}

async function copyAll(
  handle: DbHandle,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyRow>,
): Promise<number> {
  if (handle.kind === 'postgres') return handle.copyInto(table, columns, rows);
  const iterator = rows[Symbol.iterator]();
  let total = 0;
  let next = iterator.next();
  while (!next.done) {
    const first = next.value;
    const batch = function* (): Generator<CopyRow> {
      yield first;
      for (let i = 1; i < PGLITE_BATCH_ROWS; i++) {
        next = iterator.next();
        if (next.done) return;
        yield next.value;
      }
      next = iterator.next();
    };
    total += await handle.copyInto(table, columns, batch());
  }
  return total;
}

/**
 * Runs the loads concurrently on PostgreSQL, one after another on PGlite (one connection), and
 * waits for all of them before reporting the first failure, so that no COPY is still running
 * when the caller cleans up.
 */
async function settleAll(
  handle: DbHandle,
  loads: readonly (() => Promise<number>)[],
): Promise<void> {
  if (handle.kind !== 'postgres') {
    for (const load of loads) await load();
    return;
  }
  const results = await Promise.allSettled(loads.map((load) => load()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Seeds the large demo estate with COPY, table by table (no single transaction: COPY runs on
 * its own connection under postgres.js). If anything fails after the Smart Account exists, the
 * account and all its rows are deleted before the error is rethrown, so a failed seed leaves
 * nothing behind. Returns the account id, or null when the domain already existed.
 */
export async function seedLarge(
  handle: DbHandle,
  options: SeedLargeOptions,
): Promise<number | null> {
  const plan = planLargeEstate(options.referenceDate, options.seed, options.scale ?? LARGE_SCALE);
  const [account] = await handle.db
    .insert(smartAccounts)
    .values({ domain: options.domain, name: options.name })
    .onConflictDoNothing({ target: smartAccounts.domain })
    .returning({ id: smartAccounts.id });
  if (!account) return null;
  try {
    const ids: LargeIds = {
      smartAccount: account.id,
      virtualAccount: await reserveIds(handle, 'virtual_accounts', plan.virtualAccounts.length),
      satellite: await reserveIds(handle, 'satellites', plan.satellites.length),
      license: await reserveIds(handle, 'licenses', plan.licenses.length),
      instance: await reserveIds(handle, 'product_instances', plan.scale.productInstances),
      reservation: await reserveIds(handle, 'reservations', plan.reservations.length),
    };
    const a = accountRows;
    await copyAll(
      handle,
      'virtual_accounts',
      a.VIRTUAL_ACCOUNT_COLUMNS,
      a.virtualAccountRows(plan, ids),
    );
    await copyAll(handle, 'satellites', a.SATELLITE_COLUMNS, a.satelliteRows(plan, ids));
    await copyAll(handle, 'licenses', a.LICENSE_COLUMNS, a.licenseRows(plan, ids));
    await copyAll(handle, 'price_book_entries', a.PRICE_COLUMNS, a.priceRows(plan, ids));
    // Foreign-key checks, not parsing, take most of COPY's time here (four per usage row), so
    // PostgreSQL gets parallel streams on separate connections. Lots need only VAs and licenses.
    const parts = handle.kind === 'postgres' ? PARALLEL_STREAMS : 1;
    const slices = Array.from({ length: parts }, (_, part) => part);
    await settleAll(handle, [
      ...slices.map(
        (part) => () =>
          copyAll(
            handle,
            'product_instances',
            INSTANCE_COLUMNS,
            instanceRows(plan, ids, part, parts),
          ),
      ),
      () => copyAll(handle, 'entitlement_lots', LOT_COLUMNS, lotRows(plan, ids)),
    ]);
    await settleAll(handle, [
      ...slices.map(
        (part) => () =>
          copyAll(handle, 'usage_reports', USAGE_COLUMNS, usageRows(plan, ids, part, parts)),
      ),
      async () => {
        await copyAll(handle, 'reservations', a.RESERVATION_COLUMNS, a.reservationRows(plan, ids));
        return copyAll(
          handle,
          'reservation_events',
          a.RESERVATION_EVENT_COLUMNS,
          a.reservationEventRows(plan, ids),
        );
      },
    ]);
    // Fresh statistics, so the first position query after seeding gets a sensible plan.
    await handle.db.execute(sql`analyze product_instances, usage_reports, entitlement_lots`);
  } catch (error) {
    try {
      await removeSmartAccount(handle, account.id);
    } catch (cleanupError) {
      throw new AggregateError(
        [error, cleanupError],
        `seeding ${options.domain} failed, and so did removing its partly loaded Smart Account`,
      );
    }
    throw error;
  }
  return account.id;
}
