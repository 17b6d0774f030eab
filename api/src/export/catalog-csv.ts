import { stringify } from 'csv-stringify/sync';

import { looksLikeFormula } from '@trueup/excel-addin/model';

import type { CatalogRow } from '../services/catalog-service.js';

/** The catalog CSV's columns, named as the catalog import reads them. */
export const CATALOG_HEADERS = [
  'License',
  'Entitlement Tag',
  'Product Family',
  'Unit',
  'Kind',
  'Required Base',
  'Entitlement Type',
] as const;

/** Text a spreadsheet would run as a formula gets a leading `'` (the import takes it off). */
const text = (value: string | null) =>
  value === null ? '' : looksLikeFormula(value) ? `'${value}` : value;

/**
 * The license catalog as CSV, in the `license-catalog-csv` import format: a customer corrects
 * it in a spreadsheet and imports it back; importing the file unchanged changes nothing.
 */
export function catalogCsv(rows: readonly CatalogRow[]): string {
  return stringify(
    rows.map((row) => [
      text(row.license),
      text(row.entitlementTag),
      text(row.productFamily),
      row.unit,
      row.kind,
      text(row.requiredBaseLicense),
      row.entitlementType ?? '',
    ]),
    { header: true, columns: [...CATALOG_HEADERS] },
  );
}
