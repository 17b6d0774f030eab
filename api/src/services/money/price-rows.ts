import { sql } from 'drizzle-orm';

import type { Db, DbHandle } from '@trueup/db';

import type { PriceEntry } from '../../domain/index.js';

/** A price book entry with the license it prices (what the edges list). */
export interface PriceBookEntryRecord extends PriceEntry {
  readonly id: number;
  readonly smartAccountId: number;
  readonly licenseName: string;
}

type Row = Record<string, unknown>;

/** The one row → domain mapper of the price book (bigint columns arrive as text). */
export const toPriceEntry = (row: Row): PriceBookEntryRecord => ({
  id: Number(row.id),
  smartAccountId: Number(row.smart_account_id),
  licenseId: Number(row.license_id),
  licenseName: String(row.license_name),
  currency: String(row.currency),
  licenseType: (row.license_type ?? null) as 'TERM' | 'PERPETUAL' | null,
  listPriceMinor: BigInt(String(row.list_price_minor)),
  discountBasisPoints: Number(row.discount_basis_points),
  supportRateBasisPoints: Number(row.support_rate_basis_points),
  eaSuite: row.ea_suite === null ? null : String(row.ea_suite),
  inEnterpriseAgreement: Boolean(row.in_enterprise_agreement),
  eaUnitPriceMinor:
    row.ea_unit_price_minor === null ? null : BigInt(String(row.ea_unit_price_minor)),
  validFrom: String(row.valid_from),
});

const COLUMNS = sql`p.id, p.smart_account_id, p.license_id, l.name as license_name, p.currency,
  p.license_type, p.list_price_minor::text as list_price_minor, p.discount_basis_points,
  p.support_rate_basis_points, p.ea_suite, p.in_enterprise_agreement,
  p.ea_unit_price_minor::text as ea_unit_price_minor, p.valid_from::text as valid_from`;

/**
 * Price book entries of some Smart Accounts (or of some licenses), sorted by license name,
 * currency, valid-from. With `asOf`, only the entry in force per license and currency.
 */
export async function priceRows(
  handle: DbHandle,
  filter: {
    smartAccountIds?: readonly number[];
    licenseIds?: readonly number[];
    ids?: readonly number[];
    asOf?: string | undefined;
  },
  executor?: Db,
): Promise<PriceBookEntryRecord[]> {
  const where = sql.join(
    [
      filter.smartAccountIds
        ? sql`p.smart_account_id = any(${sql.param([...filter.smartAccountIds])}::int[])`
        : sql`true`,
      filter.licenseIds
        ? sql`p.license_id = any(${sql.param([...filter.licenseIds])}::int[])`
        : sql`true`,
      filter.ids ? sql`p.id = any(${sql.param([...filter.ids])}::int[])` : sql`true`,
      filter.asOf ? sql`p.valid_from <= ${filter.asOf}::date` : sql`true`,
    ],
    sql` and `,
  );
  const query = filter.asOf
    ? sql`select * from (
        select distinct on (p.license_id, p.currency) ${COLUMNS}
        from price_book_entries p join licenses l on l.id = p.license_id
        where ${where}
        order by p.license_id, p.currency, p.valid_from desc) x
      order by license_name collate "C", currency, valid_from`
    : sql`select ${COLUMNS} from price_book_entries p join licenses l on l.id = p.license_id
        where ${where} order by l.name collate "C", p.currency, p.valid_from`;
  return (await handle.rows<Row>(query, executor)).map(toPriceEntry);
}
