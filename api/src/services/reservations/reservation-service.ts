import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../../domain/index.js';
import { datedBy, type Dated } from '../clock.js';

import type {
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

/**
 * Reservations with their append-only trail. Each change runs in one transaction and appends
 * exactly one event per reservation it touches.
 */
export function reservationService(
  handle: DbHandle,
  asOfOrToday: (asOf?: string | null) => IsoDate,
) {
  const dated = datedBy(asOfOrToday);
  const reads = reservationReads(handle);
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
    ...reads,
    /** As `reads.reservationsOf`; an as-of left out is today. */
    reservationsOf: async (query: Dated<Parameters<typeof reads.reservationsOf>[0]>) =>
      reads.reservationsOf(dated(query)),
  };
}

export type ReservationService = ReturnType<typeof reservationService>;
