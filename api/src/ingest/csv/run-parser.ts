import { IssueCollector, type IngestIssue } from '../issues.js';
import type { Parser } from '../parser.js';
import type { IngestRecord } from '../records.js';

/** What a parser made of a whole input: its records, its issues, and its return value. */
export interface ParserRun {
  readonly records: IngestRecord[];
  readonly issues: IngestIssue[];
  readonly result: unknown;
}

/** How to feed `runParser`. */
export interface RunOptions {
  readonly fileName?: string;
  readonly virtualAccount?: string;
  /** Cut the input into byte chunks of this size (default: one chunk). */
  readonly chunkSize?: number;
}

/** Yields `bytes` in pieces of `size` bytes (splitting lines and multibyte characters). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

/**
 * Runs a parser over in-memory text or bytes and collects everything it reports. For tests and
 * small inputs; real imports stream from the request or the file.
 */
export async function runParser(
  parser: Parser,
  input: string | Uint8Array,
  options: RunOptions = {},
): Promise<ParserRun> {
  const fileName = options.fileName ?? 'input.csv';
  const issues = new IssueCollector(fileName);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const generator = parser(chunked(bytes, options.chunkSize ?? Math.max(1, bytes.length)), {
    fileName,
    issues,
    virtualAccount: options.virtualAccount,
  });
  const records: IngestRecord[] = [];
  for (let next = await generator.next(); ; next = await generator.next()) {
    if (next.done) return { records, issues: issues.issues, result: next.value };
    records.push(next.value);
  }
}
