/**
 * What a worksheet shows, as plain data: the one description that both the `.xlsx` export
 * (exceljs, on the server) and the add-in (Excel JS API) write, so the file and the add-in show
 * the same sheets. Pure: no Office, no I/O.
 *
 * Layout (fixed, so formulas can be written as A1 references by the builders):
 * - input cells first, one per row from row 1: label in column A, value in column B;
 * - then, after one blank row (none when there are no inputs), the table: its header row, then
 *   one row per `rows` entry, from column A;
 * - then, after one blank row, the outputs (if any): label in column A, value in column B.
 */

/** A plain value. Strings are always text, never formulas, whatever they start with. */
export type CellValue = string | number | boolean | null;

/** A formula in A1 notation without the leading `=`, e.g. `SUM(B2:B9)`. */
export interface FormulaCell {
  readonly formula: string;
}

/** A table cell: a value or a formula. */
export type Cell = CellValue | FormulaCell;

/** An editable input above the table (growth rate, discount rate…), referenced by formulas. */
export interface InputCell {
  /** Stable key, e.g. `growthRate` (the builders look addresses up by it). */
  readonly key: string;
  readonly label: string;
  readonly value: string | number | boolean;
  readonly numberFormat?: string;
}

/** One table column: header text and how its numbers are shown (Excel number format). */
export interface SheetColumn {
  readonly header: string;
  readonly numberFormat?: string;
  /** Width in characters, a hint. */
  readonly width?: number;
}

/** A labelled result below the table (a total, a check), usually a formula. */
export interface OutputCell {
  readonly key: string;
  readonly label: string;
  readonly value: Cell;
  readonly numberFormat?: string;
}

export interface SheetModel {
  /** Worksheet name, e.g. `Positions`. */
  readonly name: string;
  /** Excel table name, e.g. `Positions` (unique in the workbook). */
  readonly tableName: string;
  readonly inputs: readonly InputCell[];
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly outputs?: readonly OutputCell[];
  /**
   * Columns (by header) that identify a row across refreshes: columns a user added to the table
   * in Excel are carried over to the row with the same key.
   */
  readonly key?: readonly string[];
  /** Data cells in this column (by header) greater than zero get a red fill (e.g. Shortfall). */
  readonly highlightPositive?: string;
}

/** The fill and font of a highlighted cell (both writers use them). */
export const HIGHLIGHT = { fill: '#F4CCCC', font: '#9C0006' } as const;

/** Number formats used across the sheets. */
export const NUMBER_FORMATS = {
  integer: '0',
  money: '#,##0.00',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
} as const;

export const isFormula = (cell: Cell): cell is FormulaCell =>
  typeof cell === 'object' && cell !== null && 'formula' in cell;

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 1-based column number of column letters: A → 1, AA → 27 (the inverse of `columnLetter`). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The 1-based row of the table header for a sheet with `inputCount` inputs. */
export const headerRowOf = (inputCount: number): number => (inputCount > 0 ? inputCount + 2 : 1);

/** Where things are on a sheet built from `model`. */
export interface SheetLayout {
  /** 1-based row of the table header. */
  readonly headerRow: number;
  /** 1-based row of the first data row. */
  readonly firstDataRow: number;
  /** 1-based row of the last data row (= headerRow when there are no rows). */
  readonly lastDataRow: number;
  /** Absolute address of an input's value cell, e.g. `$B$3`. */
  inputAddress(key: string): string;
  /** Absolute range of a column's data cells, e.g. `$D$5:$D$40` (0-based column index). */
  columnRange(columnIndex: number): string;
  /** Relative address of a data cell (0-based row and column), e.g. `D5`. */
  cell(rowIndex: number, columnIndex: number): string;
  /** Absolute address of an output's value cell. */
  outputAddress(key: string): string;
  /** 1-based row of the first output. */
  readonly firstOutputRow: number;
}

export function layoutOf(
  model: Pick<SheetModel, 'inputs' | 'rows'> & { readonly outputs?: readonly { key: string }[] },
): SheetLayout {
  const headerRow = headerRowOf(model.inputs.length);
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + Math.max(model.rows.length, 1);
  const firstOutputRow = headerRow + model.rows.length + 2;
  return {
    headerRow,
    firstDataRow,
    lastDataRow,
    firstOutputRow,
    cell: (rowIndex, columnIndex) => `${columnLetter(columnIndex + 1)}${firstDataRow + rowIndex}`,
    outputAddress(key) {
      const index = (model.outputs ?? []).findIndex((output) => output.key === key);
      if (index < 0) throw new RangeError(`no output ${key}`);
      return `$B$${firstOutputRow + index}`;
    },
    inputAddress(key) {
      const index = model.inputs.findIndex((input) => input.key === key);
      if (index < 0) throw new RangeError(`no input ${key}`);
      return `$B$${index + 1}`;
    },
    columnRange(columnIndex) {
      const letter = columnLetter(columnIndex + 1);
      return `$${letter}$${firstDataRow}:$${letter}$${lastDataRow}`;
    },
  };
}

/** A sheet name as formulas write it: quoted when it has anything but letters and digits. */
export const sheetRef = (sheet: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * True when a spreadsheet would read this text as a formula (CSV/formula injection: `=`, `+`,
 * `-`, `@`, tab, carriage return at the start).
 */
export const looksLikeFormula = (text: string): boolean => FORMULA_LIKE.test(text);

/**
 * Strings Excel would not keep as typed: formulas, numbers ("007" would become 7), and a leading
 * apostrophe (Excel would eat it).
 */
function needsQuote(text: string): boolean {
  return (
    looksLikeFormula(text) ||
    text.startsWith("'") ||
    (text.trim() !== '' && Number.isFinite(Number(text)))
  );
}

/**
 * A cell as the Excel JS API's `range.formulas` takes it (the add-in's one cell encoder):
 * formulas with their `=`; data strings Excel would parse (formulas, numbers, a leading
 * apostrophe) prefixed with `'`, which makes Excel keep the rest as text; null as empty.
 */
export function toOfficeValue(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (isFormula(cell)) return `=${cell.formula}`;
  if (typeof cell === 'string') return needsQuote(cell) ? `'${cell}` : cell;
  return cell;
}
