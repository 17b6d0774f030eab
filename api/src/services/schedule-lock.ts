import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

/** First key of the scheduled-job locks (`pg_try_advisory_xact_lock(int, int)`). */
export const SCHEDULE_LOCK_CLASS = 73_402;

/** Second keys: one per scheduled job. */
export const SCHEDULED_JOBS = { snapshots: 1, exports: 2 } as const;

/**
 * Runs `work` in at most one process at a time for a scheduled job, across every `serve`
 * replica on one PostgreSQL: the first to take the job's transaction-scoped advisory lock runs
 * it, the others return `undefined` at once (they would do the same work, and the work is
 * idempotent per day anyway). The lock is held by an open transaction until `work` ends, and
 * released if the process dies.
 */
export async function runOncePerSchedule<T>(
  handle: DbHandle,
  job: keyof typeof SCHEDULED_JOBS,
  work: () => Promise<T>,
): Promise<T | undefined> {
  // Embedded PGlite belongs to one process (and has one connection, which the lock's open
  // transaction would hold while `work` waits for it): there is no other replica.
  if (handle.kind === 'pglite') return work();
  return handle.db.transaction(async (tx) => {
    const [row] = await handle.rows<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${SCHEDULE_LOCK_CLASS}, ${SCHEDULED_JOBS[job]}) as locked`,
      tx,
    );
    if (!row?.locked) return undefined;
    return work();
  });
}
