import { eq } from 'drizzle-orm';

import { reservationEvents, reservations, type Db, type DbHandle } from '@trueup/db';

import {
  assert,
  checkActor,
  inAccount,
  parseIsoDate,
  planReserve,
  planReturn,
  planTransfer,
  planUpdate,
  type EventPlan,
} from '../../domain/index.js';
import { refreshCurrentPositions } from '../current-positions.js';
import { inserted } from '../import/returning.js';
import { lockLedgerOf } from '../ledger-lock.js';

import type {
  ChangeContext,
  ReserveCommand,
  ReturnReservationCommand,
  TransferReservationCommand,
  UpdateReservationCommand,
} from './reservation-commands.js';
import {
  ensureReservation,
  findInstance,
  findLicense,
  lockReservations,
  type LockedReservation,
} from './reservation-lookup.js';
import {
  toHeldReservation,
  type ReservationChange,
  type ReservationEventRow,
  type ReservationTransfer,
} from './reservation-records.js';

async function append(
  tx: Db,
  context: ChangeContext & { actor: string },
  reservationId: number,
  plan: EventPlan,
): Promise<ReservationEventRow> {
  const rows = await tx
    .insert(reservationEvents)
    .values({
      smartAccountId: context.smartAccountId,
      reservationId,
      eventType: plan.eventType,
      quantityDelta: plan.quantityDelta,
      quantityAfter: plan.quantityAfter,
      fromProductInstanceId: plan.fromInstanceId,
      toProductInstanceId: plan.toInstanceId,
      occurredOn: context.asOf,
      actor: context.actor,
      note: context.note ?? null,
    })
    .returning();
  return inserted(rows, 'a reservation event');
}

function locked(found: Map<number, LockedReservation>, id: number): LockedReservation {
  const reservation = found.get(id);
  assert(reservation, 'UNKNOWN_RESERVATION', 'no such reservation', { reservationId: id });
  return reservation;
}

const held = (r: LockedReservation) => toHeldReservation(r.row, r.instance, r);

/**
 * Runs one change in one transaction: validates who and when, locks, plans with the domain
 * rules (which throw before anything is written) and appends the events.
 */
async function change<C extends ChangeContext, R>(
  handle: DbHandle,
  command: C,
  body: (tx: Db, context: C & { actor: string }) => Promise<R>,
): Promise<R> {
  const context = {
    ...command,
    actor: checkActor(command.actor),
    asOf: parseIsoDate(command.asOf),
  };
  return handle.db.transaction(async (tx) => {
    await lockLedgerOf(tx, context.smartAccountId);
    const result = await body(tx, context);
    await refreshCurrentPositions(tx, {
      smartAccountId: context.smartAccountId,
      virtualAccountIds: touchedVirtualAccounts(result),
    });
    return result;
  });
}

/** The Virtual Accounts whose position a reservation change moved (both ends of a transfer). */
function touchedVirtualAccounts(result: unknown): number[] {
  const change = result as Partial<ReservationChange & ReservationTransfer>;
  return [change.reservation, change.source?.reservation, change.target?.reservation].flatMap(
    (row) => (row ? [row.virtualAccountId] : []),
  );
}

/** Records a reservation (by hand or from an authorization code): one RESERVE event. */
export function reserve(handle: DbHandle, command: ReserveCommand): Promise<ReservationChange> {
  return change(handle, command, async (tx, context) => {
    const sa = context.smartAccountId;
    const instance = await findInstance(tx, sa, command.instance);
    const license = await findLicense(tx, sa, command.license);
    const id = await ensureReservation(tx, {
      smartAccountId: sa,
      instance,
      licenseId: license.id,
      reservationType: command.reservationType,
      authorizationCode: command.authorizationCode,
    });
    const current = locked(await lockReservations(tx, sa, [id]), id);
    const plan = planReserve({
      instance,
      existing: held(current),
      reservationType: command.reservationType,
      quantity: command.quantity,
      asOf: context.asOf,
    });
    let reservation = current.row;
    if (command.authorizationCode && command.authorizationCode !== reservation.authorizationCode) {
      [reservation = current.row] = await tx
        .update(reservations)
        .set({ authorizationCode: command.authorizationCode })
        .where(eq(reservations.id, id))
        .returning();
    }
    return { asOf: context.asOf, reservation, event: await append(tx, context, id, plan) };
  });
}

/** Applies one planned change to one existing reservation, writing its single event. */
function changeOne(
  handle: DbHandle,
  command: { readonly reservationId: number } & Parameters<typeof change>[1],
  plan: (reservation: ReturnType<typeof held>, asOf: string) => ReturnType<typeof planUpdate>,
): Promise<ReservationChange> {
  return change(handle, command, async (tx, context) => {
    const id = command.reservationId;
    const current = locked(await lockReservations(tx, context.smartAccountId, [id]), id);
    const planned = plan(held(current), context.asOf);
    return {
      asOf: context.asOf,
      reservation: current.row,
      event: await append(tx, context, id, planned),
    };
  });
}

/** Sets a reservation to a new quantity: one UPDATE event of the difference. */
export function updateReservation(
  handle: DbHandle,
  command: UpdateReservationCommand,
): Promise<ReservationChange> {
  return changeOne(handle, command, (reservation, asOf) =>
    planUpdate({ reservation, quantity: command.quantity, asOf }),
  );
}

/** Gives (part of) a reservation back: one RETURN event, never more than held. */
export function returnReservation(
  handle: DbHandle,
  command: ReturnReservationCommand,
): Promise<ReservationChange> {
  return changeOne(handle, command, (reservation, asOf) =>
    planReturn({ reservation, quantity: command.quantity, asOf }),
  );
}

/**
 * Moves (part of) a reservation to another device of the Smart Account: TRANSFER_OUT on the
 * source and TRANSFER_IN on the target device's reservation of the same license (created if
 * needed), in one transaction. The total reserved is conserved.
 */
export function transferReservation(
  handle: DbHandle,
  command: TransferReservationCommand,
): Promise<ReservationTransfer> {
  return change(handle, command, async (tx, context) => {
    const sa = context.smartAccountId;
    const sourceId = command.reservationId;
    // Read the source unlocked (its device and license never change), then lock both rows
    // together in id order, so opposite transfers cannot deadlock.
    const [row] = await tx.select().from(reservations).where(eq(reservations.id, sourceId));
    const source = inAccount(row, sa, 'UNKNOWN_RESERVATION', 'reservation');
    const toInstance = await findInstance(tx, sa, command.toInstance);
    const sameDevice = toInstance.id === source.productInstanceId;
    const targetId = sameDevice
      ? sourceId
      : await ensureReservation(tx, {
          smartAccountId: sa,
          instance: toInstance,
          licenseId: source.licenseId,
          reservationType: source.reservationType,
        });
    const both = await lockReservations(tx, sa, [sourceId, targetId]);
    const target = locked(both, targetId);
    const plan = planTransfer({
      source: held(locked(both, sourceId)),
      target: { instance: toInstance, existing: sameDevice ? null : held(target) },
      quantity: command.quantity,
      asOf: context.asOf,
    });
    return {
      asOf: context.asOf,
      source: { reservation: source, event: await append(tx, context, sourceId, plan.out) },
      target: { reservation: target.row, event: await append(tx, context, targetId, plan.in) },
    };
  });
}
