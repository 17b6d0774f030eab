import { HIGHLIGHT, layoutOf, toOfficeValue } from '../model/index.js';

import type { Cell, Scalar } from './cells.js';
import { mergeUserColumns, type PreviousTable } from './merge-user-columns.js';
import { chunkRows, DEFAULT_CHUNK_BUDGET_BYTES, jsonBytes } from './payload.js';
import type { SheetWrite, SheetWriteOptions, WriteStats } from './sheet-write.js';

/** Per queued action: object path, action id, property name (office.js request envelope). */
const ACTION_OVERHEAD_BYTES = 200;

/**
 * Writes `model` on its own sheet (inputs, then an Excel table), replacing what a previous write
 * left there and keeping the columns a user added to the table (matched by the model's `key`).
 *
 * Reads once (does the sheet/table exist); on a refresh also the previous table's header and, when
 * the user added columns, those and the key columns (values and formulas, in chunks). Then
 * writes in chunks of at most `budgetBytes`, one `context.sync()` per chunk, with calculation
 * suspended for each. Table, highlight and column widths go with the last chunk. Data strings
 * that Excel would parse (formulas, numbers) land as text; model formulas land as formulas.
 */
export async function writeSheet(
  context: Excel.RequestContext,
  model: SheetWrite,
  options: SheetWriteOptions = {},
): Promise<WriteStats> {
  const budget = options.budgetBytes ?? DEFAULT_CHUNK_BUDGET_BYTES;
  let syncs = 0;
  let largestRequestBytes = 0;
  const sync = async (requestBytes: number) => {
    await context.sync();
    syncs += 1;
    largestRequestBytes = Math.max(largestRequestBytes, requestBytes);
  };

  const existingSheet = context.workbook.worksheets.getItemOrNullObject(model.name);
  const existingTable = context.workbook.tables.getItemOrNullObject(model.tableName);
  existingSheet.load('name');
  existingTable.load('name');
  await sync(ACTION_OVERHEAD_BYTES * 4);
  const previous = existingTable.isNullObject
    ? undefined
    : await readUserColumns(context, existingTable, model, budget);
  syncs += previous?.syncs ?? 0;

  const { headers, rows, keptColumns } = mergeUserColumns(model, model.key, previous?.table);
  const sheet = existingSheet.isNullObject
    ? context.workbook.worksheets.add(model.name)
    : existingSheet;
  let requestBytes = ACTION_OVERHEAD_BYTES;
  if (!existingTable.isNullObject) existingTable.delete();
  if (!existingSheet.isNullObject) sheet.getRange().clear();

  const layout = layoutOf(model);
  requestBytes += writeLabelled(sheet, 0, model.inputs);
  requestBytes += writeLabelled(sheet, layout.firstOutputRow - 1, model.outputs ?? []);
  const headerRow = layout.headerRow - 1; // 0-based
  const width = headers.length;
  const header = headers.map((h) => toOfficeValue(h));
  sheet.getRangeByIndexes(headerRow, 0, 1, width).formulas = [header];
  requestBytes += jsonBytes(header) + ACTION_OVERHEAD_BYTES;

  const formats = headers.map((h) => model.columns.find((c) => c.header === h)?.numberFormat);
  // Each formatted column sends `["<format>"],` per row alongside the cells.
  const formatBytesPerRow = formats.reduce(
    (sum, format) => sum + (format === undefined ? 0 : jsonBytes([format]) + 1),
    0,
  );
  const grid = rows.map((row) => row.map(toOfficeValue));
  const chunks = chunkRows(grid, budget - requestBytes, formatBytesPerRow);
  if (chunks.length === 0) chunks.push([]);
  let written = 0;
  for (const [index, chunk] of chunks.entries()) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    requestBytes += ACTION_OVERHEAD_BYTES;
    const top = headerRow + 1 + written;
    if (chunk.length > 0) {
      sheet.getRangeByIndexes(top, 0, chunk.length, width).formulas = chunk;
      requestBytes += jsonBytes(chunk) + ACTION_OVERHEAD_BYTES;
      for (const [column, format] of formats.entries()) {
        if (format === undefined) continue;
        const cells = chunk.map(() => [format]);
        sheet.getRangeByIndexes(top, column, chunk.length, 1).numberFormat = cells;
        requestBytes += jsonBytes(cells) + ACTION_OVERHEAD_BYTES;
      }
    }
    written += chunk.length;
    if (index === chunks.length - 1) {
      requestBytes += finish(
        sheet,
        model.tableName,
        headers,
        headerRow,
        Math.max(written, 1),
        model.highlightPositive,
      );
    }
    await sync(requestBytes);
    options.onProgress?.(written, grid.length);
    requestBytes = 0;
  }
  return { syncs, largestRequestBytes, rowsWritten: written, keptColumns };
}

