import type { Money } from './positions-sheet.js';
import { NUMBER_FORMATS, type SheetModel } from './sheet-model.js';

interface Line {
  readonly owned: number;
  readonly consumed: number;
  readonly balance: number;
  readonly shortfall: number;
  readonly surplus: number;
}

/** What `simulateReallocation` returns, as far as the sheet shows it. */
export interface WhatIfResult {
  readonly asOf: string;
  readonly feasible: boolean;
  readonly shortfallChange: number;
  readonly surplusChange: number;
  readonly exposureBefore: readonly Money[];
  readonly exposureAfter: readonly Money[];
  readonly exposureChange: readonly Money[];
  readonly lines: readonly {
    readonly virtualAccountName: string;
    readonly licenseName: string;
    readonly before: Line;
    readonly after: Line;
  }[];
}

const moneyText = (amounts: readonly Money[]) =>
  amounts.length === 0 ? '0' : amounts.map((m) => `${m.amount} ${m.currency}`).join('; ');

/**
 * The What-if sheet: the totals as inputs on top (as of, feasible, shortfall and surplus change,
 * exposure before/after/change per currency), then a before → after table of every line the
 * moves touch.
 */
export function whatIfSheet(result: WhatIfResult): SheetModel {
  const int = NUMBER_FORMATS.integer;
  return {
    name: 'What-if',
    tableName: 'WhatIf',
    inputs: [
      { key: 'asOf', label: 'As of', value: result.asOf },
      { key: 'feasible', label: 'Feasible', value: result.feasible ? 'yes' : 'no' },
      {
        key: 'shortfallChange',
        label: 'Shortfall change',
        value: result.shortfallChange,
        numberFormat: int,
      },
      {
        key: 'surplusChange',
        label: 'Surplus change',
        value: result.surplusChange,
        numberFormat: int,
      },
      { key: 'exposureBefore', label: 'Exposure before', value: moneyText(result.exposureBefore) },
      { key: 'exposureAfter', label: 'Exposure after', value: moneyText(result.exposureAfter) },
      { key: 'exposureChange', label: 'Exposure change', value: moneyText(result.exposureChange) },
    ],
    columns: [
      { header: 'Virtual Account', width: 24 },
      { header: 'License', width: 40 },
      ...['Owned', 'Consumed', 'Balance', 'Shortfall', 'Surplus'].flatMap((h) => [
        { header: `${h} before`, numberFormat: int },
        { header: `${h} after`, numberFormat: int },
      ]),
    ],
    rows: result.lines.map((l) => [
      l.virtualAccountName,
      l.licenseName,
      l.before.owned,
      l.after.owned,
      l.before.consumed,
      l.after.consumed,
      l.before.balance,
      l.after.balance,
      l.before.shortfall,
      l.after.shortfall,
      l.before.surplus,
      l.after.surplus,
    ]),
  };
}
