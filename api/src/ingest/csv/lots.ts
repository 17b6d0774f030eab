import type { IssueCollector } from '../issues.js';
import type { LotRecord, SourceLocation } from '../records.js';

import type { TableRow } from './table.js';
import { checkEndAfterStart, readDate, readInteger } from './values.js';

/** The transaction-detail columns of a licenses export: one entitlement lot per row. */
export const LOT_COLUMNS = {
  licenseType: { aliases: ['License Type'] },
  startDate: { aliases: ['Start Date'] },
  endDate: { aliases: ['Expiration Date', 'End Date'] },
  subscriptionId: { aliases: ['Subscription ID'] },
  sku: { aliases: ['Product SKU', 'SKU'] },
  orderNumber: { aliases: ['Order Number'] },
  lotQuantity: { aliases: ['Quantity Purchased'] },
} as const;

export type LotKey = keyof typeof LOT_COLUMNS;
export const LOT_KEYS = Object.keys(LOT_COLUMNS) as LotKey[];

/** A lot read from one detail row; `quantity` null when the row does not state it. */
export interface PendingLot extends Omit<LotRecord, 'quantity'> {
  readonly quantity: number | null;
  readonly at: SourceLocation;
}

/** Lot types CSSM shows; subscriptions, demos and evaluations end, so they count as TERM. */
const LICENSE_TYPES: Readonly<Record<string, LotRecord['licenseType']>> = {
  term: 'TERM',
  subscription: 'TERM',
  demo: 'TERM',
  evaluation: 'TERM',
  perpetual: 'PERPETUAL',
};

/**
 * Reads the lot of a transaction-detail row, or returns null when all its lot cells are blank.
 * A blank `License Type` is TERM when the row has an end date, else UNKNOWN.
 */
export function readLot<K extends string>(
  row: TableRow<K | LotKey>,
  issues: IssueCollector,
): PendingLot | null {
  if (LOT_KEYS.every((key) => row.text(key) === null)) return null;
  const quantity = readInteger(row, 'lotQuantity', issues, { label: 'Quantity Purchased' });
  const startDate = readDate(row, 'startDate', issues, 'Start Date');
  const endDate = readDate(row, 'endDate', issues, 'Expiration Date');
  checkEndAfterStart(row, { start: startDate, end: endDate, endKey: 'endDate' }, issues);
  const typeText = row.text('licenseType');
  // PERPETUAL only when stated: a blank type without an end date is UNKNOWN (the importer types
  // it from the catalog or the name if it can).
  let licenseType: LotRecord['licenseType'] = endDate === null ? 'UNKNOWN' : 'TERM';
  if (typeText !== null) {
    const known = LICENSE_TYPES[typeText.toLowerCase()];
    if (known) licenseType = known;
    else {
      issues.error(
        'UNKNOWN_VALUE',
        row.at('licenseType'),
        `License Type "${typeText}" is not one of Term, Perpetual, Subscription, Demo, Evaluation`,
      );
    }
  }
  return {
    quantity,
    licenseType,
    startDate,
    endDate,
    subscriptionId: row.text('subscriptionId'),
    orderNumber: row.text('orderNumber'),
    sku: row.text('sku'),
    at: row.at('lotQuantity'),
  };
}
