import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import { compareCodePoints } from './code-point-order.js';

/** The columns a snapshot row is sorted and patched by. */
export interface PatchableRow {
  readonly virtual_account_id: number | string;
  readonly va_name: string;
  readonly license_name: string;
}

/**
 * One string naming every Virtual Account and license of the account with the names and tags a
 * snapshot row carries: rows of Virtual Accounts a write did not touch are reused only while it
 * is unchanged (a rename or a new tag elsewhere reloads everything).
 */
export async function namesFingerprint(handle: DbHandle, smartAccountId: number): Promise<string> {
  const [row] = await handle.rows<{ vas: string | null; licenses: string | null }>(sql`
    select
      (select md5(string_agg(format('%s|%L|%L|%L', id, name, region, business_unit), ',' order by id))
         from virtual_accounts where smart_account_id = ${smartAccountId}) as vas,
      (select md5(string_agg(format('%s|%L|%L', id, name, product_family), ',' order by id))
         from licenses where smart_account_id = ${smartAccountId}) as licenses`);
  return `${row?.vas ?? ''}/${row?.licenses ?? ''}`;
}

const compareRows = (a: PatchableRow, b: PatchableRow) =>
  compareCodePoints(a.va_name, b.va_name) || compareCodePoints(a.license_name, b.license_name);

/**
 * `rows` (sorted by Virtual Account then license name) with every row of the `changed` Virtual
 * Accounts replaced by `fresh` (their rows now, sorted the same way): a merge, linear in the rows.
 */
export function patchRows<R extends PatchableRow>(
  rows: readonly R[],
  changed: ReadonlySet<number>,
  fresh: readonly R[],
): R[] {
  const out: R[] = [];
  let j = 0;
  for (const row of rows) {
    if (changed.has(Number(row.virtual_account_id))) continue;
    while (j < fresh.length && compareRows(fresh[j] as R, row) < 0) out.push(fresh[j++] as R);
    out.push(row);
  }
  while (j < fresh.length) out.push(fresh[j++] as R);
  return out;
}
