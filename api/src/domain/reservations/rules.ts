import type { IsoDate } from '../calendar.js';
import { assert } from '../errors.js';

import { checkChronology, checkPositiveQuantity } from './checks.js';
import type { ReservationEventType } from './trail.js';

type ReservationType = 'SLR' | 'PLR';

/** The facts about a device that decide whether it may receive licenses. */
export interface DeviceFacts {
  readonly id: number;
  readonly status: 'ACTIVE' | 'DECOMMISSIONED';
}

/** A reservation as its trail leaves it: what it holds now and when it last changed. */
export interface HeldReservation {
  readonly reservationType: ReservationType;
  readonly instance: DeviceFacts;
  /** Σ of its trail. */
  readonly held: number;
  /** Day of its latest event; null when it has none. */
  readonly latest: IsoDate | null;
}

/** The one event a change writes to one reservation's trail. */
export interface EventPlan {
  readonly eventType: ReservationEventType;
  readonly quantityDelta: number;
  readonly quantityAfter: number;
  readonly fromInstanceId: number | null;
  readonly toInstanceId: number | null;
}

function checkReceives(instance: DeviceFacts): void {
  assert(
    instance.status === 'ACTIVE',
    'INSTANCE_DECOMMISSIONED',
    'a decommissioned device cannot receive reserved licenses',
    { instanceId: instance.id },
  );
}

function checkType(existing: HeldReservation, wanted: ReservationType): void {
  assert(
    existing.reservationType === wanted,
    'RESERVATION_TYPE_MISMATCH',
    `the device holds a ${existing.reservationType} reservation of this license, not ${wanted}`,
    { existing: existing.reservationType, wanted },
  );
}

/**
 * RESERVE: pins `quantity` licenses on an active device. Refused when the device already holds
 * some of the license (change it with an update instead). A returned reservation (holding 0)
 * may be reserved again, with the same type.
 */
export function planReserve(input: {
  readonly instance: DeviceFacts;
  readonly existing: HeldReservation | null;
  readonly reservationType: ReservationType;
  readonly quantity: number;
  readonly asOf: IsoDate;
}): EventPlan {
  const quantity = checkPositiveQuantity(input.quantity);
  checkReceives(input.instance);
  if (input.existing) {
    assert(
      input.existing.held <= 0,
      'RESERVATION_EXISTS',
      `the device already holds ${input.existing.held} of this license reserved: update it instead`,
      { held: input.existing.held },
    );
    checkType(input.existing, input.reservationType);
    checkChronology(input.existing.latest, input.asOf);
  }
  const after = (input.existing?.held ?? 0) + quantity;
  return {
    eventType: 'RESERVE',
    quantityDelta: quantity,
    quantityAfter: after,
    fromInstanceId: null,
    toInstanceId: input.instance.id,
  };
}

/** UPDATE: sets a reservation to a new positive quantity (a device may only grow while active). */
export function planUpdate(input: {
  readonly reservation: HeldReservation;
  readonly quantity: number;
  readonly asOf: IsoDate;
}): EventPlan {
  const { reservation } = input;
  const quantity = checkPositiveQuantity(input.quantity);
  const delta = quantity - reservation.held;
  assert(delta !== 0, 'QUANTITY_UNCHANGED', `the reservation already holds ${quantity}`, {
    quantity,
  });
  if (delta > 0) checkReceives(reservation.instance);
  checkChronology(reservation.latest, input.asOf);
  const device = reservation.instance.id;
  return {
    eventType: 'UPDATE',
    quantityDelta: delta,
    quantityAfter: quantity,
    fromInstanceId: delta < 0 ? device : null,
    toInstanceId: delta > 0 ? device : null,
  };
}

/** The quantity a return or transfer moves: all that is held by default, never more. */
function movable(reservation: HeldReservation, quantity: number | undefined): number {
  assert(
    quantity !== undefined || reservation.held > 0,
    'EXCEEDS_RESERVED',
    'the reservation holds nothing',
    { held: reservation.held },
  );
  const moved = checkPositiveQuantity(quantity ?? reservation.held);
  assert(
    moved <= reservation.held,
    'EXCEEDS_RESERVED',
    `cannot move ${moved}: the reservation holds ${reservation.held}`,
    { quantity: moved, held: reservation.held },
  );
  return moved;
}

/** RETURN: gives back `quantity` (default: everything held), never more than held. */
export function planReturn(input: {
  readonly reservation: HeldReservation;
  readonly quantity?: number | undefined;
  readonly asOf: IsoDate;
}): EventPlan {
  const { reservation } = input;
  const quantity = movable(reservation, input.quantity);
  checkChronology(reservation.latest, input.asOf);
  return {
    eventType: 'RETURN',
    quantityDelta: -quantity,
    quantityAfter: reservation.held - quantity,
    fromInstanceId: reservation.instance.id,
    toInstanceId: null,
  };
}

/**
 * TRANSFER: moves `quantity` (default: everything held) of a reservation to another active
 * device's reservation of the same license: TRANSFER_OUT on the source, TRANSFER_IN on the
 * target, equal and opposite, so the total reserved is conserved.
 */
export function planTransfer(input: {
  readonly source: HeldReservation;
  readonly target: { readonly instance: DeviceFacts; readonly existing: HeldReservation | null };
  readonly quantity?: number | undefined;
  readonly asOf: IsoDate;
}): { readonly out: EventPlan; readonly in: EventPlan } {
  const { source, target } = input;
  const from = source.instance.id;
  const to = target.instance.id;
  assert(from !== to, 'SAME_INSTANCE', 'a reservation cannot be transferred to its own device', {
    instanceId: from,
  });
  const quantity = movable(source, input.quantity);
  checkReceives(target.instance);
  checkChronology(source.latest, input.asOf);
  if (target.existing) {
    checkType(target.existing, source.reservationType);
    checkChronology(target.existing.latest, input.asOf);
  }
  const endpoints = { fromInstanceId: from, toInstanceId: to };
  return {
    out: {
      eventType: 'TRANSFER_OUT',
      quantityDelta: -quantity,
      quantityAfter: source.held - quantity,
      ...endpoints,
    },
    in: {
      eventType: 'TRANSFER_IN',
      quantityDelta: quantity,
      quantityAfter: (target.existing?.held ?? 0) + quantity,
      ...endpoints,
    },
  };
}
