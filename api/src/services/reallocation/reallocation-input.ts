import { sql } from 'drizzle-orm';

import type { Db, DbHandle } from '@trueup/db';

import type {
  IsoDate,
  ReallocationInput,
  ReallocationLot,
  ReallocationVirtualAccount,
} from '../../domain/index.js';
import { positionLinesAt } from '../position-lines-at.js';
import { positionLines } from '../position-service.js';
import { lotActiveAt } from '../position-sums.sql.js';

/** Net true-up price per unit of each priced license at a date (from the price book). */
export type UnitPriceSource = (
  smartAccountId: number,
  asOf: IsoDate,
  executor?: Db,
) => Promise<ReallocationInput['unitPrices']>;

interface LotRow extends Record<string, unknown> {
  id: number | string;
  virtual_account_id: number | string;
  license_id: number | string;
  license_type: 'TERM' | 'PERPETUAL';
  source: 'SMART' | 'CLASSIC_PAK';
  quantity: number | string;
  start_date: string | null;
  end_date: string | null;
}

interface VirtualAccountRow extends Record<string, unknown> {
  id: number | string;
  name: string;
  smart_account_id: number | string;
  business_unit: string | null;
  region: string | null;
  environment: ReallocationVirtualAccount['environment'];
}

/**
 * Everything the reallocation rules need for one Smart Account at one date, read in three
 * queries: its Virtual Accounts with their policy tags, the unified position (`positionLinesAt`:
 * the kept rows or the aggregate) and the lots active at the date (the same activity rule as the position query). `executor`
 * reads inside a caller's transaction (scenario apply re-validates against live data).
 */
export async function loadReallocationInput(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; unitPrices: UnitPriceSource },
  executor?: Db,
): Promise<ReallocationInput> {
  const { smartAccountId, asOf } = query;
  const [virtualAccounts, licenseRows, lines, lots, unitPrices] = await Promise.all([
    handle.rows<VirtualAccountRow>(
      sql`select id, name, smart_account_id, business_unit, region, environment
          from virtual_accounts where smart_account_id = ${smartAccountId} order by id`,
      executor,
    ),
    handle.rows<{ id: number | string }>(
      sql`select id from licenses where smart_account_id = ${smartAccountId} order by id`,
      executor,
    ),
    // Outside a transaction, the kept rows when they hold the date (an indexed read); inside one
    // (scenario apply re-validating), the aggregate sees the transaction's own writes.
    executor
      ? positionLines(handle, { smartAccountId, asOf, includeClassic: true }, executor)
      : positionLinesAt(handle, { smartAccountId, asOf, includeClassic: true }),
    handle.rows<LotRow>(
      sql`select id, virtual_account_id, license_id, license_type, source, quantity,
                 start_date::text as start_date, end_date::text as end_date
          from entitlement_lots
          where smart_account_id = ${smartAccountId} and ${lotActiveAt(asOf)}
          order by id`,
      executor,
    ),
    query.unitPrices(smartAccountId, asOf, executor),
  ]);
  return {
    smartAccountId,
    asOf,
    virtualAccounts: virtualAccounts.map((row): ReallocationVirtualAccount => ({
      id: Number(row.id),
      name: row.name,
      smartAccountId: Number(row.smart_account_id),
      businessUnit: row.business_unit,
      region: row.region,
      environment: row.environment,
    })),
    lines,
    lots: lots.map((row): ReallocationLot => ({
      lotId: Number(row.id),
      virtualAccountId: Number(row.virtual_account_id),
      licenseId: Number(row.license_id),
      licenseType: row.license_type,
      source: row.source,
      quantity: Number(row.quantity),
      startDate: row.start_date,
      endDate: row.end_date,
    })),
    unitPrices,
    licenseIds: licenseRows.map((row) => Number(row.id)),
  };
}
