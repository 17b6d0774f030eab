import type { IssueCollector } from './issues.js';
import type { IngestRecord } from './records.js';

/** Formats an import accepts (the CLI's `--format` values). */
export const IMPORT_FORMATS = [
  'cssm-licenses-csv',
  'cssm-instances-csv',
  'api-licenses-json',
  'api-devices-json',
  'slr-authorization-xml',
  'rum-report',
  'classic-pak-csv',
  'license-catalog-csv',
  'price-book',
  'cssm-event-log-csv',
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

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
