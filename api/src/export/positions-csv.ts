import { stringify } from 'csv-stringify/sync';

import { NOT_REPORTED, POSITION_COLUMNS, looksLikeFormula } from '@trueup/excel-addin/model';

import type { Services } from '../services/index.js';

import { positionSheetRows, type ExportQuery } from './workbook-data.js';

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
const text = inertText;

/** A string with anything but digits, `-` and `.`: text, to be quoted. */
const NOT_A_DECIMAL = /[^\d.-]/;

/**
 * The Positions sheet as CSV: the same rows and columns as the workbook, money as exact
 * decimal strings, every text field quoted, names that start like formulas (`=`, `+`, `-`,
 * `@`, tab, CR) or hold one after a separator made inert.
 */
export async function positionsCsv(
  services: Services,
  query: ExportQuery,
  only: { readonly virtualAccount?: string | undefined } = {},
): Promise<string> {
  const rows = (await positionSheetRows(services, query)).filter(
    (row) => only.virtualAccount === undefined || row.virtualAccountName === only.virtualAccount,
  );
  // The header is fixed text (no separator, no formula): written as before, unquoted.
  const header = stringify([POSITION_COLUMNS.map((c) => c.header)]);
  const body = stringify(
    rows.map((row) => [
      text(row.virtualAccountName),
      text(row.licenseName),
      text(row.productFamily),
      row.owned,
      row.consumed,
      row.reserved,
      row.balance,
      row.shortfall,
      row.surplus,
      row.unitPrice?.amount ?? '',
      row.unitPrice?.currency ?? row.exposure?.currency ?? '',
      row.exposure?.amount ?? '',
      row.billing,
      row.usageReportedAt ?? NOT_REPORTED,
    ]),
    // Every text field quoted (a reader splitting on `;` or tab still sees one field); decimal
    // amounts stay bare so every reader takes them as numbers.
    { quoted_match: NOT_A_DECIMAL },
  );
  return header + body;
}
