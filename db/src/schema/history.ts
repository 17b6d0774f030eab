import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { smartAccounts, virtualAccounts } from './accounts.js';
import { entitlementLots } from './entitlements.js';
import { billingType, licenseType, scenarioStatus } from './enums.js';
import { licenses } from './licenses.js';

/** The position frozen at a moment (a quarterly reconciliation run), for drift and history. */
export const snapshots = pgTable(
  'snapshots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    asOf: date('as_of').notNull(),
    includeClassic: boolean('include_classic').notNull().default(true),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('snapshots_sa_name_uq').on(t.smartAccountId, t.name)],
);

export const snapshotLines = pgTable(
  'snapshot_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'cascade' }),
    virtualAccountId: integer('virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    // Sums over a Virtual Account × license: 64-bit, as the position query computes them.
    owned: bigint('owned', { mode: 'number' }).notNull(),
    consumed: bigint('consumed', { mode: 'number' }).notNull(),
    reserved: bigint('reserved', { mode: 'number' }).notNull(),
    /** The line's billing type when frozen (null: UNKNOWN): a USAGE line is never short. */
    billingType: billingType('billing_type'),
  },
  (t) => [index('snapshot_lines_snapshot_idx').on(t.smartAccountId, t.snapshotId)],
);

/** A named set of moves, evaluated without changing data and applied only on request. */
export const scenarios = pgTable(
  'scenarios',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    status: scenarioStatus('status').notNull().default('DRAFT'),
    asOf: date('as_of').notNull(),
    /** Raised by every edit; apply and edits name the version they saw (optimistic locking). */
    version: integer('version').notNull().default(1),
    author: text('author').notNull().default('unknown'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: text('applied_by'),
    /** The date the applied moves took effect from. */
    appliedOn: date('applied_on'),
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('scenarios_sa_name_uq').on(t.smartAccountId, t.name)],
);

export const scenarioMoves = pgTable(
  'scenario_moves',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id),
    licenseType: licenseType('license_type'),
    quantity: integer('quantity').notNull(),
    fromVirtualAccountId: integer('from_virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id),
    toVirtualAccountId: integer('to_virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id),
  },
  (t) => [index('scenario_moves_scenario_idx').on(t.smartAccountId, t.scenarioId, t.position)],
);

/** An applied movement of entitlement between Virtual Accounts (splits a lot). */
export const transfers = pgTable(
  'transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    scenarioId: integer('scenario_id').references(() => scenarios.id),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id),
    licenseType: licenseType('license_type').notNull(),
    quantity: integer('quantity').notNull(),
    fromVirtualAccountId: integer('from_virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id),
    toVirtualAccountId: integer('to_virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id),
    sourceLotId: bigint('source_lot_id', { mode: 'number' }).references(() => entitlementLots.id),
    targetLotId: bigint('target_lot_id', { mode: 'number' }).references(() => entitlementLots.id),
    /** The moved units leave the source lot and join the target lot from this date on. */
    effectiveOn: date('effective_on'),
    actor: text('actor'),
    transferredAt: timestamp('transferred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfers_sa_idx').on(t.smartAccountId, t.transferredAt),
    index('transfers_scenario_idx').on(t.scenarioId),
  ],
);

/** The audit trail of a scenario: created, edited, applied, discarded, refused. Append-only. */
export const scenarioEvents = pgTable(
  'scenario_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    /** The scenario version the event produced (or, for a refusal, the one it saw). */
    version: integer('version').notNull(),
    actor: text('actor').notNull(),
    detail: text('detail'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenario_events_scenario_idx').on(t.smartAccountId, t.scenarioId, t.id)],
);
