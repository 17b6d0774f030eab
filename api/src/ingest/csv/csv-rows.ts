import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { parse } from 'csv-parse';

import type { IssueCollector } from '../issues.js';

import { sniffCsv } from './sniff.js';

/** One CSV record: its cells as written (unquoted, untrimmed) and the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** Line breaks inside a record's quoted cells. */
function breaksInside(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim().length === 0);
}

/**
 * Streams the records of a UTF-8 CSV file (BOM or not; comma, semicolon or tab delimiter read
 * from the header line; `sep=` preamble honoured; CRLF, LF or CR line ends) with the line each
 * record starts on. Blank records (empty lines, `,,,`) are skipped but counted. Quoted fields
 * may hold delimiters, quotes and line breaks. Holds one record at a time (plus csv-parse's
 * stream buffers).
 *
 * A syntax error (a quote never closed, a record over 128,000 characters) is reported as
 * `MALFORMED_FILE` at the line and field of the record it starts in, and ends the rows: nothing
 * after it can be trusted. Stray quotes inside unquoted fields are kept as text.
 * Errors from `input` itself (I/O) are rethrown. `toRow` builds what is yielded (default `CsvRow`).
 */
export async function* csvRows<T = CsvRow>(
  input: AsyncIterable<string | Uint8Array>,
  issues: IssueCollector,
  toRow: (line: number, cells: readonly string[]) => T = (line, cells) => ({ line, cells }) as T,
): AsyncGenerator<T> {
  const sniffed = await sniffCsv(input);
  if (sniffed.kind === 'utf16') {
    issues.error(
      'MALFORMED_FILE',
      { line: 1, column: 1 },
      'the file is UTF-16: save it as CSV UTF-8',
    );
    return;
  }
  // A syntax error is noted here and reported once the rows before it have been read: csv-parse
  // may have parsed further ahead than the consumer.
  const noted: { syntaxError: { records: number; code: string; field: number } | null } = {
    syntaxError: null,
  };
  const parser = parse({
    delimiter: sniffed.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error && !noted.syntaxError) {
        const records = typeof error['records'] === 'number' ? error['records'] : 0;
        const field = typeof error['column'] === 'number' ? error['column'] + 1 : 1;
        noted.syntaxError = { records, code: error.code, field };
      }
      return undefined;
    },
  });
  // pipeline() forwards errors from `input` to the parser, whose iterator then throws them.
  const feeding = pipeline(Readable.from(sniffed.chunks), parser).then(
    () => undefined,
    (error: unknown) => error,
  );
  // Empty lines come through as records, so each record starts one line after the previous one
  // ends (csv-parse's `info.lines` is not used: it counts a CRLF inside quotes as two lines).
  let line = sniffed.linesSkipped + 1;
  let records = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (noted.syntaxError && records >= noted.syntaxError.records) break;
      records++;
      const start = line;
      line += 1 + breaksInside(cells);
      if (!isBlank(cells)) yield toRow(start, cells);
    }
    const found = noted.syntaxError;
    if (found) {
      issues.error(
        'MALFORMED_FILE',
        { line, column: found.field },
        `the CSV is malformed from here (${found.code}): check the quotes in this row`,
      );
    }
  } finally {
    parser.destroy();
    await feeding;
  }
}
