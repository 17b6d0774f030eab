import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { importRuns, satellites, smartAccounts, virtualAccounts } from './accounts.js';
import { billingType, connectionMode, instanceStatus, usageSource } from './enums.js';
import { licenses } from './licenses.js';

/** A registered device (product instance), identified by UDI PID + serial within its account. */
export const productInstances = pgTable(
  'product_instances',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    virtualAccountId: integer('virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: 'cascade' }),
    /** CSSM instance name, e.g. `UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; `. */
    name: text('name').notNull(),
    udiPid: text('udi_pid'),
    udiSerial: text('udi_serial'),
    hostname: text('hostname'),
    productType: text('product_type'),
    connectionMode: connectionMode('connection_mode').notNull().default('DIRECT_CLOUD'),
    satelliteId: integer('satellite_id').references(() => satellites.id),
    status: instanceStatus('status').notNull().default('ACTIVE'),
    /** The instance that replaced this one (RMA), when known. */
    replacedById: bigint('replaced_by_id', { mode: 'number' }).references(
      (): AnyPgColumn => productInstances.id,
    ),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    importRunId: bigint('import_run_id', { mode: 'number' }).references(() => importRuns.id),
  },
  (t) => [
    uniqueIndex('product_instances_sa_udi_uq').on(t.smartAccountId, t.udiPid, t.udiSerial),
    index('product_instances_va_idx').on(t.smartAccountId, t.virtualAccountId, t.id),
  ],
);

/**
 * What is reported in use, per license, either by one product instance (`productInstanceId`
 * set) or by the Smart Account's own ledger for a Virtual Account (`productInstanceId` null:
 * a licenses export or API pull). The position takes, per key, the latest report on or before
 * its as-of date.
 */
export const usageReports = pgTable(
  'usage_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    virtualAccountId: integer('virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    productInstanceId: bigint('product_instance_id', { mode: 'number' }).references(
      () => productInstances.id,
      { onDelete: 'cascade' },
    ),
    quantity: integer('quantity').notNull(),
    source: usageSource('source').notNull(),
    asOf: date('as_of').notNull(),
    /**
     * Ledger rows only: the source's own `reserved` figure (the part of `quantity` pinned by
     * SLR/PLR); null when the source does not state it, and on device rows.
     */
    reserved: integer('reserved'),
    /** Ledger rows only: how the vendor bills the line; null when the source does not say. */
    billingType: billingType('billing_type'),
    importRunId: bigint('import_run_id', { mode: 'number' }).references(() => importRuns.id),
  },
  (t) => [
    // The position's "latest device report per instance × license" reads the covering index
    // usage_reports_device_latest_idx (sa, instance, license, as_of desc, id desc) INCLUDE
    // (virtual_account_id, quantity): an index-only scan, no sort. drizzle cannot declare
    // INCLUDE, so it lives in the custom migration 0001_usage_latest_covering_index.sql.
    // Ledger and per-VA reads.
    index('usage_reports_va_license_idx').on(
      t.smartAccountId,
      t.virtualAccountId,
      t.licenseId,
      t.asOf,
    ),
  ],
);
