import { stringify } from 'csv-stringify/sync';

import { NOT_REPORTED, POSITION_COLUMNS, looksLikeFormula } from '@trueup/excel-addin/model';

import type { Services } from '../services/index.js';

import { positionSheetRows, type ExportQuery } from './workbook-data.js';

/** Text a spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection advice). */
const text = (value: string | null) =>
  value === null ? '' : looksLikeFormula(value) ? `'${value}` : value;

/**
 * The Positions sheet as CSV: the same rows and columns as the workbook, money as exact
 * decimal strings, names that start like formulas (`=`, `+`, `-`, `@`, tab, CR) made inert.
 */
export async function positionsCsv(
  services: Services,
  query: ExportQuery,
  only: { readonly virtualAccount?: string | undefined } = {},
): Promise<string> {
  const rows = (await positionSheetRows(services, query)).filter(
    (row) => only.virtualAccount === undefined || row.virtualAccountName === only.virtualAccount,
  );
  return stringify(
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
    { header: true, columns: POSITION_COLUMNS.map((c) => c.header) },
  );
}
