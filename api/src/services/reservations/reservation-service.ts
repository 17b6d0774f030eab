import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../../domain/index.js';

import type {
  ChangeContext,
  ReserveCommand,
  ReturnReservationCommand,
  TransferReservationCommand,
  UpdateReservationCommand,
} from './reservation-commands.js';
import { reservationReads } from './reservation-reads.js';
import { standingsOf } from './reservation-standings.js';
import {
  reserve,
  returnReservation,
  transferReservation,
  updateReservation,
} from './reservation-writes.js';

/** A command whose as-of may be left out (it then means today). */
export type Dated<C extends { asOf: IsoDate }> = Omit<C, 'asOf'> & {
  asOf?: string | null | undefined;
};

/**
 * Reservations with their append-only trail. Each change runs in one transaction and appends
 * exactly one event per reservation it touches.
 */
export function reservationService(
  handle: DbHandle,
  asOfOrToday: (asOf?: string | null) => IsoDate,
) {
  const dated = <C extends ChangeContext>(command: Dated<C>): C =>
    ({ ...command, asOf: asOfOrToday(command.asOf) }) as C;
  return {
    // async: a bad date rejects like every other refusal, never throws synchronously.
    reserve: async (command: Dated<ReserveCommand>) => reserve(handle, dated(command)),
    update: async (command: Dated<UpdateReservationCommand>) =>
      updateReservation(handle, dated(command)),
    transfer: async (command: Dated<TransferReservationCommand>) =>
      transferReservation(handle, dated(command)),
    return: async (command: Dated<ReturnReservationCommand>) =>
      returnReservation(handle, dated(command)),
    standingsOf: (ids: readonly number[], asOf: IsoDate) => standingsOf(handle, ids, asOf),
    ...reservationReads(handle),
  };
}

export type ReservationService = ReturnType<typeof reservationService>;
