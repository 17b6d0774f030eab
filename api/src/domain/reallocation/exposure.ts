import type { Money } from '../money/money.js';
import type { PositionLine } from '../position/position.js';

import type { UnitPrice } from './types.js';

/** Running exposure: priced shortfall per currency, unpriced shortfall in units. */
export interface ExposureTally {
  readonly byCurrency: Map<string, bigint>;
  unpricedShortfall: number;
}

export function emptyExposure(): ExposureTally {
  return { byCurrency: new Map(), unpricedShortfall: 0 };
}

/** Adds `sign` × shortfall × unit price of one line (unpriced = units). */
export function addLineExposure(
  tally: ExposureTally,
  line: Pick<PositionLine, 'licenseId' | 'shortfall'>,
  unitPrices: ReadonlyMap<number, UnitPrice>,
  sign: 1 | -1 = 1,
): void {
  if (line.shortfall === 0) return;
  const price = unitPrices.get(line.licenseId);
  if (price === undefined) {
    tally.unpricedShortfall += sign * line.shortfall;
    return;
  }
  const current = tally.byCurrency.get(price.currency) ?? 0n;
  tally.byCurrency.set(
    price.currency,
    current + BigInt(sign) * BigInt(line.shortfall) * price.amountMinor,
  );
}

/** exposure = Σ shortfall × unit true-up price, over all lines. */
export function exposureOf(
  lines: readonly PositionLine[],
  unitPrices: ReadonlyMap<number, UnitPrice>,
): ExposureTally {
  const tally = emptyExposure();
  for (const line of lines) addLineExposure(tally, line, unitPrices);
  return tally;
}

/**
 * Before, after and change as arrays over the same currencies (sorted by code): every currency
 * with a non-zero amount before or after.
 */
export function compareExposure(
  before: ExposureTally,
  after: ExposureTally,
): { before: Money[]; after: Money[]; change: Money[] } {
  const currencies = [...new Set([...before.byCurrency.keys(), ...after.byCurrency.keys()])]
    .filter(
      (currency) =>
        (before.byCurrency.get(currency) ?? 0n) !== 0n ||
        (after.byCurrency.get(currency) ?? 0n) !== 0n,
    )
    .sort();
  const amount = (tally: ExposureTally, currency: string): bigint =>
    tally.byCurrency.get(currency) ?? 0n;
  return {
    before: currencies.map((currency) => ({ currency, amountMinor: amount(before, currency) })),
    after: currencies.map((currency) => ({ currency, amountMinor: amount(after, currency) })),
    change: currencies.map((currency) => ({
      currency,
      amountMinor: amount(after, currency) - amount(before, currency),
    })),
  };
}
