import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import { positionLine, type PositionLine } from '../domain/index.js';

import { positionSumsAt } from './current-positions.js';
import type { PositionQuery } from './position-service.js';
import { toPositionSums, type PositionSumsRow } from './row-mappers.js';

/**
 * Every Virtual Account × license line of a Smart Account at `asOf`, ordered by Virtual Account
 * then license id: the position read (`positionSumsAt`, kept rows or the aggregate in one
 * statement) without names, for services that compute over ids (findings, the optimizer). Never
 * writes.
 */
export async function positionLinesAt(
  handle: DbHandle,
  query: PositionQuery,
): Promise<PositionLine[]> {
  const rows = await handle.rows<PositionSumsRow>(sql`${positionSumsAt(query)} order by 1, 2`);
  return rows.map((row) => positionLine(toPositionSums(row), query));
}
