import type { PositionSheetRow } from '../model/index.js';

import { execute, type Connection, type FetchLike } from './client.js';
import { AddinError } from './errors.js';
import {
  POSITION_ROWS,
  units,
  type PositionLineData,
  type PositionRowsData,
} from './operations.js';

// 2,500 lines × ~20 fields stays inside the API’s query cost limit (100,000).
const PAGE = 2500;

/** Every position line of a Smart Account as of a date, page by page (2,500 a request). */
export async function fetchPositionLines(
  connection: Connection,
  query: { smartAccount: string; asOf: string | null },
  onPage: (fetched: number, total: number) => void = () => undefined,
  fetchImpl?: FetchLike,
): Promise<PositionLineData[]> {
  const lines: PositionLineData[] = [];
  let after: string | null = null;
  for (;;) {
    const data: PositionRowsData = await execute(
      connection,
      POSITION_ROWS,
      { domain: query.smartAccount, asOf: query.asOf, first: PAGE, after },
      fetchImpl,
    );
    if (!data.smartAccount) {
      throw new AddinError('input', `The server has no Smart Account ${query.smartAccount}.`);
    }
    const page = data.smartAccount.positionRows;
    lines.push(...page.nodes);
    onPage(lines.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return lines;
    after = page.pageInfo.endCursor;
  }
}

const money = (amount: string | null, currency: string | null) =>
  amount === null || currency === null ? null : { amount, currency };

/** GraphQL line → the Positions sheet model's row (the one mapper at this edge). */
export function toPositionSheetRow(line: PositionLineData): PositionSheetRow {
  return {
    virtualAccountName: line.virtualAccountName,
    licenseName: line.licenseName,
    productFamily: line.productFamily,
    owned: units(line.owned),
    consumed: units(line.consumed),
    reserved: units(line.reserved),
    balance: units(line.balance),
    shortfall: units(line.shortfall),
    surplus: units(line.surplus),
    unitPrice: money(line.unitPrice, line.currency),
    exposure: money(line.exposure, line.currency),
    billing: line.billing,
    usageReportedAt: line.usageReportedAt,
  };
}
