import type { lotConversions, reservationEvents, reservations } from '@trueup/db';

import type { HeldReservation, IsoDate, TrailEvent } from '../../domain/index.js';

/** A reservation row: one license pinned on one device. Its quantity lives in its trail. */
export type ReservationRow = typeof reservations.$inferSelect;
/** One stored entry of a reservation's append-only trail. */
export type ReservationEventRow = typeof reservationEvents.$inferSelect;
/** One stored classic PAK conversion. */
export type LotConversionRow = typeof lotConversions.$inferSelect;

/** A trail entry as read: `quantityAfter` is always filled (stored, or the running sum). */
export type ReservationEventView = ReservationEventRow & { readonly quantityAfter: number };

/** A reservation with the quantity its trail holds at `asOf`. */
export interface ReservationView extends ReservationRow {
  readonly asOf: IsoDate;
  readonly quantity: number;
}

/** What one reserve / update / return wrote: the reservation and its one new event. */
export interface ReservationChange {
  readonly asOf: IsoDate;
  readonly reservation: ReservationRow;
  readonly event: ReservationEventRow;
}

/** What a transfer wrote: one event on each of the two reservations. */
export interface ReservationTransfer {
  readonly asOf: IsoDate;
  readonly source: Omit<ReservationChange, 'asOf'>;
  readonly target: Omit<ReservationChange, 'asOf'>;
}

/** How a command names a device: by id, or by UDI as an authorization code does. */
export type InstanceReference =
  { readonly id: number } | { readonly udiPid: string; readonly udiSerial: string };

/** How a command names a license: by id, or by name / entitlement tag as Cisco's files do. */
export type LicenseReference =
  | { readonly id: number }
  | { readonly name?: string | undefined; readonly entitlementTag?: string | undefined };

/** Stored trail row → the domain's trail event. */
export function toTrailEvent(row: ReservationEventRow): TrailEvent {
  return {
    id: row.id,
    eventType: row.eventType,
    quantityDelta: row.quantityDelta,
    occurredOn: row.occurredOn,
    fromInstanceId: row.fromProductInstanceId,
    toInstanceId: row.toProductInstanceId,
    quantityAfter: row.quantityAfter,
  };
}

/** A locked reservation with its trail summary → the domain's view of what it holds. */
export function toHeldReservation(
  row: ReservationRow,
  instance: { id: number; status: 'ACTIVE' | 'DECOMMISSIONED' },
  trail: { held: number; latest: IsoDate | null },
): HeldReservation {
  return {
    reservationType: row.reservationType,
    instance: { id: instance.id, status: instance.status },
    held: trail.held,
    latest: trail.latest,
  };
}
