import { bigint, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { smartAccounts } from './accounts.js';

/**
 * The position sums of every Virtual Account × license of a Smart Account as of the date in
 * `position_versions.as_of`, kept by the ledger writers (imports, scenario applies, reservation
 * changes, PAK conversions) in the same transaction as their write: exactly the columns of the
 * API's `positionSumsQuery` at that date. A read of that date is an indexed select; any other
 * date aggregates. No foreign keys to Virtual Accounts or licenses: rows are replaced whole.
 */
export const currentPositions = pgTable(
  'current_positions',
  {
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    virtualAccountId: integer('virtual_account_id').notNull(),
    licenseId: integer('license_id').notNull(),
    ownedSmart: bigint('owned_smart', { mode: 'number' }).notNull(),
    ownedClassic: bigint('owned_classic', { mode: 'number' }).notNull(),
    ledgerInUse: bigint('ledger_in_use', { mode: 'number' }),
    ledgerAsOf: date('ledger_as_of'),
    ledgerReserved: bigint('ledger_reserved', { mode: 'number' }),
    billingType: text('billing_type'),
    deviceConsumed: bigint('device_consumed', { mode: 'number' }),
    deviceReserved: bigint('device_reserved', { mode: 'number' }).notNull(),
    deviceReportedOn: date('device_reported_on'),
    deviceReservedOn: date('device_reserved_on'),
  },
  (t) => [primaryKey({ columns: [t.smartAccountId, t.virtualAccountId, t.licenseId] })],
);

/**
 * Per Smart Account: `version` goes up by one with every ledger write (in its transaction), and
 * `as_of` is the date `current_positions` holds (null: not computed yet; the first read of today
 * computes it). Caches of the account's position key on the version; a read for another date
 * than `as_of` does not use the kept rows.
 */
export const positionVersions = pgTable('position_versions', {
  smartAccountId: integer('smart_account_id')
    .primaryKey()
    .references(() => smartAccounts.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull(),
  asOf: date('as_of'),
});

/**
 * Which Virtual Accounts each version of an account's position changed (`virtual_account_ids`;
 * null: possibly all of them), written with the version by the same transaction. A cache that
 * holds the position at version v reads the changes after v and reloads only those Virtual
 * Accounts. Only the latest versions are kept: a cache older than them reloads everything.
 */
export const positionChanges = pgTable(
  'position_changes',
  {
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    version: bigint('version', { mode: 'number' }).notNull(),
    virtualAccountIds: integer('virtual_account_ids').array(),
  },
  (t) => [primaryKey({ columns: [t.smartAccountId, t.version] })],
);
