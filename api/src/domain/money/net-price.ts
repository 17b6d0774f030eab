import { assert } from '../errors.js';

/**
 * Net unit price in minor units: list × (1 − discount), with the discount in basis points
 * (1 % = 100 bp), rounded down to the minor unit so a discount never rounds up a bill.
 */
export function netUnitPriceMinor(listPriceMinor: bigint, discountBasisPoints: number): bigint {
  assert(
    Number.isSafeInteger(discountBasisPoints) &&
      discountBasisPoints >= 0 &&
      discountBasisPoints <= 10_000,
    'INVALID_QUANTITY',
    'a discount must be 0–10000 basis points',
    { discountBasisPoints },
  );
  assert(listPriceMinor >= 0n, 'INVALID_QUANTITY', 'a list price cannot be negative', {
    listPriceMinor: String(listPriceMinor),
  });
  return (listPriceMinor * BigInt(10_000 - discountBasisPoints)) / 10_000n;
}

/** Minor units as a decimal string for the edges, e.g. 123456n with 2 decimals → "1234.56". */
export function formatMinor(amountMinor: bigint, decimals = 2): string {
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}
