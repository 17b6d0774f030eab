import { sql } from 'drizzle-orm';

import { priceBookEntries, type Db } from '@trueup/db';

type PriceEntryRow = typeof priceBookEntries.$inferInsert;

/** What identifies a price book entry: one license's price in one currency from one date. */
export type PriceEntryKey = Pick<
  PriceEntryRow,
  'smartAccountId' | 'licenseId' | 'currency' | 'validFrom'
>;

/** What an entry says (replaced whole when the same key is written again). */
export type PriceEntryValues = Pick<
  PriceEntryRow,
  | 'licenseType'
  | 'listPriceMinor'
  | 'discountBasisPoints'
  | 'supportRateBasisPoints'
  | 'eaSuite'
  | 'inEnterpriseAgreement'
  | 'eaUnitPriceMinor'
>;

/**
 * Writes one price book entry, the one way both the price book import and `setPrice` do:
 * inserted, or the values of the entry with the same key replaced. Returns its id and whether
 * it is new.
 */
export async function upsertPriceEntry(
  db: Db,
  key: PriceEntryKey,
  entry: PriceEntryValues,
): Promise<{ id: number; inserted: boolean }> {
  const values: PriceEntryValues = {
    licenseType: entry.licenseType,
    listPriceMinor: entry.listPriceMinor,
    discountBasisPoints: entry.discountBasisPoints,
    supportRateBasisPoints: entry.supportRateBasisPoints,
    eaSuite: entry.eaSuite,
    inEnterpriseAgreement: entry.inEnterpriseAgreement,
    eaUnitPriceMinor: entry.eaUnitPriceMinor,
  };
  const [row] = await db
    .insert(priceBookEntries)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [
        priceBookEntries.smartAccountId,
        priceBookEntries.licenseId,
        priceBookEntries.currency,
        priceBookEntries.validFrom,
      ],
      set: values,
    })
    // xmax = 0 only on a freshly inserted row version.
    .returning({ id: priceBookEntries.id, inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('the price book upsert returned no row');
  return row;
}
