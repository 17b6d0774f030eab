import { createHash, randomUUID } from 'node:crypto';

import { DomainError, type IsoDate, type Money } from '../domain/index.js';

import { pageSize, type Page, type PageRequest } from './pagination.js';
import type { PositionCache, CachedPositionRow } from './position-cache.js';
import { toPositionRow, type PositionRowRecord } from './position-row.js';
import {
  compareCodePoints,
  toNamedLine,
  type NamedPositionLine,
  type PositionQuery,
  type PositionRowFilter,
} from './position-service.js';

/** What `positionRows` and the positions export may sort by (then always by Virtual Account, license). */
export const POSITION_ROW_SORT_KEYS = [
  'VIRTUAL_ACCOUNT_NAME',
  'LICENSE_NAME',
  'PRODUCT_FAMILY',
  'REGION',
  'BUSINESS_UNIT',
  'OWNED',
  'CONSUMED',
  'BALANCE',
  'SHORTFALL',
  'SURPLUS',
] as const;
export type PositionRowSortKey = (typeof POSITION_ROW_SORT_KEYS)[number];
export type SortDirection = 'ASC' | 'DESC';

export interface PositionRowOrder {
  readonly field: PositionRowSortKey;
  readonly direction: SortDirection;
}

/** Virtual Account then license name, ascending (byte order): the order the snapshot holds. */
export const DEFAULT_POSITION_ROW_ORDER: PositionRowOrder = {
  field: 'VIRTUAL_ACCOUNT_NAME',
  direction: 'ASC',
};

type SortValue = string | number | null;

const SORT_VALUE: Record<PositionRowSortKey, (line: NamedPositionLine) => SortValue> = {
  VIRTUAL_ACCOUNT_NAME: (line) => line.virtualAccountName,
  LICENSE_NAME: (line) => line.licenseName,
  PRODUCT_FAMILY: (line) => line.productFamily,
  REGION: (line) => line.region,
  BUSINESS_UNIT: (line) => line.businessUnit,
  OWNED: (line) => line.owned,
  CONSUMED: (line) => line.consumed,
  BALANCE: (line) => line.balance,
  SHORTFALL: (line) => line.shortfall,
  SURPLUS: (line) => line.surplus,
};

/** Sort key of a line: the chosen value, then Virtual Account and license name (unique per row). */
type SortKey = readonly [SortValue, string, string];

/** Nulls after every value (ascending), as PostgreSQL orders them; text in byte order. */
function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

const compareKeys = (a: SortKey, b: SortKey) =>
  compareValues(a[0], b[0]) || compareCodePoints(a[1], b[1]) || compareCodePoints(a[2], b[2]);

const orderTag = (order: PositionRowOrder) => `${order.field}:${order.direction}`;

/** An opaque cursor: base64url of [order, value, Virtual Account, license] of the last row seen. */
function encodeRowCursor(order: PositionRowOrder, key: SortKey): string {
  return Buffer.from(JSON.stringify([orderTag(order), ...key]), 'utf8').toString('base64url');
}

/** The sort key a cursor holds, or INVALID_CURSOR (also when it was issued for another order). */
function decodeRowCursor(cursor: string, order: PositionRowOrder): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 4 &&
    typeof parsed[0] === 'string' &&
    (parsed[1] === null || ['string', 'number'].includes(typeof parsed[1])) &&
    typeof parsed[2] === 'string' &&
    typeof parsed[3] === 'string';
  if (!valid)
    throw new DomainError('INVALID_CURSOR', 'the cursor is not one this API issued', { cursor });
  const [tag, value, virtualAccountName, licenseName] = parsed as [
    string,
    SortValue,
    string,
    string,
  ];
  if (tag !== orderTag(order)) {
    throw new DomainError(
      'INVALID_CURSOR',
      `the cursor was issued for orderBy ${tag.replace(':', ' ')}, not ${orderTag(order).replace(':', ' ')}: ask again without after, or with the order it was issued for`,
      { cursor },
    );
  }
  return [value, virtualAccountName, licenseName];
}

/**
 * The snapshot's rows as lines in one order, remembered per snapshot (the rows array the
 * position cache keeps) as an index permutation: sorting a large account costs once per
 * database change, not once per page.
 */
