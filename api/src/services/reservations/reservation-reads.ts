import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';

import {
  productInstances,
  reservationEvents,
  reservations,
  satellites,
  type DbHandle,
} from '@trueup/db';

import { parseIsoDate, withQuantityAfter, type IsoDate } from '../../domain/index.js';
import type { ProductInstanceRecord } from '../account-service.js';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.js';

import type {
  ReservationEventRow,
  ReservationEventView,
  ReservationRow,
  ReservationView,
} from './reservation-records.js';

const e = reservationEvents;

/** Fills `quantityAfter` from the running sum where the stored row lacks it (seeded trails). */
function viewsOf(rows: readonly ReservationEventRow[]): ReservationEventView[] {
  const byReservation = new Map<number, ReservationEventRow[]>();
  for (const row of rows) {
    const trail = byReservation.get(row.reservationId) ?? [];
    trail.push(row);
    byReservation.set(row.reservationId, trail);
  }
  return [...byReservation.values()].flatMap((trail) => withQuantityAfter(trail));
}

/**
 * The stored trails of reservations, in trail order. Joined through `reservations` so each trail
 * is read by the (smart_account_id, reservation_id) index.
 */
export async function trailsOf(
  handle: DbHandle,
  reservationIds: readonly number[],
): Promise<ReservationEventRow[]> {
  const rows = await handle.db
    .select({ event: e })
    .from(reservations)
    .innerJoin(
      e,
      and(eq(e.smartAccountId, reservations.smartAccountId), eq(e.reservationId, reservations.id)),
    )
    .where(inArray(reservations.id, [...reservationIds]))
    .orderBy(asc(e.occurredOn), asc(e.id));
  return rows.map((r) => r.event);
}

/** Reads of reservations and their trails. Batch methods take many ids (DataLoader). */
export function reservationReads(handle: DbHandle) {
  const { db } = handle;
  return {
    /** The full trail of each reservation, in trail order (occurredOn, then id). */
    async eventsOf(reservationIds: readonly number[]): Promise<ReservationEventView[]> {
      return viewsOf(await trailsOf(handle, reservationIds));
    },

    /** A Smart Account's trail across all reservations, newest first, keyset-paged. */
    async accountEventPage(query: {
      smartAccountId: number;
      page: PageRequest;
    }): Promise<Page<ReservationEventView>> {
      const size = pageSize(query.page.first);
      const after = query.page.after
        ? decodeCursor(query.page.after, ['string', 'number'] as const)
        : null;
      const inAccount = eq(e.smartAccountId, query.smartAccountId);
      // The running sum is computed only for rows stored without quantity_after (COALESCE is lazy).
      // The outer row's columns are written qualified by hand: in a single-table select drizzle
      // renders `${e.id}` as a bare "id", which inside the subquery would bind to x.id.
      const outer = (column: string) => sql.raw(`"reservation_events"."${column}"`);
      const quantityAfter = sql<number>`coalesce(${e.quantityAfter}, (
        select sum(x.quantity_delta) from reservation_events x
        where x.smart_account_id = ${outer('smart_account_id')} and x.reservation_id = ${outer('reservation_id')}
          and (x.occurred_on, x.id) <= (${outer('occurred_on')}, ${outer('id')})))::bigint`.mapWith(
        Number,
      );
      const [count] = await db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(e)
        .where(inAccount);
      const rows = await db
        .select({ ...getTableColumns(e), quantityAfter })
        .from(e)
        .where(
          after
            ? and(
                inAccount,
                sql`(${e.occurredOn}, ${e.id}) < (${parseIsoDate(after[0])}::date, ${after[1]})`,
              )
            : inAccount,
        )
        .orderBy(desc(e.occurredOn), desc(e.id))
        .limit(size + 1);
      return toPage(rows, size, {
        totalCount: count?.n ?? 0,
        hasPrevious: after !== null,
        keyOf: (row) => [row.occurredOn, row.id],
      });
    },

    /**
     * The reservations of a Smart Account that exist at `asOf` (an event on or before it), with
     * the quantity each holds then; those holding nothing are left out unless `includeReturned`.
     */
    async reservationsOf(query: {
      smartAccountId: number;
      asOf: IsoDate;
      includeReturned: boolean;
    }): Promise<ReservationView[]> {
      const upTo = sql`${e.occurredOn} <= ${query.asOf}::date`;
      const quantity = sql<number>`coalesce(sum(${e.quantityDelta}) filter (where ${upTo}), 0)::bigint`;
      const rows = await db
        .select({ reservation: reservations, quantity: quantity.mapWith(Number) })
        .from(reservations)
        .innerJoin(
          e,
          and(
            eq(e.smartAccountId, reservations.smartAccountId),
            eq(e.reservationId, reservations.id),
          ),
        )
        .where(eq(reservations.smartAccountId, query.smartAccountId))
        .groupBy(reservations.id)
        .having(
          query.includeReturned ? sql`count(*) filter (where ${upTo}) > 0` : sql`${quantity} > 0`,
        )
        .orderBy(asc(reservations.id));
      return rows.map((r) => ({ ...r.reservation, asOf: query.asOf, quantity: r.quantity }));
    },

    reservationsByIds: (ids: readonly number[]): Promise<ReservationRow[]> =>
      db
        .select()
        .from(reservations)
        .where(inArray(reservations.id, [...ids])),

    /** Devices by id, with their satellite's name. */
    async instancesByIds(ids: readonly number[]): Promise<ProductInstanceRecord[]> {
      const rows = await db
        .select({ instance: productInstances, satelliteName: satellites.name })
        .from(productInstances)
        .leftJoin(satellites, eq(satellites.id, productInstances.satelliteId))
        .where(inArray(productInstances.id, [...ids]));
      return rows.map((r) => ({ ...r.instance, satelliteName: r.satelliteName }));
    },
  };
}
