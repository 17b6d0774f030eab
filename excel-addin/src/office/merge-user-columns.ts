import type { Cell } from './cells.js';
import type { SheetWrite } from './sheet-write.js';

/** The previous table as read back (some of its columns): header and data rows. */
export interface PreviousTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * Carries the columns a user added to the previous table over to the new rows, matched by the
 * model's key columns (e.g. Virtual Account + License). Rows that are new get empty user cells;
 * rows that disappeared take their user cells with them.
 */
export function mergeUserColumns(
  model: Pick<SheetWrite, 'columns' | 'rows'>,
  key: SheetWrite['key'],
  previous: PreviousTable | undefined,
): { headers: string[]; rows: Cell[][]; keptColumns: string[] } {
  const ours = model.columns.map((c) => c.header);
  const base = { headers: ours, rows: model.rows.map((r) => [...r]) };
  if (!previous || !key || key.length === 0) return { ...base, keptColumns: [] };
  const kept = previous.header
    .map((header, index) => ({ header, index }))
    .filter(({ header }) => !ours.includes(header));
  if (kept.length === 0) return { ...base, keptColumns: [] };

  const keyOf = (row: readonly Cell[], header: readonly string[]) =>
    JSON.stringify(key.map((k) => row[header.indexOf(k)] ?? null));
  const userCells = new Map<string, Cell[]>();
  for (const row of previous.rows) {
    userCells.set(
      keyOf(row, previous.header),
      kept.map(({ index }) => row[index] ?? null),
    );
  }
  return {
    headers: [...ours, ...kept.map((k) => k.header)],
    rows: model.rows.map((row) => [
      ...row,
      ...(userCells.get(keyOf(row, ours)) ?? kept.map(() => null)),
    ]),
    keptColumns: kept.map((k) => k.header),
  };
}
