import { DomainError } from '../domain/index.js';

/** Largest page a client may ask for (BI pulls use big pages; UIs use small ones). */
export const MAX_PAGE_SIZE = 5000;
export const DEFAULT_PAGE_SIZE = 100;

export interface PageRequest {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

export interface Page<T> {
  readonly items: readonly { readonly cursor: string; readonly node: T }[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** Validates `first` (1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE). */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new DomainError('INVALID_PAGE_SIZE', `first must be between 0 and ${MAX_PAGE_SIZE}`, {
      first,
    });
  }
  return first;
}

/** An opaque keyset cursor: base64url of the JSON sort key of the last row seen. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` with `arity` parts of the given kinds, or throws INVALID_CURSOR. */
export function decodeCursor<K extends readonly ('string' | 'number')[]>(
  cursor: string,
  kinds: K,
): { [I in keyof K]: K[I] extends 'string' ? string : number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === kinds.length &&
    parsed.every((part, i) => typeof part === kinds[i]);
  if (!valid)
    throw new DomainError('INVALID_CURSOR', 'the cursor is not one this API issued', { cursor });
  return parsed as never;
}

/** Builds a page from `size + 1` fetched rows (the extra row only says whether more exist). */
export function toPage<T>(
  rows: readonly T[],
  size: number,
  options: {
    totalCount: number;
    hasPrevious: boolean;
    keyOf: (row: T) => readonly (string | number)[];
  },
): Page<T> {
  // Cursors are encoded when read: a BI page of 5,000 rows asks for the end cursor only.
  const items = rows.slice(0, size).map((node) => ({
    node,
    get cursor() {
      return encodeCursor(options.keyOf(node));
    },
  }));
  return {
    items,
    totalCount: options.totalCount,
    hasNextPage: rows.length > size,
    hasPreviousPage: options.hasPrevious,
    startCursor: items[0]?.cursor ?? null,
    endCursor: items.at(-1)?.cursor ?? null,
  };
}
