/**
 * Request sizes. Excel on the web refuses a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded), so writes are chunked by the UTF-8 size of the JSON they
 * put on the wire, with headroom for the request envelope (object paths, action ids).
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 bytes of `value` serialized as JSON (what office.js sends for a property write). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? 'null').length;
}

/**
 * Splits rows into consecutive chunks whose JSON (plus `extraBytesPerRow`, e.g. the row's number
 * formats) stays within `budgetBytes` each; every chunk has at least one row (a single row over budget is the caller's problem, reported by Excel).
 */
export function chunkRows<T>(rows: readonly T[], budgetBytes: number, extraBytesPerRow = 0): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2; // the enclosing []
  for (const row of rows) {
    const rowSize = jsonBytes(row) + 1 + extraBytesPerRow; // + the comma
    if (current.length > 0 && size + rowSize > budgetBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += rowSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