const orders = new WeakMap<readonly CachedPositionRow[], Map<string, Uint32Array>>();

interface OrderedLines {
  readonly count: number;
  line(position: number): NamedPositionLine;
  keyOf(line: NamedPositionLine): SortKey;
}

function orderedLines(
  rows: readonly CachedPositionRow[],
  query: PositionQuery,
  order: PositionRowOrder,
): OrderedLines {
  const named = toNamedLine(query);
  const value = SORT_VALUE[order.field];
  const keyOf = (line: NamedPositionLine): SortKey => [
    value(line),
    line.virtualAccountName,
    line.licenseName,
  ];
  const descending = order.direction === 'DESC';
  let permutation: Uint32Array | undefined;
  if (order.field !== 'VIRTUAL_ACCOUNT_NAME') {
    // Lines depend on includeClassic (owned, balance…), so does an order by them.
    const tag = `${orderTag(order)}|${query.includeClassic}`;
    let known = orders.get(rows);
    if (!known) {
      known = new Map();
      orders.set(rows, known);
    }
    permutation = known.get(tag);
    if (!permutation) {
      const keys = rows.map((row) => keyOf(named(row)));
      const indices = Uint32Array.from(keys.keys());
      indices.sort((a, b) => compareKeys(keys[a] as SortKey, keys[b] as SortKey));
      known.set(tag, indices);
      permutation = indices;
    }
  }
  const count = rows.length;
  const indexAt = (position: number) => {
    const p = descending ? count - 1 - position : position;
    return permutation ? (permutation[p] as number) : p;
  };
  return {
    count,
    line: (position) => named(rows[indexAt(position)] as CachedPositionRow),
    keyOf,
  };
}

/**
 * A page item whose cursor is encoded only when read (a BI page of 5,000 rows selecting `nodes`
 * reads two: startCursor and endCursor), from the line's sort key.
 */
class RowItem {
  constructor(
    private readonly order: PositionRowOrder,
    private readonly key: SortKey,
    readonly node: PositionRowRecord,
  ) {}
  get cursor(): string {
    return encodeRowCursor(this.order, this.key);
  }
}

