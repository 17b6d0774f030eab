import { assert } from '../errors.js';

import { isCurrency } from './currency.js';

/**
 * An amount of money: integer minor units (cents for USD/EUR) and an ISO 4217 currency. The
 * dinero.js idea without the library: immutable values, operations that refuse to mix
 * currencies, no floats. All currencies here use two decimals (the price book's currencies).
 */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Builds a Money, checking the currency code. */
export function money(amountMinor: bigint, currency: string): Money {
  assert(
    isCurrency(currency),
    'INVALID_PRICE',
    `"${currency}" is not a currency the price book accepts (ISO 4217, two decimals)`,
    {
      currency,
    },
  );
  return { amountMinor, currency };
}

function sameCurrency(a: Money, b: Money): void {
  assert(a.currency === b.currency, 'CURRENCY_MISMATCH', 'cannot mix currencies', {
    left: a.currency,
    right: b.currency,
  });
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

/** Money × an integer quantity (exact). */
export function multiplyMoney(amount: Money, quantity: number | bigint): Money {
  const factor = typeof quantity === 'bigint' ? quantity : BigInt(quantity);
  return { amountMinor: amount.amountMinor * factor, currency: amount.currency };
}

/**
 * Totals per currency (currencies never mix), sorted by currency code. Amounts of one currency
 * add exactly.
 */
export function totalsByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<string, bigint>();
  for (const amount of amounts)
    totals.set(amount.currency, (totals.get(amount.currency) ?? 0n) + amount.amountMinor);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amountMinor]) => ({ amountMinor, currency }));
}

/** `numerator / denominator` rounded down (toward −∞); denominator > 0. */
export function divideFloor(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n ? q - 1n : q;
}

/**
 * `numerator / denominator` rounded to the nearest integer, ties away from zero (what Excel's and
 * LibreOffice's ROUND do, so sheets recompute the same figures); denominator > 0.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n) return -divideHalfUp(-numerator, denominator);
  return divideFloor(2n * numerator + denominator, 2n * denominator);
}

/**
 * Parses a decimal amount (`"1234.5"`, `"1,234.50"` not accepted) into minor units, exactly.
 * Returns null for anything but an optional sign, digits and at most `decimals` decimals.
 */
export function parseMinor(text: string, decimals = 2): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const minor = BigInt(whole + fraction.padEnd(decimals, '0'));
  return sign === '-' ? -minor : minor;
}
