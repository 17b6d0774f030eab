import { stringify } from 'csv-stringify/sync';

import { looksLikeFormula } from '@trueup/excel-addin/model';

import {
  POSITION_ROW_COLUMNS,
  type PositionRow,
  type PositionRowsQuery,
  type Services,
} from '../services/index.js';

/**
 * A separator a spreadsheet may split on (`,` and `;` list separators, tab, `|`), then a
 * character that starts a formula: in a locale whose separator it is, the text after it would
 * become a cell of its own and run.
 */
const SEPARATOR_THEN_FORMULA = /([,;\t|])(\s*)(?=[=+\-@])/g;

/**
 * Text a spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection advice),
 * and so does every part after a separator that starts like one (`x;=HYPERLINK(…)` →
 * `x;'=HYPERLINK(…)`), so the field is inert whatever separator the reader splits on.
 */
export const inertText = (value: string | null): string => {
  if (value === null) return '';
  const parts = value.replace(SEPARATOR_THEN_FORMULA, "$1$2'");
  return looksLikeFormula(parts) ? `'${parts}` : parts;
};

/** A string with anything but digits, `-` and `.`: text, to be quoted. */
const NOT_A_DECIMAL = /[^\d.-]/;

/** Rows per CSV chunk written to the response (one `stringify` call each). */
const ROWS_PER_CHUNK = 1_000;

/** The header: the GraphQL `PositionRow` field names, in order (fixed text, unquoted). */
export const POSITIONS_CSV_HEADER = stringify([POSITION_ROW_COLUMNS.map((c) => c.name)]);

const csvCells = (row: PositionRow) =>
  POSITION_ROW_COLUMNS.map((column) => {
    const value = row[column.name];
    if (value === null) return '';
    return column.kind === 'text' ? inertText(String(value)) : value;
  });

/**
 * Flat position rows as CSV, produced a chunk at a time (header first): the `PositionRow`
 * columns under their GraphQL names, empty for null, counts and decimal money bare (every reader
 * takes them as numbers), every text field quoted (a reader splitting on `;` or tab still sees
 * one field) and made inert where it starts like a formula or holds one after a separator.
 */
export function* positionsCsvChunks(rows: Iterable<PositionRow>): Generator<string> {
  yield POSITIONS_CSV_HEADER;
  let batch: (string | number)[][] = [];
  for (const row of rows) {
    batch.push(csvCells(row));
    if (batch.length === ROWS_PER_CHUNK) {
      yield stringify(batch, { quoted_match: NOT_A_DECIMAL });
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, { quoted_match: NOT_A_DECIMAL });
}

/**
 * Flat position rows as JSON Lines: one object a line with the `PositionRow` fields in column
 * order, values as GraphQL sends them (sums as BigInt digit strings, other counts as numbers,
 * money as decimal strings, null for none). Text is left as it is: JSON is read by programs,
 * not run by spreadsheets.
 */
export function* positionsJsonLines(rows: Iterable<PositionRow>): Generator<string> {
  let batch = '';
  let count = 0;
  for (const row of rows) {
    const line: Record<string, unknown> = {};
    for (const column of POSITION_ROW_COLUMNS) {
      const value = row[column.name];
      line[column.name] = column.kind === 'bigint' && value !== null ? String(value) : value;
    }
    batch += `${JSON.stringify(line)}\n`;
    if (++count % ROWS_PER_CHUNK === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** The whole positions CSV as one string (the CLI, scheduled exports): the download's bytes. */
export async function positionsCsv(services: Services, query: PositionRowsQuery): Promise<string> {
  const { rows } = await services.position.allRows(query);
  return [...positionsCsvChunks(rows)].join('');
}
