import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addMoney,
  divideFloor,
  divideHalfUp,
  money,
  multiplyMoney,
  parseMinor,
  totalsByCurrency,
} from './money.js';
import { entryAt } from './price-book.js';

describe('money', () => {
  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(1n, 'USD'), money(1n, 'EUR'))).toThrow(/mix currencies/);
    expect(addMoney(money(150n, 'USD'), money(250n, 'USD'))).toEqual(money(400n, 'USD'));
    expect(() => money(1n, 'usd')).toThrow(/currency/);
  });

  it('multiplies by quantities exactly beyond 2^53', () => {
    expect(multiplyMoney(money(9_007_199_254_740_993n, 'USD'), 3).amountMinor).toBe(
      27_021_597_764_222_979n,
    );
  });

  it('totals per currency, conserving every amount', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amountMinor: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
            currency: fc.constantFrom('EUR', 'USD', 'GBP'),
          }),
        ),
        (amounts) => {
          const totals = totalsByCurrency(amounts);
          const sum = (list: readonly { amountMinor: bigint }[]) =>
            list.reduce((a, b) => a + b.amountMinor, 0n);
          expect(sum(totals)).toBe(sum(amounts));
          expect(new Set(totals.map((t) => t.currency)).size).toBe(totals.length);
        },
      ),
    );
  });

  it('divides with floor and half-up rounding', () => {
    expect([divideFloor(7n, 2n), divideFloor(-7n, 2n), divideFloor(6n, 3n)]).toEqual([3n, -4n, 2n]);
    expect([divideHalfUp(5n, 2n), divideHalfUp(4n, 3n), divideHalfUp(5n, 3n)]).toEqual([
      3n,
      1n,
      2n,
    ]);
    expect([divideHalfUp(-5n, 2n), divideHalfUp(-4n, 3n)]).toEqual([-3n, -1n]);
  });

  it('parses decimal amounts exactly', () => {
    expect([
      parseMinor('1234.5'),
      parseMinor('0.07'),
      parseMinor('12'),
      parseMinor('-3.10'),
    ]).toEqual([123450n, 7n, 1200n, -310n]);
    expect([parseMinor('1.234'), parseMinor('1,234.00'), parseMinor('abc')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('entryAt', () => {
  const entries = [
    { validFrom: '2026-01-01', currency: 'USD', id: 1 },
    { validFrom: '2026-06-01', currency: 'USD', id: 2 },
    { validFrom: '2026-06-01', currency: 'EUR', id: 3 },
  ];
  it('takes the latest entry valid at the date', () => {
    expect(entryAt(entries, '2025-12-31')).toBeNull();
    expect(entryAt(entries, '2026-05-31')?.id).toBe(1);
    expect(entryAt(entries, '2026-06-01')?.id).toBe(3);
  });
});
