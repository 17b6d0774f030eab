import type { IssueCollector } from '../issues.js';

/** One logical column: the names it goes by, in order of preference. */
export interface ColumnSpec {
  /** Header names accepted, first = preferred when a file has several of them. */
  readonly aliases: readonly [string, ...string[]];
  readonly required?: boolean;
}

/** The columns a parser reads, by the key it uses for them. */
export type TableSpec<K extends string> = Readonly<Record<K, ColumnSpec>>;

/** 0-based position of each column found in the header row, by key. */
export type ColumnIndex<K extends string> = Readonly<Partial<Record<K, number>>>;

/** Header names compare ignoring case and all whitespace (`In Use` = ` in  use ` = `InUse`). */
export function headerKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/** Lists the header cells as written, for messages: `"License", "In Use"`. */
export function describeColumns(cells: readonly string[]): string {
  const named = cells.map((cell) => cell.trim()).filter((cell) => cell.length > 0);
  return named.length > 0 ? named.map((cell) => JSON.stringify(cell)).join(', ') : '(none)';
}

/** `"Purchased" (or "Available to Use", "Quantity")`: how a column is named in messages. */
export function describeColumn(spec: ColumnSpec): string {
  const [first, ...others] = spec.aliases;
  const rest = others.length > 0 ? ` (or ${others.map((a) => JSON.stringify(a)).join(', ')})` : '';
  return `${JSON.stringify(first)}${rest}`;
}

/**
 * Finds each column of `spec` in a header row by name through its aliases, never by position.
 * When a file has two headers for one column, the alias listed first wins, then the leftmost.
 * Reports `MISSING_COLUMN` at `line`:1 for every required column not found, naming it and
 * listing the columns found; returns null then.
 */
export function matchHeaders<K extends string>(
  cells: readonly string[],
  line: number,
  spec: TableSpec<K>,
  issues: IssueCollector,
): ColumnIndex<K> | null {
  const positions = new Map<string, number>();
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key.length > 0 && !positions.has(key)) positions.set(key, index);
  });
  const index: Partial<Record<K, number>> = {};
  let complete = true;
  for (const key of Object.keys(spec) as K[]) {
    const column = spec[key];
    const found = column.aliases
      .map((alias) => positions.get(headerKey(alias)))
      .find((position) => position !== undefined);
    if (found !== undefined) index[key] = found;
    else if (column.required) {
      complete = false;
      issues.error(
        'MISSING_COLUMN',
        { line, column: 1 },
        `missing column ${describeColumn(column)}; the columns found are ${describeColumns(cells)}`,
      );
    }
  }
  return complete ? index : null;
}
