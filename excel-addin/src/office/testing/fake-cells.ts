/** The fake's cells: Excel's parse of typed input, reading a box back, box geometry. */
import type { Box } from '../address.js';

export type FakeScalar = string | number | boolean | null;

export interface FakeCell {
  value: FakeScalar;
  formula?: string;
  numberFormat?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  conditionalFormats: { address: string; rule: unknown; fill?: string }[];
  validations: { address: string; rule: unknown }[];
  charts: FakeChartData[];
}

export interface FakeChartData {
  type: string;
  source: string;
  name: string;
  title?: string;
  position?: string;
}

export interface FakeTableData {
  name: string;
  sheet: FakeSheet;
  box: Box;
}

/** The error office.js raises (OfficeExtension.Error carries a `code`). */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

/** Excel's parse of typed input: `=` formula, `'` text, numeric strings become numbers. */
export function parseInput(input: FakeScalar): FakeCell {
  if (typeof input !== 'string') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input === '') return { value: null };
  if (/^[=+\-@]/.test(input) && !Number.isFinite(Number(input))) {
    return { value: FORMULA_RESULT, formula: input.startsWith('=') ? input : `=${input}` };
  }
  if (input.trim() !== '' && Number.isFinite(Number(input))) return { value: Number(input) };
  return { value: input };
}

/** The fake does not calculate: a formula cell's value reads as this marker. */
export const FORMULA_RESULT = '#FAKE_FORMULA_RESULT';

export function readBox(
  sheet: FakeSheet,
  box: Box,
  what: 'values' | 'formulas' | 'numberFormat',
): FakeScalar[][] {
  const grid: FakeScalar[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: FakeScalar[] = [];
    for (let c = 0; c < box.cols; c++) {
      const cell = sheet.cells.get(`${box.row + r},${box.col + c}`);
      if (what === 'numberFormat') row.push(cell?.numberFormat ?? 'General');
      else if (what === 'formulas' && cell?.formula !== undefined) row.push(cell.formula);
      else row.push(cell?.value ?? '');
    }
    grid.push(row);
  }
  return grid;
}

export function inBox(box: Box, r: number, c: number): boolean {
  return r >= box.row && r < box.row + box.rows && c >= box.col && c < box.col + box.cols;
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}
