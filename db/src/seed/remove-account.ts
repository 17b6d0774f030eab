import { eq, sql } from 'drizzle-orm';

import { lockLedger } from '../client/ledger-lock.js';
import type { Db, DbHandle } from '../client/types.js';
import { smartAccounts } from '../schema/index.js';

/** Takes the account's ledger lock in `tx`; false when there is no such account. */
async function lockAccount(tx: Db, smartAccountId: number): Promise<boolean> {
  const [account] = await tx
    .select({ domain: smartAccounts.domain })
    .from(smartAccounts)
    .where(eq(smartAccounts.id, smartAccountId));
  if (account) await lockLedger(tx, account.domain);
  return account !== undefined;
}

/**
 * Deletes a Smart Account and every row that belongs to it.
 *
 * Why not just `delete from smart_accounts` (every table cascades from it): the referencing
 * columns other than `smart_account_id` (e.g. `usage_reports.product_instance_id`,
 * `product_instances.replaced_by_id`) have no index of their own, so each cascaded or checked
 * row scans its referencing table. At the large preset's size that is quadratic (hours). When
 * allowed to (superuser, always on PGlite), this skips the per-row triggers for one transaction
 * and deletes each table's rows of the account by `smart_account_id` instead; every row of the
 * account goes, and rows of other accounts never refer to them, so integrity holds. Otherwise it
 * falls back to the cascading delete, which is correct, only slow. Either way it holds the
 * account's ledger lock, like every other writer: an import or apply running meanwhile (in any
 * process) finishes first, and one started meanwhile waits and then finds no account.
 */
export async function removeSmartAccount(handle: DbHandle, smartAccountId: number): Promise<void> {
  try {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      if (!(await lockAccount(tx, smartAccountId))) return;
      const referencing = await handle.rows<{ schema: string; table: string; column: string }>(
        sql`
          select n.nspname as schema, t.relname as table, a.attname as column
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          join pg_namespace n on n.oid = t.relnamespace
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confrelid = 'smart_accounts'::regclass
          order by t.relname`,
        tx,
      );
      for (const { schema, table, column } of referencing) {
        await tx.execute(
          sql`delete from ${sql.identifier(schema)}.${sql.identifier(table)} where ${sql.identifier(column)} = ${smartAccountId}`,
        );
      }
      await tx.delete(smartAccounts).where(eq(smartAccounts.id, smartAccountId));
    });
  } catch {
    // Not allowed to set session_replication_role: the cascade is the only way left.
    await handle.db.transaction(async (tx) => {
      if (!(await lockAccount(tx, smartAccountId))) return;
      await tx.delete(smartAccounts).where(eq(smartAccounts.id, smartAccountId));
    });
  }
}
