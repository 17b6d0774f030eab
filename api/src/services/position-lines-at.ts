import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import { positionLine, type PositionLine } from '../domain/index.js';

import { keptSumsQuery } from './current-positions.js';
import type { PositionQuery } from './position-service.js';
import { positionSumsQuery } from './position-sums.sql.js';
import { toPositionSums, type PositionSumsRow } from './row-mappers.js';

/**
 * Every Virtual Account × license line of a Smart Account at `asOf`, ordered by Virtual Account
 * then license id, in one statement: the rows the writers keep (`current_positions`, an indexed
 * read) when they hold `asOf`, else the aggregate (`positionSumsQuery`). The kept rows equal the
 * aggregate at their date (the property test of `current-positions`); the choice and the read
 * are one snapshot, so a write committing meanwhile is wholly in or out. Never writes (a date
 * the kept rows do not hold is aggregated, not rolled forward).
 */
export async function positionLinesAt(
  handle: DbHandle,
  query: PositionQuery,
): Promise<PositionLine[]> {
  const sa = query.smartAccountId;
  const rows = await handle.rows<PositionSumsRow>(sql`
    with kept as (
      select 1 from position_versions where smart_account_id = ${sa} and as_of = ${query.asOf}::date
    )
    select * from (${keptSumsQuery({ smartAccountId: sa })}) k where exists (select 1 from kept)
    union all
    select * from (${positionSumsQuery(query)}) a where not exists (select 1 from kept)
    order by 1, 2`);
  return rows.map((row) => positionLine(toPositionSums(row), query));
}
