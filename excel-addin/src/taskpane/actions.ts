import type { FetchLike } from '../api-client/client.js';
import type { SavedConnection } from '../api-client/connection-store.js';
import { AddinError } from '../api-client/errors.js';
import { fetchPositionLines, toPositionSheetRow } from '../api-client/positions.js';
import { positionsSheet } from '../model/positions-sheet.js';
import { shortfallByVirtualAccountSheet } from '../model/shortfall-by-va-sheet.js';
import { writeColumnChart } from '../office/chart.js';
import { writeSheet } from '../office/write-sheet.js';

/** What an action needs from the outside: the connection, Excel, the network, a progress bar. */
export interface ActionContext {
  readonly connection: SavedConnection;
  readonly excel: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly progress: (done: number, total: number) => void;
  readonly fetch?: FetchLike;
}

function account(ctx: ActionContext): { smartAccount: string; asOf: string | null } {
  if (!ctx.connection.smartAccount) {
    throw new AddinError('input', 'Connect and choose a Smart Account first.');
  }
  return { smartAccount: ctx.connection.smartAccount, asOf: ctx.connection.asOf || null };
}

const asOfText = (asOf: string | null) => (asOf ? `as of ${asOf}` : 'as of today');

/** Pull positions → `Positions` table (user columns kept), shortfall/surplus chart by VA. */
export async function pullPositions(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const lines = await fetchPositionLines(ctx.connection, query, ctx.progress, ctx.fetch);
  const positions = positionsSheet(lines.map(toPositionSheetRow));
  const chartData = shortfallByVirtualAccountSheet(lines.map((l) => l.virtualAccountName));
  const stats = await ctx.excel(async (context) => {
    const written = await writeSheet(context, positions, {
      key: ['Virtual Account', 'License'],
      highlightPositive: 'Shortfall',
      onProgress: ctx.progress,
    });
    await writeSheet(context, chartData);
    await writeColumnChart(context, {
      sheetName: chartData.name,
      tableName: chartData.tableName,
      chartName: 'TrueupShortfallSurplus',
      title: 'Shortfall and surplus by Virtual Account',
    });
    // Leave the user on the positions they asked for.
    context.workbook.worksheets.getItem(positions.name).activate();
    await context.sync();
    return written;
  });
  const kept =
    stats.keptColumns.length > 0 ? ` Kept your columns: ${stats.keptColumns.join(', ')}.` : '';
  return `Pulled ${lines.length.toLocaleString()} position lines ${asOfText(query.asOf)} into Positions.${kept}`;
}