/** First position whose key comes after `key` in the order (binary search). */
function firstAfter(lines: OrderedLines, key: SortKey, descending: boolean): number {
  let low = 0;
  let high = lines.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = compareKeys(lines.keyOf(lines.line(mid)), key);
    if (descending ? c >= 0 : c <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

const inList = (values: readonly string[] | undefined) => {
  if (!values) return undefined;
  const set = new Set(values);
  return (value: string | null) => value !== null && set.has(value);
};

/** The filter as one predicate over lines; undefined when it keeps every line. */
function lineFilter(filter: PositionRowFilter): ((line: NamedPositionLine) => boolean) | undefined {
  const tests: [
    ((value: string | null) => boolean) | undefined,
    (l: NamedPositionLine) => string | null,
  ][] = [
    [inList(filter.virtualAccountNames), (l) => l.virtualAccountName],
    [inList(filter.licenseNames), (l) => l.licenseName],
    [inList(filter.productFamilies), (l) => l.productFamily],
    [inList(filter.regions), (l) => l.region],
    [inList(filter.businessUnits), (l) => l.businessUnit],
  ];
  const active = tests.flatMap(([test, field]) =>
    test ? [(line: NamedPositionLine) => test(field(line))] : [],
  );
  const { hasShortfall, hasSurplus } = filter;
  if (active.length === 0 && hasShortfall === undefined && hasSurplus === undefined)
    return undefined;
  return (line) =>
    active.every((test) => test(line)) &&
    (hasShortfall === undefined || line.shortfall > 0 === hasShortfall) &&
    (hasSurplus === undefined || line.surplus > 0 === hasSurplus);
}

export interface PositionRowsQuery extends PositionQuery {
  readonly filter?: PositionRowFilter | undefined;
  readonly orderBy?: PositionRowOrder | undefined;
}

/** A random id per cached snapshot (the rows array): it changes whenever the rows are reloaded. */
const snapshotIds = new WeakMap<readonly CachedPositionRow[], string>();
function snapshotId(rows: readonly CachedPositionRow[]): string {
  let id = snapshotIds.get(rows);
  if (!id) {
    id = randomUUID();
    snapshotIds.set(rows, id);
  }
  return id;
}

/** A digest of the unit prices the rows are priced with (the price book is not in the snapshot). */
function pricesDigest(prices: ReadonlyMap<number, Money>): string {
  const hash = createHash('sha1');
  for (const [licenseId, price] of [...prices].sort(([a], [b]) => a - b))
    hash.update(`${licenseId}:${price.amountMinor}:${price.currency};`);
  return hash.digest('base64url');
}

type UnitPrices = (smartAccountId: number, asOf: IsoDate) => Promise<ReadonlyMap<number, Money>>;

async function load(snapshots: PositionCache, prices: UnitPrices, query: PositionRowsQuery) {
  const [{ rows }, unitPrices] = await Promise.all([
    snapshots.get({
      smartAccountId: query.smartAccountId,
      asOf: query.asOf,
      virtualAccountNames: query.filter?.virtualAccountNames,
    }),
    prices(query.smartAccountId, query.asOf),
  ]);
  const order = query.orderBy ?? DEFAULT_POSITION_ROW_ORDER;
  return {
    order,
    version: `${snapshotId(rows)}.${pricesDigest(unitPrices)}`,
    lines: orderedLines(rows, query, order),
    keep: lineFilter(query.filter ?? {}),
    toRow: toPositionRow({ ...query, unitPrices }),
  };
}

/**
 * A page of flat position rows in `orderBy` (default Virtual Account then license name), with
 * keyset cursors valid for that order. The rows come from the position cache (`snapshots`, one
 * aggregation per database change); ordering, filters and paging run over it.
 */
export async function positionRowsPage(
  snapshots: PositionCache,
  prices: UnitPrices,
  query: PositionRowsQuery & { readonly page: PageRequest },
): Promise<Page<PositionRowRecord>> {
  const size = pageSize(query.page.first);
  const { order, lines, keep, toRow } = await load(snapshots, prices, query);
  const after = query.page.after ? decodeRowCursor(query.page.after, order) : null;
  const descending = order.direction === 'DESC';
  const picked: { line: NamedPositionLine; key: SortKey }[] = [];
  let totalCount = 0;
  if (!keep) {
    totalCount = lines.count;
    const start = after ? firstAfter(lines, after, descending) : 0;
    for (let p = start; p < lines.count && picked.length <= size; p++) {
      const line = lines.line(p);
      picked.push({ line, key: lines.keyOf(line) });
    }
  } else {
    for (let p = 0; p < lines.count; p++) {
      const line = lines.line(p);
      if (!keep(line)) continue;
      totalCount += 1;
      if (picked.length > size) continue;
      const key = lines.keyOf(line);
      const c = after ? compareKeys(key, after) : 1;
      if (descending ? c < 0 : c > 0) picked.push({ line, key });
    }
  }
  const items = picked.slice(0, size).map(({ line, key }) => new RowItem(order, key, toRow(line)));
  return {
    items,
    totalCount,
    hasNextPage: picked.length > size,
    hasPreviousPage: after !== null,
    startCursor: items[0]?.cursor ?? null,
    endCursor: items.at(-1)?.cursor ?? null,
  };
}

/**
 * Every flat row matching the filter, in `orderBy`, produced as they are read (the bulk
 * exports stream them): the same rows `positionRowsPage` pages through. `version` changes
 * whenever the rows or their prices may have (an ETag for the same query).
 */
export async function positionRowsAll(
  snapshots: PositionCache,
  prices: UnitPrices,
  query: PositionRowsQuery,
): Promise<{ readonly version: string; readonly rows: Iterable<PositionRowRecord> }> {
  const { lines, keep, toRow, version } = await load(snapshots, prices, query);
  return {
    version,
    rows: {
      *[Symbol.iterator]() {
        for (let p = 0; p < lines.count; p++) {
          const line = lines.line(p);
          if (!keep || keep(line)) yield toRow(line);
        }
      },
    },
  };
}
