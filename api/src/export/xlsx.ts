import exceljs from 'exceljs';

import { isFormula, layoutOf, type Cell, type SheetModel } from '@trueup/excel-addin/model';

type Worksheet = exceljs.Worksheet;

/** A model cell as exceljs takes it: formulas as `{ formula }`, data strings always as text. */
function cellValue(cell: Cell): exceljs.CellValue {
  if (cell === null) return null;
  if (isFormula(cell)) return { formula: cell.formula } as exceljs.CellFormulaValue;
  return cell; // a string is a shared string in the file, never parsed as a formula
}

function writeLabelled(
  sheet: Worksheet,
  row: number,
  label: string,
  value: Cell | string | number | boolean,
  numberFormat: string | undefined,
): void {
  sheet.getCell(row, 1).value = label;
  const target = sheet.getCell(row, 2);
  target.value = cellValue(value);
  if (numberFormat) target.numFmt = numberFormat;
}

function writeSheet(workbook: exceljs.Workbook, model: SheetModel): void {
  const sheet = workbook.addWorksheet(model.name);
  const layout = layoutOf(model);
  model.inputs.forEach((input, i) => {
    writeLabelled(sheet, i + 1, input.label, input.value, input.numberFormat);
    sheet.getCell(i + 1, 2).font = { color: { argb: 'FF1F4E79' }, bold: true };
  });
  const hasFormulas = model.rows.some((row) => row.some((cell) => isFormula(cell)));
  if (!hasFormulas && model.rows.length > 0) {
    // Values only: an Excel table (filter buttons, banded rows, structured references).
    sheet.addTable({
      name: model.tableName,
      ref: `A${layout.headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: model.columns.map((column) => ({ name: column.header, filterButton: true })),
      rows: model.rows.map((row) => row.map(cellValue)),
    });
  } else {
    // Formula sheets: plain cells under a bold header (exceljs tables do not carry formulas).
    model.columns.forEach((column, c) => {
      const header = sheet.getCell(layout.headerRow, c + 1);
      header.value = column.header;
      header.font = { bold: true };
    });
    model.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        sheet.getCell(layout.firstDataRow + r, c + 1).value = cellValue(cell);
      }),
    );
  }
  model.columns.forEach((column, c) => {
    const target = sheet.getColumn(c + 1);
    if (column.width) target.width = column.width;
    else target.width = Math.max(10, column.header.length + 2);
    if (column.numberFormat)
      for (let r = 0; r < model.rows.length; r++)
        sheet.getCell(layout.firstDataRow + r, c + 1).numFmt = column.numberFormat;
  });
  (model.outputs ?? []).forEach((output, i) =>
    writeLabelled(
      sheet,
      layout.firstOutputRow + i,
      output.label,
      output.value,
      output.numberFormat,
    ),
  );
  if (model.inputs.length > 0 || (model.outputs ?? []).length > 0)
    sheet.getColumn(1).width = Math.max(sheet.getColumn(1).width ?? 10, 44);
}

/**
 * Writes sheet models as an `.xlsx` workbook. Formulas are stored without cached results and
 * the workbook asks for a full calculation on load, so Excel and LibreOffice compute them.
 */
export async function writeXlsx(models: readonly SheetModel[]): Promise<Buffer> {
  const workbook = new exceljs.Workbook();
  workbook.creator = 'Trueup';
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const model of models) writeSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
