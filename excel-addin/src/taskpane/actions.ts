import { execute } from '../api-client/client.js';
import { AddinError } from '../api-client/errors.js';
import { fetchPositionLines, toPositionSheetRow } from '../api-client/positions.js';
import { RENEWAL_MODEL, toRenewalSheetInput } from '../api-client/renewal.js';
import { positionsSheet } from '../model/positions-sheet.js';
import { renewalSheets } from '../model/renewal-sheet.js';
import { shortfallByVirtualAccountSheet } from '../model/shortfall-by-va-sheet.js';
import { writeColumnChart } from '../office/chart.js';
import { writeSheet, writeSheets } from '../office/write-sheet.js';

import { account, asOfText, type ActionContext } from './action-context.js';

/** Pull positions → `Positions` table (user columns kept), shortfall/surplus chart by VA. */
export async function pullPositions(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const lines = await fetchPositionLines(ctx.connection, query, ctx.progress, ctx.fetch);
  const positions = positionsSheet(lines.map(toPositionSheetRow));
  const chartData = shortfallByVirtualAccountSheet(lines.map((l) => l.virtualAccountName));
  const stats = await ctx.excel(async (context) => {
    const written = await writeSheet(context, positions, { onProgress: ctx.progress });
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

/**
 * Renewal: refreshes Positions (the Renewal formulas sum its columns), then writes Renewal and
 * Renewal detail with live formulas, so growth, discount and term edits recalculate in Excel.
 */
export async function pullRenewal(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const [lines, renewal] = await Promise.all([
    fetchPositionLines(ctx.connection, query, ctx.progress, ctx.fetch),
    execute(
      ctx.connection,
      RENEWAL_MODEL,
      { domain: query.smartAccount, asOf: query.asOf },
      ctx.fetch,
    ),
  ]);
  if (!renewal.smartAccount)
    throw new AddinError('input', `No Smart Account ${query.smartAccount}.`);
  const model = renewal.smartAccount.renewalModel;
  if (!model) throw new AddinError('graphql', 'The server could not model the renewal.');
  const positions = positionsSheet(lines.map(toPositionSheetRow));
  const sheets = renewalSheets(toRenewalSheetInput(model, lines.length));
  await ctx.excel(async (context) => {
    await writeSheet(context, positions);
    await writeSheets(context, sheets.all);
  });
  return `Renewal ${asOfText(query.asOf)} in ${model.currency}: edit growth, discount or term on the Renewal sheet and Excel recalculates.`;
}
