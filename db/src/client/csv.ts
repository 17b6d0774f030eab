import type { CopyRow } from './types.js';

/** One CSV line for PostgreSQL `COPY ... (FORMAT csv)`: empty unquoted field = NULL. */
export function toCopyLine(row: CopyRow): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += ',';
    const value = row[i];
    if (value === null || value === undefined) continue;
    const text = String(value);
    line += /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return line + '\n';
}

/** Groups rows into CSV chunks of roughly `chunkBytes` characters. */
export function* copyChunks(rows: Iterable<CopyRow>, chunkBytes = 1 << 20): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += toCopyLine(row);
    if (chunk.length >= chunkBytes) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM ${from} WITH (FORMAT csv)`;
}
