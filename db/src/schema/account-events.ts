import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

import { importRuns, smartAccounts } from './accounts.js';

/**
 * Cisco's own audit trail: the rows of CSSM Event Log exports, append-only. `kind` is what
 * Trueup made of the message (INFERRED patterns; `OTHER` when not understood, message kept as
 * written); the parsed columns are what the message names. A re-import, or a later export that
 * overlaps an earlier one, adds nothing: `natural_key` (sha256 of time, message, user and the
 * row's ordinal among identical rows) is unique per Smart Account.
 *
 * Names are kept as the log wrote them (a Virtual Account may since have been renamed, a device
 * never imported): the reads join them to devices and satellites by UDI serial and name.
 */
export const accountEvents = pgTable(
  'account_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    /** The row's Virtual Account column (Smart Account log) or the import's; null if neither. */
    virtualAccountName: text('virtual_account_name'),
    /** SLR_RESERVE … SATELLITE_SYNC_FAILED_REMOVED, or OTHER. */
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    userName: text('user_name'),
    message: text('message').notNull(),
    license: text('license'),
    quantity: integer('quantity'),
    device: text('device'),
    udiPid: text('udi_pid'),
    udiSerial: text('udi_serial'),
    fromVirtualAccount: text('from_virtual_account'),
    toVirtualAccount: text('to_virtual_account'),
    satellite: text('satellite'),
    naturalKey: text('natural_key').notNull(),
    importRunId: bigint('import_run_id', { mode: 'number' }).references(() => importRuns.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_events_natural_key_uq').on(t.smartAccountId, t.naturalKey),
    // The account's log, newest first (keyset pages on occurred_at, id), optionally by kind.
    index('account_events_time_idx').on(t.smartAccountId, t.occurredAt, t.id),
    index('account_events_kind_time_idx').on(t.smartAccountId, t.kind, t.occurredAt, t.id),
    // A device's log (reservation trails, stranded-reservation evidence).
    index('account_events_device_idx')
      .on(t.smartAccountId, t.udiSerial)
      .where(sql`${t.udiSerial} is not null`),
  ],
);
