import { createHash } from 'node:crypto';

import type { ParseContext, Parser } from '../parser.js';
import type { AccountEventKind, IngestRecord } from '../records.js';

import { readEventMessage } from './event-messages.js';
import type { TableSpec } from './headers.js';
import { openTable } from './table.js';
import { parseTimestamp } from './values.js';

/** Event Log columns. The labels are INFERRED (cisco-formats §1.2); matched ignoring case. */
export const EVENT_LOG_COLUMNS = {
  message: { aliases: ['Message', 'Event', 'Event Message', 'Description'], required: true },
  time: { aliases: ['Time', 'Event Time', 'Date', 'Timestamp', 'Date/Time'], required: true },
  user: { aliases: ['User', 'User Name', 'Username', 'Performed By'] },
  virtualAccount: { aliases: ['Virtual Account', 'Virtual Account Name'] },
} satisfies TableSpec<string>;

/** What an Event Log parse found; the generator's return value. */
export interface EventLogSummary {
  /** Events per kind (OTHER: messages not understood, kept as written). */
  readonly byKind: Readonly<Partial<Record<AccountEventKind, number>>>;
}

/** Cells that stand for "no user" (system events). */
const NO_USER = new Set(['-', '—', 'n/a']);

/**
 * Parses a CSSM Event Log export (Smart Account or Virtual Account level) into
 * `AccountEventRecord`s: `Message` and `Time` are required, `User` and `Virtual Account`
 * optional (else `context.virtualAccount`, else null). `Time` is read as ISO, `2026-Sep-30
 * 14:02:11` or `Sep 30, 2026 2:02 PM`; without a zone it is UTC. A blank or unreadable time is an
 * error at its cell; a blank message is an error. Every message is kept: the ones the inferred
 * patterns (event-messages.ts) do not recognise are OTHER, never an error.
 */
export const parseEventLogCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord, EventLogSummary> {
  const { issues } = context;
  const byKind: Partial<Record<AccountEventKind, number>> = {};
  const table = await openTable(input, EVENT_LOG_COLUMNS, issues);
  if (!table) return { byKind };
  const seen = new Map<string, number>();
  for await (const row of table.rows) {
    const message = row.text('message');
    const time = row.text('time');
    const occurredAt = time === null ? null : parseTimestamp(time);
    if (message === null) issues.error('MISSING_VALUE', row.at('message'), 'Message is blank');
    if (time === null) issues.error('MISSING_VALUE', row.at('time'), 'Time is blank');
    else if (occurredAt === null) {
      issues.error(
        'INVALID_DATE',
        row.at('time'),
        `Time "${time}" is not a date and time (use 2026-09-30T14:02:11Z, 2026-Sep-30 14:02:11 or Sep 30, 2026 2:02 PM)`,
      );
    }
    if (message === null || occurredAt === null) continue;
    const userCell = row.text('user');
    const user = userCell === null || NO_USER.has(userCell.toLowerCase()) ? null : userCell;
    const identity = [occurredAt, message, user ?? ''].join('\u0000');
    const ordinal = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, ordinal);
    const read = readEventMessage(message);
    byKind[read.kind] = (byKind[read.kind] ?? 0) + 1;
    const rowVirtualAccount = row.text('virtualAccount') ?? context.virtualAccount ?? null;
    yield {
      kind: 'accountEvent',
      at: { line: row.line, column: 1 },
      eventKind: read.kind,
      occurredAt,
      user,
      message,
      virtualAccount: rowVirtualAccount ?? read.virtualAccount,
      license: read.license,
      quantity: read.quantity,
      device: read.device,
      udiPid: read.udiPid,
      udiSerial: read.udiSerial,
      fromVirtualAccount: read.fromVirtualAccount,
      toVirtualAccount: read.toVirtualAccount,
      satellite: read.satellite,
      naturalKey: createHash('sha256').update(`${identity}\u0000${ordinal}`).digest('hex'),
    };
  }
  return { byKind };
};
