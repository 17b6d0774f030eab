import { describe, expect, it } from 'vitest';

import { POSITION_COLUMNS } from './positions-sheet.js';
import { shortfallByVirtualAccountSheet } from './shortfall-by-va-sheet.js';

describe('shortfallByVirtualAccountSheet', () => {
  it('has one row per Virtual Account, summing the Positions table with formulas', () => {
    const model = shortfallByVirtualAccountSheet(['Sales', 'Eng', 'Sales']);
    expect(model.rows).toEqual([
      [
        'Eng',
        { formula: 'SUMIFS(Positions[Shortfall],Positions[Virtual Account],[@[Virtual Account]])' },
        { formula: 'SUMIFS(Positions[Surplus],Positions[Virtual Account],[@[Virtual Account]])' },
      ],
      [
        'Sales',
        { formula: 'SUMIFS(Positions[Shortfall],Positions[Virtual Account],[@[Virtual Account]])' },
        { formula: 'SUMIFS(Positions[Surplus],Positions[Virtual Account],[@[Virtual Account]])' },
      ],
    ]);
  });

  it('refers only to columns the Positions table has', () => {
    const headers: string[] = POSITION_COLUMNS.map((c) => c.header);
    for (const column of ['Shortfall', 'Surplus', 'Virtual Account']) {
      expect(headers).toContain(column);
    }
  });
});
