import { moneyNumber, type Money } from './positions-sheet.js';
import { NUMBER_FORMATS, type SheetModel } from './sheet-model.js';

/** One finding, as `SmartAccount.findings` returns it. */
export interface FindingSheetRow {
  readonly severity: string;
  readonly code: string;
  readonly virtualAccountName: string | null;
  readonly licenseName: string | null;
  readonly quantity: number;
  readonly money: Money | null;
  readonly message: string;
}

/** The Findings sheet: one row per finding, money where priced; messages stay text. */
export function findingsSheet(rows: readonly FindingSheetRow[]): SheetModel {
  return {
    name: 'Findings',
    tableName: 'Findings',
    inputs: [],
    columns: [
      { header: 'Severity', width: 10 },
      { header: 'Code', width: 24 },
      { header: 'Virtual Account', width: 24 },
      { header: 'License', width: 40 },
      { header: 'Quantity', numberFormat: NUMBER_FORMATS.integer },
      { header: 'Money at stake', numberFormat: NUMBER_FORMATS.money },
      { header: 'Currency', width: 9 },
      { header: 'Message', width: 80 },
    ],
    rows: rows.map((row) => [
      row.severity,
      row.code,
      row.virtualAccountName,
      row.licenseName,
      row.quantity,
      moneyNumber(row.money),
      row.money?.currency ?? null,
      row.message,
    ]),
  };
}
