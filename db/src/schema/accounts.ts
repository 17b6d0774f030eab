import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { environment, importStatus } from './enums.js';

/** A Cisco Smart Account, identified by its domain (e.g. `acme.example`). */
export const smartAccounts = pgTable('smart_accounts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  domain: text('domain').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A Virtual Account inside a Smart Account, with the tags used by reallocation policies. */
export const virtualAccounts = pgTable(
  'virtual_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    businessUnit: text('business_unit'),
    region: text('region'),
    environment: environment('environment').notNull().default('PRODUCTION'),
    isDefault: boolean('is_default').notNull().default(false),
    /** A locked Virtual Account never gives or receives entitlements in a reallocation. */
    locked: boolean('locked').notNull().default(false),
  },
  (t) => [
    uniqueIndex('virtual_accounts_sa_name_uq').on(t.smartAccountId, t.name),
    uniqueIndex('virtual_accounts_one_default_uq')
      .on(t.smartAccountId)
      .where(sql`${t.isDefault}`),
  ],
);

/** SSM On-Prem (satellite) servers through which ON_PREM instances report. */
export const satellites = pgTable(
  'satellites',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    hostname: text('hostname'),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('satellites_sa_name_uq').on(t.smartAccountId, t.name)],
);

/** Provenance of every imported row: which file, which format, as of when, how many rows. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    sha256: text('sha256'),
    /** Where the data came from: `cloud` (CSSM) or `onprem:<host>` (an SSM On-Prem server). */
    sourceSystem: text('source_system').notNull().default('cloud'),
    asOf: date('as_of').notNull(),
    status: importStatus('status').notNull().default('RUNNING'),
    rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_sa_idx').on(t.smartAccountId, t.startedAt)],
);
