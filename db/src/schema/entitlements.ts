import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

import { importRuns, smartAccounts, virtualAccounts } from './accounts.js';
import { entitlementSource, licenseType } from './enums.js';
import { licenses } from './licenses.js';

/**
 * An entitlement lot: a quantity of one license owned in one Virtual Account. TERM lots are
 * active from `startDate` to `endDate` inclusive; PERPETUAL lots from `startDate` (or always).
 * CLASSIC_PAK lots sit outside the Smart Account until converted. A transfer splits a lot and
 * records the original as `parentLotId`.
 */
export const entitlementLots = pgTable(
  'entitlement_lots',
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
    quantity: integer('quantity').notNull(),
    licenseType: licenseType('license_type').notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    source: entitlementSource('source').notNull().default('SMART'),
    subscriptionId: text('subscription_id'),
    orderNumber: text('order_number'),
    sku: text('sku'),
    pakNumber: text('pak_number'),
    /** CLASSIC_PAK lots: the serial of the device the PAK was fulfilled for, when the export says. */
    deviceSerial: text('device_serial'),
    /**
     * When a newer licenses export replaced a Virtual Account's lots: the older lots stop
     * counting on `supersededOn` (the newer export's as-of) and the newer ones count from
     * `effectiveFrom` (the same date). Both null for lots never replaced. History is kept.
     */
    effectiveFrom: date('effective_from'),
    supersededOn: date('superseded_on'),
    parentLotId: bigint('parent_lot_id', { mode: 'number' }).references(
      (): AnyPgColumn => entitlementLots.id,
    ),
    importRunId: bigint('import_run_id', { mode: 'number' }).references(() => importRuns.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entitlement_lots_position_idx').on(
      t.smartAccountId,
      t.virtualAccountId,
      t.licenseId,
      t.source,
      t.startDate,
      t.endDate,
      t.quantity,
    ),
    index('entitlement_lots_expiry_idx')
      .on(t.smartAccountId, t.endDate)
      .where(sql`${t.licenseType} = 'TERM'`),
  ],
);
