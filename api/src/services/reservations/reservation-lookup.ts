import { and, asc, eq, inArray, sql } from 'drizzle-orm';

import { licenses, productInstances, reservationEvents, reservations, type Db } from '@trueup/db';

import { inAccount, type IsoDate } from '../../domain/index.js';

import type { InstanceReference, LicenseReference, ReservationRow } from './reservation-records.js';

// Reads inside a reservation change's transaction: resolve references, lock, summarise trails.

export type InstanceRow = typeof productInstances.$inferSelect;

/** The device a command names, if it belongs to the Smart Account (else UNKNOWN_PRODUCT_INSTANCE). */
export async function findInstance(
  tx: Db,
  smartAccountId: number,
  reference: InstanceReference,
): Promise<InstanceRow> {
  const where =
    'id' in reference
      ? eq(productInstances.id, reference.id)
      : and(
          eq(productInstances.smartAccountId, smartAccountId),
          eq(productInstances.udiPid, reference.udiPid),
          eq(productInstances.udiSerial, reference.udiSerial),
        );
  const [row] = await tx.select().from(productInstances).where(where);
  return inAccount(row, smartAccountId, 'UNKNOWN_PRODUCT_INSTANCE', 'product instance');
}

/**
 * The license a command names, if it belongs to the Smart Account (else UNKNOWN_LICENSE). By
 * name (unique in an account), else by entitlement tag (the oldest license with that tag).
 */
export async function findLicense(
  tx: Db,
  smartAccountId: number,
  reference: LicenseReference,
): Promise<{ id: number; smartAccountId: number }> {
  const inThisAccount = eq(licenses.smartAccountId, smartAccountId);
  const where =
    'id' in reference
      ? eq(licenses.id, reference.id)
      : reference.name !== undefined
        ? and(inThisAccount, eq(licenses.name, reference.name))
        : and(inThisAccount, eq(licenses.entitlementTag, reference.entitlementTag ?? ''));
  const [row] = await tx
    .select({ id: licenses.id, smartAccountId: licenses.smartAccountId })
    .from(licenses)
    .where(where)
    .orderBy(asc(licenses.id))
    .limit(1);
  return inAccount(row, smartAccountId, 'UNKNOWN_LICENSE', 'license');
}

/** The reservation of a license on a device, created (holding nothing) if there is none. */
export async function ensureReservation(
  tx: Db,
  values: {
    smartAccountId: number;
    instance: InstanceRow;
    licenseId: number;
    reservationType: 'SLR' | 'PLR';
    authorizationCode?: string | null | undefined;
  },
): Promise<number> {
  await tx
    .insert(reservations)
    .values({
      smartAccountId: values.smartAccountId,
      virtualAccountId: values.instance.virtualAccountId,
      productInstanceId: values.instance.id,
      licenseId: values.licenseId,
      reservationType: values.reservationType,
      authorizationCode: values.authorizationCode ?? null,
    })
    .onConflictDoNothing({
      target: [reservations.smartAccountId, reservations.productInstanceId, reservations.licenseId],
    });
  const [row] = await tx
    .select({ id: reservations.id })
    .from(reservations)
    .where(
      and(
        eq(reservations.smartAccountId, values.smartAccountId),
        eq(reservations.productInstanceId, values.instance.id),
        eq(reservations.licenseId, values.licenseId),
      ),
    );
  if (!row) throw new Error('a reservation just ensured is missing');
  return row.id;
}

/** A locked reservation, its device and what its trail holds. */
export interface LockedReservation {
  readonly row: ReservationRow;
  readonly instance: InstanceRow;
  readonly held: number;
  readonly latest: IsoDate | null;
}

/**
 * Locks reservations (in id order, so two transfers never deadlock) and summarises their
 * trails. Ids not found, or of another Smart Account, are absent from the result.
 */
export async function lockReservations(
  tx: Db,
  smartAccountId: number,
  ids: readonly number[],
): Promise<Map<number, LockedReservation>> {
  const rows = await tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.smartAccountId, smartAccountId), inArray(reservations.id, [...ids])))
    .orderBy(asc(reservations.id))
    .for('update');
  const out = new Map<number, LockedReservation>();
  if (rows.length === 0) return out;
  const trails = await tx
    .select({
      reservationId: reservationEvents.reservationId,
      held: sql<number>`coalesce(sum(${reservationEvents.quantityDelta}), 0)::bigint`.mapWith(
        Number,
      ),
      latest: sql<string | null>`max(${reservationEvents.occurredOn})::text`,
    })
    .from(reservationEvents)
    .where(
      and(
        eq(reservationEvents.smartAccountId, smartAccountId),
        inArray(
          reservationEvents.reservationId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(reservationEvents.reservationId);
  const devices = await tx
    .select()
    .from(productInstances)
    .where(
      inArray(
        productInstances.id,
        rows.map((r) => r.productInstanceId),
      ),
    );
  for (const row of rows) {
    const trail = trails.find((t) => t.reservationId === row.id);
    const instance = devices.find((d) => d.id === row.productInstanceId);
    if (!instance) throw new Error(`reservation ${row.id} has no device`);
    out.set(row.id, { row, instance, held: trail?.held ?? 0, latest: trail?.latest ?? null });
  }
  return out;
}
