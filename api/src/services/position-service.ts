import { sql } from 'drizzle-orm';

import type { Db, DbHandle } from '@trueup/db';

import {
  licensePositions,
  lineExposure,
  positionLine,
  type Money,
  type IsoDate,
  type LicensePosition,
  type PositionLine,
} from '../domain/index.js';

import type { PositionCache, CachedPositionRow } from './position-cache.js';
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

/** A position line with the names and tags it is sorted and filtered by. */
export interface NamedPositionLine extends PositionLine {
  readonly virtualAccountName: string;
  readonly licenseName: string;
  readonly productFamily: string | null;
  readonly region: string | null;
  readonly businessUnit: string | null;
  readonly environment: string;
  readonly unit: string;
  readonly kind: string;
}

/** A named line with its unit true-up price and exposure (shortfall × price, the domain's rule). */
export interface PricedPositionLine extends NamedPositionLine {
  readonly unitPrice: Money | null;
  readonly exposure: Money | null;
}

/**
 * Named lines already built, per snapshot row and `includeClassic` (the only option a line
 * depends on): snapshot rows are never changed once read (a write yields new rows, a patched
 * snapshot keeps the rows of untouched Virtual Accounts), so each line is built once per row
 * instead of once per page served. Lines are shared: callers must not change them.
 */
const builtLines = [
  new WeakMap<CachedPositionRow, NamedPositionLine>(),
  new WeakMap<CachedPositionRow, NamedPositionLine>(),
];

/** The one mapping of a snapshot row to a named line (the domain turns the sums into the line). */
export const toNamedLine = (query: PositionQuery) => {
  const built = builtLines[query.includeClassic ? 1 : 0] as WeakMap<
    CachedPositionRow,
    NamedPositionLine
  >;
  return (row: CachedPositionRow): NamedPositionLine => {
    let line = built.get(row);
    if (!line) {
      line = {
        ...positionLine(toPositionSums(row), query),
        virtualAccountName: row.va_name,
        licenseName: row.license_name,
        productFamily: row.product_family,
        region: row.region,
        businessUnit: row.business_unit,
        environment: row.environment,
        unit: row.unit,
        kind: row.kind,
      };
      built.set(row, line);
    }
    return line;
  };
};

/** The lines `namedPositionLines` reads: a Smart Account at a date, or some of its Virtual Accounts. */
export type NamedLinesQuery = PositionQuery & {
  virtualAccountNames?: readonly string[] | undefined;
};

/**
 * Every named line of a Smart Account (or of the named Virtual Accounts) at a date, priced, sorted
 * by Virtual Account then license name (byte order): the read every surface slices (GraphQL
 * pages and `VirtualAccount.position`, the CLI, the workbook export).
 */
export async function namedPositionLines(
  cache: PositionCache,
  prices: (smartAccountId: number, asOf: IsoDate) => Promise<ReadonlyMap<number, Money>>,
  query: NamedLinesQuery,
): Promise<PricedPositionLine[]> {
  const [{ rows }, unitPrices] = await Promise.all([
    cache.get(query),
    prices(query.smartAccountId, query.asOf),
  ]);
  const named = toNamedLine(query);
  return rows.map((row) => {
    const line = named(row);
    const unitPrice = unitPrices.get(line.licenseId);
    return {
      ...line,
      unitPrice: unitPrice ?? null,
      exposure: lineExposure(line.shortfall, unitPrice),
    };
  });
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

/**
 * The first date after `asOf` on which the Smart Account has any usage report (ledger or
 * device), or null: what to tell someone whose position has lines with no report yet.
 */
export async function firstUsageReportAfter(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate },
): Promise<IsoDate | null> {
  const [row] = await handle.rows<{ first: string | null }>(
    sql`select min(as_of)::text as first from usage_reports
        where smart_account_id = ${query.smartAccountId} and as_of > ${query.asOf}::date`,
  );
  return row?.first ?? null;
}

/** One position per license across the Smart Account (gross vs net shortfall). */
export async function accountPosition(
  handle: DbHandle,
  query: PositionQuery,
): Promise<LicensePosition[]> {
  return licensePositions(await positionLines(handle, query));
}

export { compareCodePoints } from './code-point-order.js';
