import type { Db, DbHandle } from '@trueup/db';

import { entryAt, unitTrueUpPrice, type IsoDate } from '../../domain/index.js';

import { priceRows } from './price-rows.js';

/**
 * The net unit true-up price of every priced license of a Smart Account at `asOf`: list ×
 * (1 − discount) of the entry valid then (latest valid-from ≤ asOf), rounded down to the minor
 * unit. A license priced in several currencies gets the entry with the latest valid-from, ties
 * broken by currency code. Unpriced licenses are absent from the map. `executor` reads inside a
 * caller's transaction.
 */
export async function unitTrueUpPrices(
  handle: DbHandle,
  smartAccountId: number,
  asOf: IsoDate,
  executor?: Db,
): Promise<Map<number, { amountMinor: bigint; currency: string }>> {
  const rows = await priceRows(handle, { smartAccountIds: [smartAccountId], asOf }, executor);
  const byLicense = new Map<number, (typeof rows)[number][]>();
  for (const row of rows)
    byLicense.set(row.licenseId, [...(byLicense.get(row.licenseId) ?? []), row]);
  const prices = new Map<number, { amountMinor: bigint; currency: string }>();
  for (const [licenseId, entries] of byLicense) {
    const entry = entryAt(entries, asOf);
    if (entry) prices.set(licenseId, unitTrueUpPrice(entry));
  }
  return prices;
}
