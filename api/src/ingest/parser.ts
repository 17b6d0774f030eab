import type { IssueCollector } from './issues.js';
import type { IngestRecord } from './records.js';

// The format list lives in formats.ts; re-exported here for existing importers.
export { IMPORT_FORMATS, isImportFormat, type ImportFormat } from './formats.js';

export interface ParseContext {
  /** Shown in every issue. */
  readonly fileName: string;
  /** Collects errors and warnings; a parser keeps going after an error to report more. */
  readonly issues: IssueCollector;
  /** For files that do not name their Virtual Account (v2 get-summary, one-VA exports). */
  readonly virtualAccount?: string | undefined;
}

/**
 * A parser streams a file (chunks of text or bytes, UTF-8, BOM or not) and yields validated
 * records. It never loads a large file whole, never touches the database, and reports bad
 * input to `context.issues` with a line and column instead of throwing.
 */
export type Parser = (
  input: AsyncIterable<string | Uint8Array>,
  context: ParseContext,
) => AsyncGenerator<IngestRecord>;
