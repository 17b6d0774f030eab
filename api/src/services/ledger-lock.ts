import { eq } from 'drizzle-orm';

import { lockLedger, smartAccounts, type Db } from '@trueup/db';

// The lock itself lives in `db/` (removing an account takes it too); writers here use it.
export { LEDGER_LOCK_CLASS, lockLedger } from '@trueup/db';

/** `lockLedger` by Smart Account id (nothing to lock when there is no such account). */
export async function lockLedgerOf(tx: Db, smartAccountId: number): Promise<void> {
  const [account] = await tx
    .select({ domain: smartAccounts.domain })
    .from(smartAccounts)
    .where(eq(smartAccounts.id, smartAccountId));
  if (account) await lockLedger(tx, account.domain);
}
