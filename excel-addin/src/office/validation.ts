import { columnLetter } from '../model/index.js';

/**
 * Drop-down lists on table columns: each named column of `tableName` (on `sheetName`) offers the
 * cells of `source` (an absolute reference such as `='Trueup lists'!$A$2:$A$40`). Queued only:
 * the caller syncs.
 */
export function addListValidation(
  sheet: Excel.Worksheet,
  target: { firstRow: number; rows: number; column: number },
  source: string,
): void {
  const range = sheet.getRangeByIndexes(target.firstRow, target.column, target.rows, 1);
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
}

/** `='Sheet name'!$A$2:$A$9` for 0-based column `column`, data rows 1..count (after a header). */
export function listSource(sheetName: string, column: number, count: number): string {
  const letter = columnLetter(column + 1);
  return `='${sheetName.replaceAll("'", "''")}'!$${letter}$2:$${letter}$${count + 1}`;
}
