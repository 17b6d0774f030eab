import { sql } from 'drizzle-orm';

import type { DbHandle } from '../client/types.js';

/** The tables a demo estate fills, in load order. */
export const DEMO_TABLES = [
  'virtual_accounts',
  'satellites',
  'licenses',
  'price_book_entries',
  'product_instances',
  'usage_reports',
  'entitlement_lots',
  'reservations',
  'reservation_events',
] as const;

/** Rows per table that belong to one Smart Account. */
export async function countDemoRows(
  handle: DbHandle,
  smartAccountId: number,
): Promise<Record<string, number>> {
  const columns = sql.join(
    DEMO_TABLES.map(
      (table) =>
        sql`(select count(*)::int from ${sql.identifier(table)} where smart_account_id = ${smartAccountId}) as ${sql.identifier(table)}`,
    ),
    sql`, `,
  );
  const [row] = await handle.rows<Record<string, number>>(sql`select ${columns}`);
  return Object.fromEntries(DEMO_TABLES.map((table) => [table, Number(row?.[table] ?? 0)]));
}
