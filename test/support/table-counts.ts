import { sql } from 'drizzle-orm';

import type { DbHandle } from '../../db/src/index.js';

const TABLES = [
  'smart_accounts',
  'virtual_accounts',
  'licenses',
  'entitlement_lots',
  'product_instances',
  'usage_reports',
  'reservations',
  'reservation_events',
  'import_runs',
  'price_book_entries',
] as const;

/** Row counts of every table an import writes: equal before and after means nothing changed. */
export async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await handle.rows<{ n: number }>(
      sql.raw(`select count(*)::int as n from ${table}`),
    );
    out[table] = Number(row?.n);
  }
  return out;
}
