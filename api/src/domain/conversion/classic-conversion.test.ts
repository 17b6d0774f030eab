import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import { planConversion, type ConvertibleLot } from './classic-conversion.js';

const classic: ConvertibleLot = {
  id: 7,
  virtualAccountId: 3,
  quantity: 10,
  source: 'CLASSIC_PAK',
  licenseType: 'PERPETUAL',
  startDate: '2025-01-01',
  endDate: null,
};
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('planConversion', () => {
  it('puts the SMART part in the chosen Virtual Account and keeps the rest where the PAK was', () => {
    const plan = planConversion({
      lot: classic,
      quantity: 6,
      asOf: '2026-03-01',
      intoVirtualAccountId: 9,
    });
    expect([plan.smartLot.virtualAccountId, plan.remainderLot?.virtualAccountId]).toEqual([9, 3]);
  });

  it('splits a lot into a SMART part and a CLASSIC_PAK rest, both children of the source', () => {
    expect(planConversion({ lot: classic, quantity: 6, asOf: '2026-03-01' })).toEqual({
      quantity: 6,
      supersedeSourceOn: '2026-03-01',
      smartLot: {
        virtualAccountId: 3,
        source: 'SMART',
        quantity: 6,
        effectiveFrom: '2026-03-01',
        supersededOn: null,
        parentLotId: 7,
      },
      remainderLot: {
        virtualAccountId: 3,
        source: 'CLASSIC_PAK',
        quantity: 4,
        effectiveFrom: '2026-03-01',
        supersededOn: null,
        parentLotId: 7,
      },
    });
  });

  it('converts the whole lot by default, leaving no remainder', () => {
    const plan = planConversion({ lot: classic, asOf: '2026-03-01' });
    expect([plan.quantity, plan.smartLot.quantity, plan.remainderLot]).toEqual([10, 10, null]);
  });

  it('refuses smart lots, lots that do not count on the date, and bad quantities', () => {
    const asOf = '2026-03-01';
    expect(codeOf(() => planConversion({ lot: { ...classic, source: 'SMART' }, asOf }))).toBe(
      'NOT_CLASSIC_LOT',
    );
    for (const lot of [
      { ...classic, startDate: '2026-04-01' },
      { ...classic, licenseType: 'TERM' as const, endDate: '2026-02-28' },
      { ...classic, supersededOn: '2026-06-01' },
      { ...classic, effectiveFrom: '2026-03-02' },
    ])
      expect(codeOf(() => planConversion({ lot, asOf }))).toBe('LOT_NOT_CONVERTIBLE');
    expect(codeOf(() => planConversion({ lot: classic, quantity: 11, asOf }))).toBe('EXCEEDS_LOT');
    expect(codeOf(() => planConversion({ lot: classic, quantity: 0, asOf }))).toBe(
      'INVALID_QUANTITY',
    );
  });
});
