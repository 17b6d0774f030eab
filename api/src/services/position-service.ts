import { sql, type SQL } from 'drizzle-orm';

import type { Db, DbHandle } from '@trueup/db';

import {
  licensePositions,
  positionLine,
  type IsoDate,
  type LicensePosition,
  type PositionLine,
} from '../domain/index.js';

import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from './pagination.js';
import { positionSumsQuery } from './position-sums.sql.js';
import { toPositionSums, type PositionSumsRow } from './row-mappers.js';

export interface PositionQuery {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly includeClassic: boolean;
}

export interface PositionRowFilter {
  readonly virtualAccountNames?: readonly string[] | undefined;
  readonly licenseNames?: readonly string[] | undefined;
  readonly productFamilies?: readonly string[] | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly businessUnits?: readonly string[] | undefined;
  /** Only lines short of entitlement (true) or only lines not short (false). */
  readonly hasShortfall?: boolean | undefined;
  readonly hasSurplus?: boolean | undefined;
}

/** A position line with the names it is sorted and filtered by. */
export interface NamedPositionLine extends PositionLine {
  readonly virtualAccountName: string;
  readonly licenseName: string;
}

/**
 * Per Virtual Account × license lines of one Smart Account (optionally some Virtual Accounts).
 * `executor` runs the query inside a caller's transaction.
 */
export async function positionLines(
  handle: DbHandle,
  query: PositionQuery & { virtualAccountIds?: readonly number[] },
  executor?: Db,
): Promise<PositionLine[]> {
  const rows = await handle.rows<PositionSumsRow>(
    sql`${positionSumsQuery(query)} order by 1, 2`,
    executor,
  );
  return rows.map((row) => positionLine(toPositionSums(row), query));
}

/** One position per license across the Smart Account (gross vs net shortfall). */
export async function accountPosition(
  handle: DbHandle,
  query: PositionQuery,
): Promise<LicensePosition[]> {
  return licensePositions(await positionLines(handle, query));
}

function inList(column: string, values: readonly string[] | undefined): SQL {
  if (!values) return sql``;
  return sql` and ${sql.raw(column)} = any(${sql.param([...values])}::text[])`;
}

/**
 * A page of position lines for BI pulls, sorted by Virtual Account then license name, with
 * keyset cursors. Filtering and paging happen in SQL so a page costs one aggregation and
 * returns only its rows.
 */
export async function positionPage(
  handle: DbHandle,
  query: PositionQuery & { filter?: PositionRowFilter | undefined; page: PageRequest },
): Promise<Page<NamedPositionLine>> {
  const size = pageSize(query.page.first);
  const after = query.page.after
    ? decodeCursor(query.page.after, ['string', 'string'] as const)
    : null;
  const filter = query.filter ?? {};
  // The same rule as domain positionLine (owned = smart + classic when unified), needed here so
  // shortfall/surplus filters page in SQL; the service tests check it against the domain.
  const owned = query.includeClassic ? sql`(s.owned_smart + s.owned_classic)` : sql`s.owned_smart`;
  const conditions = sql.join(
    [
      inList('va.name', filter.virtualAccountNames),
      inList('l.name', filter.licenseNames),
      inList('l.product_family', filter.productFamilies),
      inList('va.region', filter.regions),
      inList('va.business_unit', filter.businessUnits),
      filter.hasShortfall === undefined
        ? sql``
        : sql` and (s.consumed > ${owned}) = ${filter.hasShortfall}`,
      filter.hasSurplus === undefined
        ? sql``
        : sql` and (${owned} > s.consumed) = ${filter.hasSurplus}`,
    ],
    sql``,
  );
  const rows = await handle.rows<
    PositionSumsRow & { va_name: string; license_name: string; total: number }
  >(sql`
    with s as (${positionSumsQuery(query)}),
    filtered as (
      -- Byte order (collate "C"): the same on every server and locale, so cursors are stable.
      select s.*, va.name collate "C" as va_name, l.name collate "C" as license_name
      from s
      join virtual_accounts va on va.id = s.virtual_account_id and va.smart_account_id = ${query.smartAccountId}
      join licenses l on l.id = s.license_id and l.smart_account_id = ${query.smartAccountId}
      where true ${conditions}
    )
    select t.total, f.*
    from (select count(*)::int as total from filtered) t
    left join lateral (
      select * from filtered
      where ${after ? sql`(va_name, license_name) > (${after[0]}, ${after[1]})` : sql`true`}
      order by va_name, license_name
      limit ${size + 1}
    ) f on true
    order by f.va_name, f.license_name`);
  // The count row comes back even when the page is empty (all columns of f null).
  const totalCount = rows[0]?.total ?? 0;
  const pageRows = rows.filter((row) => row.va_name !== null);
  const lines = pageRows.map((row) => ({
    ...positionLine(toPositionSums(row), query),
    virtualAccountName: row.va_name,
    licenseName: row.license_name,
  }));
  return toPage(lines, size, {
    totalCount,
    hasPrevious: after !== null,
    keyOf: (line) => [line.virtualAccountName, line.licenseName],
  });
}
