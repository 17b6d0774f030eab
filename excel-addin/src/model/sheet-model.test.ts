import { describe, expect, it } from 'vitest';

import { positionsSheet } from './positions-sheet.js';
import { columnLetter, layoutOf, looksLikeFormula, toOfficeValue } from './sheet-model.js';

describe('sheet model', () => {
  it('names columns like Excel', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('places inputs from row 1 and the table after a blank row', () => {
    const layout = layoutOf({
      inputs: [
        { key: 'a', label: 'A', value: 1 },
        { key: 'b', label: 'B', value: 2 },
      ],
      rows: [[1], [2], [3]],
    });
    expect(layout.inputAddress('b')).toBe('$B$2');
    expect(layout.headerRow).toBe(4);
    expect(layout.columnRange(2)).toBe('$C$5:$C$7');
    expect(() => layout.inputAddress('c')).toThrow(RangeError);
  });

  it('treats data strings that start like formulas as text', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(looksLikeFormula(text)).toBe(true);
    expect(looksLikeFormula('a=1')).toBe(false);
    expect(toOfficeValue('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(toOfficeValue({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(toOfficeValue(null)).toBe('');
    // Text Excel would turn into a number, or whose apostrophe it would eat, stays as typed.
    expect(['007', "'quoted", '1e3', 'DNA'].map(toOfficeValue)).toEqual([
      "'007",
      "''quoted",
      "'1e3",
      'DNA',
    ]);
  });

  it('builds the Positions table with prices as numbers and unpriced lines blank', () => {
    const model = positionsSheet([
      {
        virtualAccountName: '=cmd|"/c calc"!A1',
        licenseName: 'DNA Advantage',
        productFamily: null,
        owned: 5,
        consumed: 8,
        reserved: 0,
        balance: -3,
        shortfall: 3,
        surplus: 0,
        unitPrice: { amount: '1200.50', currency: 'USD' },
        exposure: { amount: '3601.50', currency: 'USD' },
        billing: 'PREPAID',
        usageReportedAt: '2026-11-28',
      },
      {
        virtualAccountName: 'Lab',
        licenseName: 'Unpriced',
        productFamily: 'x',
        owned: 1,
        consumed: 0,
        reserved: 0,
        balance: 1,
        shortfall: 0,
        surplus: 1,
        unitPrice: null,
        exposure: null,
        billing: 'UNKNOWN',
        usageReportedAt: null,
      },
    ]);
    expect(model.tableName).toBe('Positions');
    expect(model.rows[0]).toEqual([
      '=cmd|"/c calc"!A1',
      'DNA Advantage',
      null,
      5,
      8,
      0,
      -3,
      3,
      0,
      1200.5,
      'USD',
      3601.5,
      'PREPAID',
      '2026-11-28',
    ]);
    // No usage report on or before the date: said in words, not a confident 0.
    expect(model.rows[1]?.slice(9)).toEqual([null, null, null, 'UNKNOWN', 'not reported']);
    expect(toOfficeValue(model.rows[0]?.[0] ?? null)).toBe('\'=cmd|"/c calc"!A1');
  });
});
