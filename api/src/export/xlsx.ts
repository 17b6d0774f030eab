import exceljs from 'exceljs';

import {
  HIGHLIGHT,
  SheetError,
  SheetEvaluator,
  Unsupported,
  isFormula,
  layoutOf,
  placedCells,
  type Cell,
  type SheetModel,
} from '@trueup/excel-addin/model';

/** A formula's computed result as exceljs stores it beside the formula; undefined: none. */
function resultOf(
  evaluator: SheetEvaluator,
  sheet: string,
  row: number,
  column: number,
): exceljs.CellFormulaValue['result'] | undefined {
  try {
    const value = evaluator.value(sheet, row, column);
    if (value instanceof SheetError) return { error: value.code } as exceljs.CellErrorValue;
    return value ?? undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined; // no cached result rather than a wrong one
    throw error;
  }
}

/**
 * A model cell as exceljs takes it: formulas as `{ formula, result }` (the result computed here,
 * so readers that do not calculate see it), data strings always as text (shared strings, never
 * parsed as formulas).
 */
function cellValue(
  cell: Cell,
  result: () => exceljs.CellFormulaValue['result'] | undefined,
): exceljs.CellValue {
  if (cell === null) return null;
  if (!isFormula(cell)) return cell;
  const computed = result();
  return (
    computed === undefined ? { formula: cell.formula } : { formula: cell.formula, result: computed }
  ) as exceljs.CellFormulaValue;
}

function writeSheet(
  workbook: exceljs.Workbook,
  model: SheetModel,
  evaluator: SheetEvaluator,
): void {
  const sheet = workbook.addWorksheet(model.name);
  const layout = layoutOf(model);
  const hasFormulas = model.rows.some((row) => row.some((cell) => isFormula(cell)));
  // Values only: an Excel table (filter buttons, banded rows, structured references); exceljs
  // tables do not carry formulas, so formula sheets get plain cells under a bold header.
  const asTable = !hasFormulas && model.rows.length > 0;
  for (const placed of placedCells(model)) {
    if (asTable && (placed.role === 'header' || placed.role === 'data')) continue;
    const target = sheet.getCell(placed.row, placed.column);
    target.value = cellValue(placed.cell, () =>
      resultOf(evaluator, model.name, placed.row, placed.column),
    );
    if (placed.numberFormat) target.numFmt = placed.numberFormat;
    if (placed.role === 'input') target.font = { color: { argb: 'FF1F4E79' }, bold: true };
    if (placed.role === 'header') target.font = { bold: true };
  }
  if (asTable) {
    sheet.addTable({
      name: model.tableName,
      ref: `A${layout.headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: model.columns.map((column) => ({ name: column.header, filterButton: true })),
      rows: model.rows.map((row) => row.map((cell) => cellValue(cell, () => undefined))),
    });
    model.columns.forEach((column, c) => {
      if (column.numberFormat)
        for (let r = 0; r < model.rows.length; r++)
          sheet.getCell(layout.firstDataRow + r, c + 1).numFmt = column.numberFormat;
    });
  }
  const highlight = model.highlightPositive
    ? model.columns.findIndex((column) => column.header === model.highlightPositive)
    : -1;
  if (highlight >= 0 && model.rows.length > 0) {
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    sheet.addConditionalFormatting({
      ref: `${layout.cell(0, highlight)}:${layout.cell(model.rows.length - 1, highlight)}`,
      rules: [
        {
          type: 'cellIs',
          operator: 'greaterThan',
          formulae: ['0'],
          priority: 1,
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(HIGHLIGHT.fill) } },
            font: { color: { argb: argb(HIGHLIGHT.font) } },
          },
        },
      ],
    });
  }
  model.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = column.width ?? Math.max(10, column.header.length + 2);
  });
  if (model.inputs.length > 0 || (model.outputs ?? []).length > 0)
    sheet.getColumn(1).width = Math.max(sheet.getColumn(1).width ?? 10, 44);
}

/**
 * Writes sheet models as an `.xlsx` workbook. Each formula is stored with its result computed
 * here (`SheetEvaluator`), so readers that do not calculate see the figures; the workbook also
 * asks for a full calculation on load, so Excel and LibreOffice recompute them.
 */
export async function writeXlsx(models: readonly SheetModel[]): Promise<Buffer> {
  const workbook = new exceljs.Workbook();
  workbook.creator = 'Trueup';
  workbook.calcProperties.fullCalcOnLoad = true;
  const evaluator = new SheetEvaluator(models);
  for (const model of models) writeSheet(workbook, model, evaluator);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
