import { describe, expect, it } from 'vitest';

import { listsSheet, movesSheet, parseMoves } from './moves-sheet.js';
import { whatIfSheet } from './what-if-sheet.js';

describe('moves sheet', () => {
  it('round-trips moves through the grid Excel returns, skipping blank rows', () => {
    const moves = [
      { license: 'DNA Advantage', quantity: 3, from: 'Lab', to: 'Prod' },
      { license: '=HYPERLINK("x")', quantity: 1, from: 'A', to: 'B' },
    ];
    const model = movesSheet(moves);
    const grid = [
      model.columns.map((c) => c.header),
      ...model.rows.map((r) => r.map((c) => (c === null ? '' : (c as string | number)))),
    ];
    expect(parseMoves(grid)).toEqual({ moves, issues: [] });
  });

  it('reports bad rows by their row number and keeps the good ones', () => {
    const grid = [
      ['License', 'Quantity', 'From', 'To'],
      ['L', 2, 'A', 'B'],
      ['L', 'two', 'A', 'B'],
      ['', 1, '', 'B'],
      ['', '', '', ''],
    ];
    expect(parseMoves(grid)).toEqual({
      moves: [{ license: 'L', quantity: 2, from: 'A', to: 'B' }],
      issues: [
        { row: 2, message: 'quantity must be a whole number above 0' },
        { row: 3, message: 'no license, no From' },
      ],
    });
  });

  it('names a missing column', () => {
    expect(parseMoves([['License', 'Qty']]).issues[0]?.message).toBe(
      'The Moves table lacks Quantity, From, To.',
    );
  });

  it('lists Virtual Accounts and licenses side by side, sorted and unique', () => {
    expect(listsSheet(['b', 'a', 'b'], ['x']).rows).toEqual([
      ['a', 'x'],
      ['b', null],
    ]);
  });
});

describe('whatIfSheet', () => {
  it('shows totals as inputs and each touched line before and after', () => {
    const line = (owned: number) => ({
      owned,
      consumed: 4,
      balance: owned - 4,
      shortfall: Math.max(0, 4 - owned),
      surplus: Math.max(0, owned - 4),
    });
    const model = whatIfSheet({
      asOf: '2026-05-01',
      feasible: true,
      shortfallChange: -2,
      surplusChange: -2,
      exposureBefore: [{ amount: '200.00', currency: 'USD' }],
      exposureAfter: [],
      exposureChange: [{ amount: '-200.00', currency: 'USD' }],
      lines: [{ virtualAccountName: 'Prod', licenseName: 'L', before: line(2), after: line(4) }],
    });
    expect(model.inputs.map((i) => [i.label, i.value])).toEqual([
      ['As of', '2026-05-01'],
      ['Feasible', 'yes'],
      ['Shortfall change', -2],
      ['Surplus change', -2],
      ['Exposure before', '200.00 USD'],
      ['Exposure after', '0'],
      ['Exposure change', '-200.00 USD'],
    ]);
    expect(model.rows).toEqual([['Prod', 'L', 2, 4, 4, 4, -2, 0, 2, 0, 0, 0]]);
  });
});
