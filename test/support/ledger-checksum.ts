import { sql } from 'drizzle-orm';

import type { DbHandle } from '../../db/src/index.js';

/**
 * One digest of every row of every application table (md5 per table over its rows as text, in
 * a fixed order). Equal before and after means the database holds exactly what it held.
 */
export async function ledgerChecksum(handle: DbHandle): Promise<Record<string, string>> {
  const tables = await handle.rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await handle.rows<{ digest: string }>(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from "${name}" t`,
      ),
    );
    out[name] = String(row?.digest);
  }
  return out;
}
