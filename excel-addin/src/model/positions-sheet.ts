import { NUMBER_FORMATS, type Cell, type SheetColumn, type SheetModel } from './sheet-model.js';

/** Money as the API returns it: a decimal string (`"1234.50"`) and an ISO currency. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** One Virtual Account × license position line, as `SmartAccount.positionRows` returns it. */
export interface PositionSheetRow {
  readonly virtualAccountName: string;
  readonly licenseName: string;
  readonly productFamily: string | null;
  readonly owned: number;
  readonly consumed: number;
  readonly reserved: number;
  readonly balance: number;
  readonly shortfall: number;
  readonly surplus: number;
  /** Net unit true-up price, null when the price book has none. */
  readonly unitPrice: Money | null;
  /** shortfall × unit price, null when unpriced. */
  readonly exposure: Money | null;
  /** PREPAID, USAGE (billed as used: never short), SUBSCRIPTION or UNKNOWN. */
  readonly billing: string;
  /** When consumption was last reported on or before the date; null: not reported. */
  readonly usageReportedAt: string | null;
}

/** What the sheet shows for a line with no usage report on or before the date. */
export const NOT_REPORTED = 'not reported';

/** Column headers of the Positions table, in order (formulas elsewhere refer to them). */
export const POSITION_COLUMNS = [
  { header: 'Virtual Account', width: 24 },
  { header: 'License', width: 40 },
  { header: 'Product family', width: 18 },
  { header: 'Owned', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Consumed', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Reserved', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Balance', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Shortfall', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Surplus', numberFormat: NUMBER_FORMATS.integer },
  { header: 'Unit price', numberFormat: NUMBER_FORMATS.money },
  { header: 'Currency', width: 9 },
  { header: 'Exposure', numberFormat: NUMBER_FORMATS.money },
  { header: 'Billing', width: 13 },
  { header: 'Usage reported', width: 14 },
] as const satisfies readonly SheetColumn[];

/** 0-based index of a Positions column by header. */
export function positionColumn(header: (typeof POSITION_COLUMNS)[number]['header']): number {
  return POSITION_COLUMNS.findIndex((column) => column.header === header);
}

/** A decimal money string as a sheet number (cells are doubles; the string is exact). */
export const moneyNumber = (money: Money | null): number | null =>
  money === null ? null : Number(money.amount);

/**
 * The Positions sheet: one Excel table `Positions`, a row per Virtual Account × license, with
 * the unit true-up price and exposure where priced, the billing type and when usage was last
 * reported ("not reported" when never on or before the date). Names from data stay text.
 */
export function positionsSheet(rows: readonly PositionSheetRow[]): SheetModel {
  return {
    name: 'Positions',
    tableName: 'Positions',
    inputs: [],
    columns: POSITION_COLUMNS,
    key: ['Virtual Account', 'License'],
    highlightPositive: 'Shortfall',
    rows: rows.map((row): Cell[] => [
      row.virtualAccountName,
      row.licenseName,
      row.productFamily,
      row.owned,
      row.consumed,
      row.reserved,
      row.balance,
      row.shortfall,
      row.surplus,
      moneyNumber(row.unitPrice),
      row.unitPrice?.currency ?? row.exposure?.currency ?? null,
      moneyNumber(row.exposure),
      row.billing,
      // A date as text (ISO, the API's form), or a clear "not reported" instead of a confident 0.
      row.usageReportedAt ?? NOT_REPORTED,
    ]),
  };
}
