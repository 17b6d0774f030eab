import { NUMBER_FORMATS, type CellValue, type SheetModel } from './sheet-model.js';

/** A what-if move: `quantity` of `license` from one Virtual Account to another (by name). */
export interface Move {
  readonly license: string;
  readonly quantity: number;
  readonly from: string;
  readonly to: string;
}

export const MOVE_COLUMNS = ['License', 'Quantity', 'From', 'To'] as const;
/** Blank rows offered under the moves, so there is room to type without resizing the table. */
const BLANK_ROWS = 5;

/** The `Moves` table the user edits (drop-downs come from the `Trueup lists` sheet). */
export function movesSheet(moves: readonly Move[]): SheetModel {
  return {
    name: 'Moves',
    tableName: 'Moves',
    inputs: [],
    columns: [
      { header: 'License', width: 40 },
      { header: 'Quantity', numberFormat: NUMBER_FORMATS.integer },
      { header: 'From', width: 24 },
      { header: 'To', width: 24 },
    ],
    rows: [
      ...moves.map((m) => [m.license, m.quantity, m.from, m.to]),
      ...Array.from({ length: BLANK_ROWS }, () => [null, null, null, null]),
    ],
  };
}

/** The names the drop-downs offer: Virtual Accounts in column A, licenses in column B. */
export function listsSheet(
  virtualAccounts: readonly string[],
  licenses: readonly string[],
): SheetModel {
  const sorted = (names: readonly string[]) =>
    [...new Set(names)].sort((a, b) => a.localeCompare(b));
  const vas = sorted(virtualAccounts);
  const lics = sorted(licenses);
  return {
    name: 'Trueup lists',
    tableName: 'TrueupLists',
    inputs: [],
    columns: [{ header: 'Virtual Account' }, { header: 'License' }],
    rows: Array.from({ length: Math.max(vas.length, lics.length, 1) }, (_, i) => [
      vas[i] ?? null,
      lics[i] ?? null,
    ]),
  };
}

export interface MoveIssue {
  /** 1-based row of the Moves table's data (row 1 = first move). */
  readonly row: number;
  readonly message: string;
}

/**
 * Reads the Moves table back (header + rows as Excel returns them). Blank rows are skipped; a
 * row with a missing name or a quantity that is not a positive whole number is an issue.
 */
export function parseMoves(grid: readonly (readonly CellValue[])[]): {
  moves: Move[];
  issues: MoveIssue[];
} {
  const [header = [], ...rows] = grid;
  const at = MOVE_COLUMNS.map((name) => header.findIndex((h) => String(h).trim() === name));
  const missing = MOVE_COLUMNS.filter((_, i) => at[i] === -1);
  if (missing.length > 0) {
    return {
      moves: [],
      issues: [{ row: 0, message: `The Moves table lacks ${missing.join(', ')}.` }],
    };
  }
  const moves: Move[] = [];
  const issues: MoveIssue[] = [];
  rows.forEach((row, index) => {
    const [license = null, quantity = null, from = null, to = null] = at.map((i) => row[i] ?? null);
    const text = (v: CellValue) => (v === null ? '' : String(v).trim());
    if ([license, quantity, from, to].every((v) => text(v) === '')) return;
    const q = typeof quantity === 'number' ? quantity : Number(text(quantity));
    const problems = [
      text(license) === '' ? 'no license' : '',
      !Number.isSafeInteger(q) || q <= 0 ? 'quantity must be a whole number above 0' : '',
      text(from) === '' ? 'no From' : '',
      text(to) === '' ? 'no To' : '',
    ].filter(Boolean);
    if (problems.length > 0) issues.push({ row: index + 1, message: problems.join(', ') });
    else moves.push({ license: text(license), quantity: q, from: text(from), to: text(to) });
  });
  return { moves, issues };
}
