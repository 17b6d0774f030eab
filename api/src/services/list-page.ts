import { DomainError } from '../domain/index.js';

import { decodeCursor, pageSize, toPage, type Page } from './pagination.js';

/**
 * A forward-only page (first/after) over a list already in memory, in the list's order; the
 * cursor is the row's id, so a cursor of a row that has since gone is refused (INVALID_CURSOR).
 */
export function pageOfList<T extends { id: number }>(
  rows: readonly T[],
  request: { first?: number | null; after?: string | null },
): Page<T> {
  const size = pageSize(request.first);
  let start = 0;
  if (request.after) {
    const [id] = decodeCursor(request.after, ['number'] as const);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) {
      throw new DomainError('INVALID_CURSOR', 'the cursor names a row that no longer exists', {
        cursor: request.after,
      });
    }
    start = index + 1;
  }
  return toPage(rows.slice(start, start + size + 1), size, {
    totalCount: rows.length,
    hasPrevious: start > 0,
    keyOf: (row) => [row.id],
  });
}
