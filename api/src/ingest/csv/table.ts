import type { IssueCollector } from '../issues.js';
import type { SourceLocation } from '../records.js';

import { csvRows } from './csv-rows.js';
import { matchHeaders, type ColumnIndex, type TableSpec } from './headers.js';

/** A data row, read by column key rather than by position. */
export class TableRow<K extends string> {
  constructor(
    readonly line: number,
    readonly cells: readonly string[],
    private readonly columns: ColumnIndex<K>,
  ) {}

  /** The cell's text, trimmed; null when the file has no such column or the cell is blank. */
  text(key: K): string | null {
    const index = this.columns[key];
    if (index === undefined) return null;
    const value = this.cells[index]?.trim() ?? '';
    return value.length > 0 ? value : null;
  }

  /** Where the cell of `key` is: this line, its 1-based column (1 when there is no such column). */
  at(key?: K): SourceLocation {
    const index = key === undefined ? undefined : this.columns[key];
    return { line: this.line, column: index === undefined ? 1 : index + 1 };
  }
}

/** An open CSV table: its header, then its rows one at a time. */
export interface Table<K extends string> {
  readonly headerLine: number;
  readonly headerCells: readonly string[];
  readonly columns: ColumnIndex<K>;
  /** Data rows (blank rows are skipped). */
  readonly rows: AsyncGenerator<TableRow<K>>;
}

/**
 * Reads the header row of a CSV stream and matches it against `spec`. Returns null, with the
 * issues reported, when the file is empty or a required column is missing.
 */
export async function openTable<K extends string>(
  input: AsyncIterable<string | Uint8Array>,
  spec: TableSpec<K>,
  issues: IssueCollector,
): Promise<Table<K> | null> {
  const errorsBefore = issues.errorCount;
  // Rows are built as TableRows from the start (one generator fewer per row); `columns` is known
  // from the second row on, which is all that reads it.
  let columns = {} as ColumnIndex<K>;
  const rows = csvRows(input, issues, (line, cells) => new TableRow(line, cells, columns));
  const first = await rows.next();
  if (first.done) {
    if (issues.errorCount === errorsBefore)
      issues.error('MALFORMED_FILE', { line: 1, column: 1 }, 'the file is empty');
    return null;
  }
  const header = first.value;
  const matched = matchHeaders(header.cells, header.line, spec, issues);
  if (!matched) {
    await rows.return(undefined);
    return null;
  }
  columns = matched;
  return { headerLine: header.line, headerCells: header.cells, columns, rows };
}
