import { bigint, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

import { smartAccounts, virtualAccounts } from './accounts.js';
import { entitlementLots } from './entitlements.js';
import { licenses } from './licenses.js';

/**
 * Append-only record of classic PAK lots converted into Smart entitlements (the conversion
 * event). The classic lot is superseded on `occurredOn`; the converted part lives on as a SMART
 * lot (`smartLotId`, in the chosen Virtual Account) and any
 * unconverted rest as a new CLASSIC_PAK lot (`remainderLotId`), both children of the source lot
 * (`parentLotId`). Like `reservation_events`, a trigger refuses updates and deletes (migration
 * 0005_reservation_events_append_only) except when the whole Smart Account is removed.
 */
export const lotConversions = pgTable(
  'lot_conversions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    /** Where the converted units went (the SMART lot's Virtual Account; the PAK's may differ). */
    virtualAccountId: integer('virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    sourceLotId: bigint('source_lot_id', { mode: 'number' })
      .notNull()
      .references(() => entitlementLots.id),
    smartLotId: bigint('smart_lot_id', { mode: 'number' })
      .notNull()
      .references(() => entitlementLots.id),
    remainderLotId: bigint('remainder_lot_id', { mode: 'number' }).references(
      () => entitlementLots.id,
    ),
    /** How many units became Smart entitlements. */
    quantity: integer('quantity').notNull(),
    occurredOn: date('occurred_on').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lot_conversions_sa_idx').on(t.smartAccountId, t.occurredOn, t.id)],
);
