import { layoutOf, type Cell, type SheetModel } from './sheet-model.js';

/** What a cell is on its sheet. */
export type CellRole = 'inputLabel' | 'input' | 'header' | 'data' | 'outputLabel' | 'output';

/** One cell of a sheet where the layout puts it (1-based row and column). */
export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly role: CellRole;
  readonly cell: Cell;
  /** Excel number format, when the model gives one. */
  readonly numberFormat?: string;
}

/**
 * Every non-empty cell of a sheet where the layout puts it (see `sheet-model.ts`): inputs (label
 * in A, value in B), the table's header and rows, then the outputs (label in A, value in B).
 * The one place that says where a model's cells go; every writer and the evaluator read it.
 */
export function placedCells(model: SheetModel): PlacedCell[] {
  const layout = layoutOf(model);
  const cells: PlacedCell[] = [];
  model.inputs.forEach((input, i) => {
    cells.push({ row: i + 1, column: 1, role: 'inputLabel', cell: input.label });
    cells.push({
      row: i + 1,
      column: 2,
      role: 'input',
      cell: input.value,
      ...(input.numberFormat ? { numberFormat: input.numberFormat } : {}),
    });
  });
  model.columns.forEach((column, c) =>
    cells.push({ row: layout.headerRow, column: c + 1, role: 'header', cell: column.header }),
  );
  model.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      const numberFormat = model.columns[c]?.numberFormat;
      cells.push({
        row: layout.firstDataRow + r,
        column: c + 1,
        role: 'data',
        cell,
        ...(numberFormat ? { numberFormat } : {}),
      });
    }),
  );
  (model.outputs ?? []).forEach((output, i) => {
    const row = layout.firstOutputRow + i;
    cells.push({ row, column: 1, role: 'outputLabel', cell: output.label });
    if (output.value === null) return;
    cells.push({
      row,
      column: 2,
      role: 'output',
      cell: output.value,
      ...(output.numberFormat ? { numberFormat: output.numberFormat } : {}),
    });
  });
  return cells;
}
