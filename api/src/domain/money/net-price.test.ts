import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatMinor, netUnitPriceMinor } from './net-price.js';

describe('netUnitPriceMinor', () => {
  it('applies a basis-point discount and rounds down', () => {
    expect(netUnitPriceMinor(100_00n, 2_500)).toBe(75_00n);
    expect(netUnitPriceMinor(999n, 3_333)).toBe(666n); // 999 × 0.6667 = 666.03
  });
  it('never exceeds the list price nor goes below zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 10_000 }),
        (list, bp) => {
          const net = netUnitPriceMinor(list, bp);
          expect(net >= 0n && net <= list).toBe(true);
        },
      ),
    );
  });
  it('rejects discounts outside 0–100 %', () => {
    expect(() => netUnitPriceMinor(100n, 10_001)).toThrow(/basis points/);
  });
});

describe('formatMinor', () => {
  it('writes minor units as a decimal string', () => {
    expect([
      formatMinor(123456n),
      formatMinor(5n),
      formatMinor(-1050n),
      formatMinor(7n, 0),
    ]).toEqual(['1234.56', '0.05', '-10.50', '7']);
  });
});
