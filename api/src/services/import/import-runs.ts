import { desc, eq } from 'drizzle-orm';

import { importRuns, type DbHandle } from '@trueup/db';

export type ImportRunRecord = typeof importRuns.$inferSelect;

/** What was imported into a Smart Account, newest first. */
export function importRunsOf(
  handle: DbHandle,
  smartAccountId: number,
  limit: number,
): Promise<ImportRunRecord[]> {
  return handle.db
    .select()
    .from(importRuns)
    .where(eq(importRuns.smartAccountId, smartAccountId))
    .orderBy(desc(importRuns.startedAt), desc(importRuns.id))
    .limit(limit);
}
