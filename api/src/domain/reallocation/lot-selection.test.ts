import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import { selectLots } from './lot-selection.js';
import { lot } from './test-estate.js';

describe('selectLots', () => {
  const lots = [
    lot(14, 1, 7, 5, { licenseType: 'TERM', endDate: '2027-03-31' }),
    lot(12, 1, 7, 5, { licenseType: 'TERM', endDate: '2029-12-31' }),
    lot(11, 1, 7, 5, { licenseType: 'TERM', endDate: '2029-12-31' }),
    lot(13, 1, 7, 2, { licenseType: 'PERPETUAL' }),
    lot(10, 1, 7, 9, { source: 'CLASSIC_PAK' }),
  ];

  it('takes perpetual first, then the longest remaining term, ties by lot id', () => {
    const selection = selectLots(lots, 14);
    expect(selection.allocations.map((a) => [a.lotId, a.quantity])).toEqual([
      [13, 2],
      [11, 5],
      [12, 5],
      [14, 2],
    ]);
    expect(selection.missing).toBe(0);
  });

  it('never takes classic PAK lots and reports what the SMART lots lack', () => {
    const selection = selectLots(lots, 20);
    expect(selection.allocations.map((a) => a.lotId)).not.toContain(10);
    expect(selection.allocations.reduce((t, a) => t + a.quantity, 0)).toBe(17);
    expect(selection.missing).toBe(3);
  });

  it('restricts the choice to the requested license type', () => {
    const selection = selectLots(lots, 3, 'TERM');
    expect(selection.allocations).toEqual([
      { lotId: 11, originLotId: 11, quantity: 3, licenseType: 'TERM', endDate: '2029-12-31' },
    ]);
    expect(selectLots(lots, 3, 'PERPETUAL').missing).toBe(1);
  });

  it('counts an open-ended term lot as the longest term', () => {
    const openEnded = { ...lot(20, 1, 7, 1, { licenseType: 'TERM' }), endDate: null };
    const selection = selectLots(
      [lots[1], openEnded].filter((l) => l !== undefined),
      1,
      'TERM',
    );
    expect(selection.allocations[0]?.lotId).toBe(20);
  });

  it('takes stored lots before lots created by earlier moves at equal terms', () => {
    const created = { ...lot(0, 1, 7, 4), lotId: null, originLotId: 3 };
    const selection = selectLots([created, lot(30, 1, 7, 1)], 3);
    expect(selection.allocations.map((a) => [a.lotId, a.originLotId, a.quantity])).toEqual([
      [30, 30, 1],
      [null, 3, 2],
    ]);
  });

  it('rejects a quantity that is not a positive integer', () => {
    expect(() => selectLots(lots, 0)).toThrow(DomainError);
    expect(() => selectLots(lots, 1.5)).toThrow(/positive integer/);
  });
});
