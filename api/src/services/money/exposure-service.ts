import { eq } from 'drizzle-orm';

import { licenses, type DbHandle } from '@trueup/db';

import { accountExposure, type AccountExposure, type IsoDate } from '../../domain/index.js';
import { positionLines } from '../position-service.js';

import { unitTrueUpPrices } from './unit-prices.js';

/**
 * Money at stake in a Smart Account's position as of a date: gross, net (after reallocation)
 * and per product family, one amount per currency. Three queries, one domain call.
 */
export async function exposureOf(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; includeClassic: boolean },
): Promise<AccountExposure & { licenseNames: ReadonlyMap<number, string> }> {
  const [lines, prices, families] = await Promise.all([
    positionLines(handle, query),
    unitTrueUpPrices(handle, query.smartAccountId, query.asOf),
    handle.db
      .select({ id: licenses.id, name: licenses.name, productFamily: licenses.productFamily })
      .from(licenses)
      .where(eq(licenses.smartAccountId, query.smartAccountId)),
  ]);
  return {
    ...accountExposure({
      lines,
      prices,
      productFamilies: new Map(families.map((f) => [f.id, f.productFamily])),
    }),
    licenseNames: new Map(families.map((f) => [f.id, f.name])),
  };
}
