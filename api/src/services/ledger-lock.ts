import { eq, sql } from 'drizzle-orm';

import { smartAccounts, type Db } from '@trueup/db';

/** First key of the per-Smart-Account ledger lock (`pg_advisory_xact_lock(int, int)`). */
export const LEDGER_LOCK_CLASS = 73_401;

/**
 * Writers of one Smart Account's ledger (imports, scenario applies, reservation changes, PAK
 * conversions, the kept position's daily roll-forward) run one at a time until commit, whatever
 * process starts them: a second waits, then sees the first's rows. Keyed by domain, so an import
 * that is about to create the account takes the same lock.
 */
export async function lockLedger(tx: Db, domain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_CLASS}, hashtext(${domain}))`);
}

/** `lockLedger` by Smart Account id (nothing to lock when there is no such account). */
export async function lockLedgerOf(tx: Db, smartAccountId: number): Promise<void> {
  const [account] = await tx
    .select({ domain: smartAccounts.domain })
    .from(smartAccounts)
    .where(eq(smartAccounts.id, smartAccountId));
  if (account) await lockLedger(tx, account.domain);
}
