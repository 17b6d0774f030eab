import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { smartAccounts, virtualAccounts } from './accounts.js';
import { licenseType, reservationEventType, reservationType } from './enums.js';
import { productInstances } from './instances.js';
import { licenses } from './licenses.js';

/**
 * An SLR/PLR reservation of one license on one device. Its quantity at a date is the sum of
 * its events' `quantityDelta` up to that date: the event trail is the truth, append-only; a TERM
 * reservation past its `endDate` no longer counts.
 */
export const reservations = pgTable(
  'reservations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    virtualAccountId: integer('virtual_account_id')
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: 'cascade' }),
    productInstanceId: bigint('product_instance_id', { mode: 'number' })
      .notNull()
      .references(() => productInstances.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    reservationType: reservationType('reservation_type').notNull(),
    authorizationCode: text('authorization_code'),
    /**
     * The reserved entitlement's terms, as the latest applied authorization code states them
     * (null when no code said, e.g. a reservation recorded by hand). A TERM reservation stops
     * counting as reserved after `endDate` (see the domain's `isReservationInTerm`).
     */
    licenseType: licenseType('license_type'),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [
    uniqueIndex('reservations_instance_license_uq').on(
      t.smartAccountId,
      t.productInstanceId,
      t.licenseId,
    ),
    index('reservations_va_idx').on(t.smartAccountId, t.virtualAccountId, t.licenseId),
  ],
);

/**
 * Append-only trail of reserve / update / transfer / return events. Never updated or deleted:
 * a trigger (migration 0005_reservation_events_append_only) refuses both, except the deletes
 * that remove a whole Smart Account.
 */
export const reservationEvents = pgTable(
  'reservation_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    reservationId: bigint('reservation_id', { mode: 'number' })
      .notNull()
      .references(() => reservations.id, { onDelete: 'cascade' }),
    eventType: reservationEventType('event_type').notNull(),
    quantityDelta: integer('quantity_delta').notNull(),
    occurredOn: date('occurred_on').notNull(),
    actor: text('actor'),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The device the licenses left (RETURN, a decrease, TRANSFER_*); null when none. */
    fromProductInstanceId: bigint('from_product_instance_id', { mode: 'number' }).references(
      () => productInstances.id,
    ),
    /** The device the licenses went to (RESERVE, an increase, TRANSFER_*); null when none. */
    toProductInstanceId: bigint('to_product_instance_id', { mode: 'number' }).references(
      () => productInstances.id,
    ),
    /**
     * The reservation's quantity once this event applied. Null on rows written before the
     * column existed (seeds); readers then take the running sum of the trail.
     */
    quantityAfter: integer('quantity_after'),
  },
  (t) => [
    index('reservation_events_reservation_idx').on(t.smartAccountId, t.reservationId, t.occurredOn),
    // The account's trail, newest first (keyset pages on occurred_on, id).
    index('reservation_events_account_idx').on(t.smartAccountId, t.occurredOn, t.id),
    // Transfer counterparts, and the foreign-key checks when an instance row goes.
    index('reservation_events_from_instance_idx')
      .on(t.fromProductInstanceId)
      .where(sql`${t.fromProductInstanceId} is not null`),
    index('reservation_events_to_instance_idx')
      .on(t.toProductInstanceId)
      .where(sql`${t.toProductInstanceId} is not null`),
  ],
);
