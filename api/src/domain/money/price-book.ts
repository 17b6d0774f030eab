import { assert } from '../errors.js';

import { isCurrency } from './currency.js';
import type { Money } from './money.js';
import { netUnitPriceMinor } from './net-price.js';

/** One price book entry as the rules see it (a license's price in one currency from a date). */
export interface PriceEntry {
  readonly licenseId: number;
  readonly currency: string;
  /** TERM: per unit per year; PERPETUAL: one-off per unit; null: as the license's lots. */
  readonly licenseType: 'TERM' | 'PERPETUAL' | null;
  readonly listPriceMinor: bigint;
  readonly discountBasisPoints: number;
  /** SWSS support per unit per year on perpetual licenses, as a share of list. */
  readonly supportRateBasisPoints: number;
  readonly eaSuite: string | null;
  readonly inEnterpriseAgreement: boolean;
  /** Enterprise Agreement price per unit per year; null: the net unit price. */
  readonly eaUnitPriceMinor: bigint | null;
  readonly validFrom: string;
}

const isRate = (bp: number) => Number.isSafeInteger(bp) && bp >= 0 && bp <= 10_000;

/** Checks an entry's figures: currency code, non-negative prices, rates within 0–100 %. */
export function validatePriceEntry(entry: Omit<PriceEntry, 'licenseId' | 'validFrom'>): void {
  assert(isCurrency(entry.currency), 'INVALID_PRICE', `"${entry.currency}" is not a currency`, {
    currency: entry.currency,
  });
  assert(entry.listPriceMinor >= 0n, 'INVALID_PRICE', 'a list price cannot be negative');
  assert(
    entry.eaUnitPriceMinor === null || entry.eaUnitPriceMinor >= 0n,
    'INVALID_PRICE',
    'an EA price cannot be negative',
  );
  assert(isRate(entry.discountBasisPoints), 'INVALID_PRICE', 'a discount must be 0–100 %', {
    discountBasisPoints: entry.discountBasisPoints,
  });
  assert(isRate(entry.supportRateBasisPoints), 'INVALID_PRICE', 'a support rate must be 0–100 %', {
    supportRateBasisPoints: entry.supportRateBasisPoints,
  });
}

/** The unit true-up price: list × (1 − discount), rounded down to the minor unit. */
export const unitTrueUpPrice = (entry: PriceEntry): Money => ({
  amountMinor: netUnitPriceMinor(entry.listPriceMinor, entry.discountBasisPoints),
  currency: entry.currency,
});

/** The entry in force at `asOf`: the latest `validFrom` ≤ asOf (ties: currency order). */
export function entryAt<T extends Pick<PriceEntry, 'validFrom' | 'currency'>>(
  entries: readonly T[],
  asOf: string,
): T | null {
  let best: T | null = null;
  for (const entry of entries) {
    if (entry.validFrom > asOf) continue;
    if (
      best === null ||
      entry.validFrom > best.validFrom ||
      (entry.validFrom === best.validFrom && entry.currency < best.currency)
    )
      best = entry;
  }
  return best;
}
