import { sql } from 'drizzle-orm';

import type { Db } from './types.js';

/** First key of the per-Smart-Account ledger lock (`pg_advisory_xact_lock(int, int)`). */
export const LEDGER_LOCK_CLASS = 73_401;

/**
 * Takes one Smart Account's ledger lock until `tx` ends. Every writer of the account's rows
 * (imports, scenario applies, reservation changes, PAK conversions, the kept position's daily
 * roll-forward, removing the account) takes it, whatever process starts them: a second waits,
 * then sees the first's rows. Keyed by domain, so an import that is about to create the account
 * takes the same lock.
 */
export async function lockLedger(tx: Db, domain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_CLASS}, hashtext(${domain}))`);
}