/**
 * Labelled cells from 0-based row `top`: label in A, value in B (the inputs above the table,
 * the outputs below it). Returns the bytes queued.
 */
function writeLabelled(
  sheet: Excel.Worksheet,
  top: number,
  items: readonly { label: string; value: Cell; numberFormat?: string }[],
): number {
  if (items.length === 0) return 0;
  const cells = items.map((item) => [toOfficeValue(item.label), toOfficeValue(item.value)]);
  const formats = items.map((item) => ['General', item.numberFormat ?? 'General']);
  const range = sheet.getRangeByIndexes(top, 0, items.length, 2);
  range.formulas = cells;
  range.numberFormat = formats;
  return jsonBytes(cells) + jsonBytes(formats) + 2 * ACTION_OVERHEAD_BYTES;
}

/** Table, highlight and column widths: small, queued with the last chunk. Returns its bytes. */
function finish(
  sheet: Excel.Worksheet,
  tableName: string,
  headers: readonly string[],
  headerRow: number,
  dataRows: number,
  highlightPositive: string | undefined,
): number {
  const tableRange = sheet.getRangeByIndexes(headerRow, 0, 1 + dataRows, headers.length);
  const table = sheet.tables.add(tableRange, true);
  table.name = tableName;
  let actions = 3;
  const highlight = highlightPositive ? headers.indexOf(highlightPositive) : -1;
  if (highlight >= 0) {
    const target = sheet.getRangeByIndexes(headerRow + 1, highlight, dataRows, 1);
    const format = target.conditionalFormats.add('CellValue');
    format.cellValue.format.fill.color = HIGHLIGHT.fill;
    format.cellValue.format.font.color = HIGHLIGHT.font;
    format.cellValue.rule = { formula1: '0', operator: 'GreaterThan' };
    actions += 4;
  }
  tableRange.format.autofitColumns();
  sheet.activate();
  return (actions + 2) * ACTION_OVERHEAD_BYTES;
}

/**
 * The key columns and the user-added columns of the previous table, read in row chunks so no
 * response exceeds the 5 MB cap (a whole 100,000-row table would). A cell whose formula differs
 * from its value is carried over as a formula.
 */
async function readUserColumns(
  context: Excel.RequestContext,
  table: Excel.Table,
  model: SheetWrite,
  budget: number,
): Promise<{ table: PreviousTable; syncs: number }> {
  const { key } = model;
  const headerRange = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load(['rowIndex', 'columnIndex', 'rowCount']);
  await context.sync();
  const header = (headerRange.values[0] ?? []).map(String);
  const ours = new Set(model.columns.map((c) => c.header));
  const user = header.filter((h) => !ours.has(h));
  if (user.length === 0 || !key || key.length === 0)
    return { table: { header, rows: [] }, syncs: 1 };
  const wanted = [...key, ...user]
    .map((h) => ({ h, at: header.indexOf(h) }))
    .filter((c) => c.at >= 0);
  // ~100 bytes per cell for values + formulas: a guess with room under the budget.
  const rowsPerRead = Math.max(1, Math.floor(budget / (wanted.length * 100)));
  const rows: Cell[][] = [];
  let syncs = 1;
  for (let start = 0; start < body.rowCount; start += rowsPerRead) {
    const count = Math.min(rowsPerRead, body.rowCount - start);
    const ranges = wanted.map(({ at }) =>
      table.worksheet
        .getRangeByIndexes(body.rowIndex + start, body.columnIndex + at, count, 1)
        .load(['values', 'formulas']),
    );
    await context.sync();
    syncs += 1;
    for (let r = 0; r < count; r++) {
      rows.push(
        ranges.map((range) => {
          const value = (range.values[r]?.[0] ?? null) as Scalar;
          const formula: unknown = range.formulas[r]?.[0];
          return typeof formula === 'string' && formula.startsWith('=') && formula !== value
            ? { formula: formula.slice(1) }
            : value;
        }),
      );
    }
  }
  return { table: { header: wanted.map((c) => c.h), rows }, syncs };
}

/**
 * Writes sheets whose formulas refer to one another (Renewal ↔ Renewal detail ↔ Break-even):
 * every missing sheet is added first, in order, so no formula is entered while a sheet it
 * names is missing (Excel would take that as an external reference); then each is written and
 * the first is left active.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  models: readonly SheetWrite[],
  options: SheetWriteOptions = {},
): Promise<WriteStats[]> {
  const existing = models.map((m) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(m.name);
    sheet.load('name');
    return sheet;
  });
  await context.sync();
  models.forEach((m, i) => {
    if (existing[i]?.isNullObject) context.workbook.worksheets.add(m.name);
  });
  await context.sync();
  const stats: WriteStats[] = [];
  for (const model of models) stats.push(await writeSheet(context, model, options));
  const first = models[0];
  if (first) {
    context.workbook.worksheets.getItem(first.name).activate();
    await context.sync();
  }
  return stats;
}
