/**
 * Excel-grid cell values as the office adapter writes them, and the one rule that keeps data
 * from turning into formulas: a data string Excel would parse as a formula (`=`, `+`, `-`, `@`)
 * is written as text.
 */
import type { Cell, CellValue } from '../model/index.js';

export type Scalar = CellValue;
export type { Cell };

const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** True when Excel would read `text` typed into a General cell as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_LEAD.test(text);
}

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
 * The value to put in `range.formulas` for a data cell. A leading apostrophe makes Excel keep the
 * rest as text (the apostrophe itself is not part of the value). Numbers stay numbers, null
 * becomes an empty cell.
 */
export function toExcelInput(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return `=${cell.formula}`;
  if (typeof cell === 'string') return needsQuote(cell) ? `'${cell}` : cell;
  return cell;
}
