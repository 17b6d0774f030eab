import type { CellField } from './cell-batcher.js';

/** Function id (public/functions.json) → the position field it returns. */
export const CELL_FUNCTIONS: Readonly<Record<string, CellField>> = {
  OWNED: 'owned',
  CONSUMED: 'consumed',
  BALANCE: 'balance',
  SHORTFALL: 'shortfall',
  EXPOSURE: 'exposure',
};

/** Every id register.ts associates. */
export const CELL_FUNCTIONS_IDS = Object.keys(CELL_FUNCTIONS);
