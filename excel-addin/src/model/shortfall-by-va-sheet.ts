import { NUMBER_FORMATS, type SheetModel } from './sheet-model.js';

/**
 * Chart data: shortfall and surplus per Virtual Account, as SUMIFS formulas over the Positions
 * table, so Excel keeps them current when Positions is refreshed or edited. One row per Virtual
 * Account name given (deduplicated, sorted).
 */
export function shortfallByVirtualAccountSheet(virtualAccounts: readonly string[]): SheetModel {
  const names = [...new Set(virtualAccounts)].sort((a, b) => a.localeCompare(b));
  const sum = (column: string) => ({
    formula: `SUMIFS(Positions[${column}],Positions[Virtual Account],[@[Virtual Account]])`,
  });
  return {
    name: 'Shortfall by VA',
    tableName: 'ShortfallByVA',
    inputs: [],
    columns: [
      { header: 'Virtual Account', width: 24 },
      { header: 'Shortfall', numberFormat: NUMBER_FORMATS.integer },
      { header: 'Surplus', numberFormat: NUMBER_FORMATS.integer },
    ],
    rows: names.map((name) => [name, sum('Shortfall'), sum('Surplus')]),
  };
}
