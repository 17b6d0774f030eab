import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { PositionLine } from '../position/index.js';
import { positionLine } from '../position/index.js';

import { accountExposure, lineExposure } from './exposure.js';
import type { Money } from './money.js';

const line = (virtualAccountId: number, licenseId: number, owned: number, consumed: number) =>
  positionLine(
    { virtualAccountId, licenseId, ownedSmart: owned, ownedClassic: 0, consumed, reserved: 0 },
    { includeClassic: true },
  );

describe('exposure', () => {
  it('prices a line shortfall, or says null when unpriced', () => {
    expect(lineExposure(3, { amountMinor: 1250n, currency: 'USD' })).toEqual({
      amountMinor: 3750n,
      currency: 'USD',
    });
    expect(lineExposure(3, undefined)).toBeNull();
  });

  it('totals gross and net per currency and family (hand-computed)', () => {
    // License 1 (USD 10.00, Switching): VA 1 short 5, VA 2 surplus 3 → gross 5, net 2.
    // License 2 (EUR 7.00, Wireless): VA 1 short 4 → gross 4, net 4.
    // License 3 (unpriced): VA 2 short 1.
    const result = accountExposure({
      lines: [line(1, 1, 5, 10), line(2, 1, 8, 5), line(1, 2, 0, 4), line(2, 3, 0, 1)],
      prices: new Map([
        [1, { amountMinor: 1000n, currency: 'USD' }],
        [2, { amountMinor: 700n, currency: 'EUR' }],
      ]),
      productFamilies: new Map([
        [1, 'Switching'],
        [2, 'Wireless'],
        [3, null],
      ]),
    });
    expect(result.gross).toEqual([
      { amountMinor: 2800n, currency: 'EUR' },
      { amountMinor: 5000n, currency: 'USD' },
    ]);
    expect(result.net).toEqual([
      { amountMinor: 2800n, currency: 'EUR' },
      { amountMinor: 2000n, currency: 'USD' },
    ]);
    expect(result.curableByReallocation).toEqual([
      { amountMinor: 0n, currency: 'EUR' },
      { amountMinor: 3000n, currency: 'USD' },
    ]);
    expect(result.byProductFamily.map((f) => [f.productFamily, f.gross])).toEqual([
      ['Switching', [{ amountMinor: 5000n, currency: 'USD' }]],
      ['Wireless', [{ amountMinor: 2800n, currency: 'EUR' }]],
      [null, []],
    ]);
    expect(result.unpricedLicenseIds).toEqual([3]);
  });

  it('balances: gross = net + curable and families sum to the total', () => {
    const arbitraryLine = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.nat(50), fc.nat(50))
      .map(([va, lic, owned, consumed]) => line(va, lic, owned, consumed));
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryLine, {
          selector: (l: PositionLine) => `${l.virtualAccountId}|${l.licenseId}`,
        }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 5, maxLength: 5 }),
        (lines, amounts) => {
          const prices = new Map<number, Money>(
            amounts.map((a, i) => [i + 1, { amountMinor: a, currency: i % 2 ? 'EUR' : 'USD' }]),
          );
          const families = new Map([1, 2, 3, 4, 5].map((id) => [id, id > 3 ? 'B' : 'A']));
          const result = accountExposure({ lines, prices, productFamilies: families });
          const sum = (list: readonly Money[], currency: string) =>
            list.filter((m) => m.currency === currency).reduce((a, m) => a + m.amountMinor, 0n);
          for (const currency of ['USD', 'EUR']) {
            expect(sum(result.gross, currency)).toBe(
              sum(result.net, currency) + sum(result.curableByReallocation, currency),
            );
            expect(sum(result.net, currency) <= sum(result.gross, currency)).toBe(true);
            const familyGross = result.byProductFamily.reduce(
              (a, f) => a + sum(f.gross, currency),
              0n,
            );
            expect(familyGross).toBe(sum(result.gross, currency));
          }
        },
      ),
    );
  });
});
