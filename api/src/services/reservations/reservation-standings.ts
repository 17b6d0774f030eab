import { and, eq, inArray } from 'drizzle-orm';

import { productInstances, reservationEvents, reservations, type DbHandle } from '@trueup/db';

import { reservationStanding, type IsoDate, type ReservationStanding } from '../../domain/index.js';

import { trailsOf } from './reservation-reads.js';
import { toTrailEvent } from './reservation-records.js';

const e = reservationEvents;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The standing of each reservation at `asOf` (quantity, stranded, transfer history): loads the
 * reservations with their devices, their trails, and the TRANSFER_OUT events elsewhere in the
 * account that name their devices (the counterparts a clean transfer in needs), then lets the
 * domain judge. Three queries, whatever the number of reservations.
 */
export async function standingsOf(
  handle: DbHandle,
  ids: readonly number[],
  asOf: IsoDate,
): Promise<Map<number, ReservationStanding>> {
  const { db } = handle;
  const rows = await db
    .select({
      id: reservations.id,
      licenseId: reservations.licenseId,
      instance: {
        id: productInstances.id,
        status: productInstances.status,
        replacedById: productInstances.replacedById,
      },
    })
    .from(reservations)
    .innerJoin(productInstances, eq(productInstances.id, reservations.productInstanceId))
    .where(inArray(reservations.id, [...ids]));
  const out = new Map<number, ReservationStanding>();
  if (rows.length === 0) return out;
  const trails = await trailsOf(
    handle,
    rows.map((r) => r.id),
  );
  const outgoing = await db
    .select({ event: e, licenseId: reservations.licenseId })
    .from(e)
    .innerJoin(reservations, eq(reservations.id, e.reservationId))
    .where(
      and(
        eq(e.eventType, 'TRANSFER_OUT'),
        inArray(
          e.toProductInstanceId,
          rows.map((r) => r.instance.id),
        ),
      ),
    );
  const trailOf = groupBy(trails, (t) => String(t.reservationId));
  const counterpartsOf = groupBy(outgoing, (o) => `${o.event.toProductInstanceId}:${o.licenseId}`);
  for (const row of rows) {
    out.set(
      row.id,
      reservationStanding({
        instance: row.instance,
        events: (trailOf.get(String(row.id)) ?? []).map(toTrailEvent),
        counterparts: (counterpartsOf.get(`${row.instance.id}:${row.licenseId}`) ?? []).map((o) =>
          toTrailEvent(o.event),
        ),
        asOf,
      }),
    );
  }
  return out;
}
