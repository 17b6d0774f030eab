import type { PriceRecord } from '../../ingest/index.js';
import { upsertPriceEntry } from '../money/price-upsert.js';

import type { WriteContext } from './record-writer.js';

/**
 * Applies one price book line: upserts the license's price in that currency from its
 * valid-from date (the import's as-of when the file gives none). A line for an unknown license
 * creates the license, as the catalog does.
 */
export async function writePriceEntry(context: WriteContext, record: PriceRecord): Promise<void> {
  const { tx, names, counts, asOf } = context;
  const licenseId = await names.license(record.license, null);
  const row = await upsertPriceEntry(
    tx,
    {
      smartAccountId: names.smartAccountId,
      licenseId,
      currency: record.currency,
      validFrom: record.validFrom ?? asOf,
    },
    record,
  );
  if (row.inserted) counts.created.priceBookEntries++;
  else counts.updated.priceBookEntries++;
}
