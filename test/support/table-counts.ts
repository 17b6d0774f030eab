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
  'account_events',
  'satellites',
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

const LEDGER_TABLES = [
  ...TABLES,
  'scenarios',
  'scenario_moves',
  'scenario_events',
  'transfers',
  'snapshots',
  'snapshot_lines',
] as const;

/**
 * A checksum of every row of the ledger's tables (md5 over the rows' text in a fixed order):
 * equal before and after means no row was added, removed or changed.
 */
export async function ledgerChecksum(handle: DbHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of LEDGER_TABLES) {
    const [row] = await handle.rows<{ sum: string | null; n: number }>(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum, count(*)::int as n from ${table} t`,
      ),
    );
    out[table] = `${Number(row?.n)}:${row?.sum ?? ''}`;
  }
  return out;
}
