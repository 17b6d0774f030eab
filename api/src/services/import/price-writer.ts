import { sql } from 'drizzle-orm';

import { priceBookEntries } from '@trueup/db';

import type { PriceRecord } from '../../ingest/index.js';

import type { WriteContext } from './record-writer.js';

/**
 * Applies one price book line: upserts the license's price in that currency from its
 * valid-from date (the import's as-of when the file gives none). A line for an unknown license
 * creates the license, as the catalog does.
 */
export async function writePriceEntry(context: WriteContext, record: PriceRecord): Promise<void> {
  const { tx, names, counts, asOf } = context;
  const licenseId = await names.license(record.license, null);
  const values = {
    licenseType: record.licenseType,
    listPriceMinor: record.listPriceMinor,
    discountBasisPoints: record.discountBasisPoints,
    supportRateBasisPoints: record.supportRateBasisPoints,
    eaSuite: record.eaSuite,
    inEnterpriseAgreement: record.inEnterpriseAgreement,
    eaUnitPriceMinor: record.eaUnitPriceMinor,
  };
  const [row] = await tx
    .insert(priceBookEntries)
    .values({
      smartAccountId: names.smartAccountId,
      licenseId,
      currency: record.currency,
      validFrom: record.validFrom ?? asOf,
      ...values,
    })
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
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  if (row?.inserted) counts.created.priceBookEntries++;
  else counts.updated.priceBookEntries++;
}
