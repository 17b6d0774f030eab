import { NUMBER_FORMATS, type Cell, type SheetColumn, type SheetModel } from './sheet-model.js';

/** Money as the API returns it: a decimal string (`"1234.50"`) and an ISO currency. */
export interface MoneyValue {
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
  readonly unitPrice: MoneyValue | null;
  /** shortfall × unit price, null when unpriced. */
  readonly exposure: MoneyValue | null;
}

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
] as const satisfies readonly SheetColumn[];

/** 0-based index of a Positions column by header. */
export function positionColumn(header: (typeof POSITION_COLUMNS)[number]['header']): number {
  return POSITION_COLUMNS.findIndex((column) => column.header === header);
}

/** A decimal money string as a sheet number (cells are doubles; the string is exact). */
export const moneyNumber = (money: MoneyValue | null): number | null =>
  money === null ? null : Number(money.amount);

/**
 * The Positions sheet: one Excel table `Positions`, a row per Virtual Account × license, with
 * the unit true-up price and exposure where priced. Names from data stay text.
 */
export function positionsSheet(rows: readonly PositionSheetRow[]): SheetModel {
  return {
    name: 'Positions',
    tableName: 'Positions',
    inputs: [],
    columns: POSITION_COLUMNS,
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
    ]),
  };
}
