import { toExcelInput, type Scalar } from './cells.js';
import { mergeUserColumns, type PreviousTable } from './merge-user-columns.js';
import { chunkRows, DEFAULT_CHUNK_BUDGET_BYTES, jsonBytes } from './payload.js';
import type { SheetWrite, SheetWriteOptions, WriteStats } from './sheet-write.js';

/** Per queued action: object path, action id, property name (office.js request envelope). */
const ACTION_OVERHEAD_BYTES = 200;

/**
 * Writes `model` on its own sheet (inputs, then an Excel table), replacing what a previous write
 * left there and keeping the columns a user added to the table (matched by `options.key`).
 *
 * Reads once (does the sheet/table exist; plus the previous table's cells on a refresh), then
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
  let previous: PreviousTable | undefined;
  if (!existingTable.isNullObject) {
    // A table cannot be read through a null object: this read waits for the existence check.
    const range = existingTable.getRange().load('values');
    await sync(ACTION_OVERHEAD_BYTES * 2);
    const [header = [], ...rows] = range.values as Scalar[][];
    previous = { header: header.map(String), rows };
  }

  const { headers, rows, keptColumns } = mergeUserColumns(model, options.key, previous);
  const sheet = existingSheet.isNullObject
    ? context.workbook.worksheets.add(model.name)
    : existingSheet;
  let requestBytes = ACTION_OVERHEAD_BYTES;
  if (!existingTable.isNullObject) existingTable.delete();
  if (!existingSheet.isNullObject) sheet.getRange().clear();

  requestBytes += writeInputs(sheet, model.inputs);
  const headerRow = model.inputs.length > 0 ? model.inputs.length + 1 : 0; // 0-based
  const width = headers.length;
  const header = headers.map((h) => toExcelInput(h));
  sheet.getRangeByIndexes(headerRow, 0, 1, width).formulas = [header];
  requestBytes += jsonBytes(header) + ACTION_OVERHEAD_BYTES;

  const formats = headers.map((h) => model.columns.find((c) => c.header === h)?.numberFormat);
  // Each formatted column sends `["<format>"],` per row alongside the cells.
  const formatBytesPerRow = formats.reduce(
    (sum, format) => sum + (format === undefined ? 0 : jsonBytes([format]) + 1),
    0,
  );
  const grid = rows.map((row) => row.map(toExcelInput));
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
        options,
      );
    }
    await sync(requestBytes);
    options.onProgress?.(written, grid.length);
    requestBytes = 0;
  }
  return { syncs, largestRequestBytes, rowsWritten: written, keptColumns };
}

/** Inputs from row 1: label in A, value in B. Returns the bytes queued. */
function writeInputs(sheet: Excel.Worksheet, inputs: SheetWrite['inputs']): number {
  if (inputs.length === 0) return 0;
  const cells = inputs.map((input) => [toExcelInput(input.label), toExcelInput(input.value)]);
  const formats = inputs.map((input) => ['General', input.numberFormat ?? 'General']);
  const range = sheet.getRangeByIndexes(0, 0, inputs.length, 2);
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
  options: SheetWriteOptions,
): number {
  const tableRange = sheet.getRangeByIndexes(headerRow, 0, 1 + dataRows, headers.length);
  const table = sheet.tables.add(tableRange, true);
  table.name = tableName;
  let actions = 3;
  const highlight = options.highlightPositive ? headers.indexOf(options.highlightPositive) : -1;
  if (highlight >= 0) {
    const target = sheet.getRangeByIndexes(headerRow + 1, highlight, dataRows, 1);
    const format = target.conditionalFormats.add('CellValue');
    format.cellValue.format.fill.color = '#F4CCCC';
    format.cellValue.format.font.color = '#9C0006';
    format.cellValue.rule = { formula1: '0', operator: 'GreaterThan' };
    actions += 4;
  }
  tableRange.format.autofitColumns();
  sheet.activate();
  return (actions + 2) * ACTION_OVERHEAD_BYTES;
}
