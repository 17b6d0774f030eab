import type { IsoDate } from '../calendar.js';
import { reservedAt } from '../position/lot.js';

import { compareTrail, type TrailEvent } from './trail.js';

/** Why a reservation is stranded: its device is decommissioned, or was replaced (RMA). */
export type StrandedReason = 'DECOMMISSIONED' | 'REPLACED';

/**
 * What a reservation's trail says about how it arrived on its device:
 * - `NONE`: it was never transferred in;
 * - `CLEAN`: every TRANSFER_IN is matched by the source's TRANSFER_OUT (same day, same devices,
 *   equal and opposite quantity) and the trail never dips below zero;
 * - `UNMATCHED`: some TRANSFER_IN has no such counterpart, or the trail dips below zero.
 */
export type TransferHistory = 'NONE' | 'CLEAN' | 'UNMATCHED';

/** A reservation's standing at a date. */
export interface ReservationStanding {
  readonly quantity: number;
  /** Set when it holds licenses on a device that cannot use them (as STRANDED_RESERVATION). */
  readonly strandedReason: StrandedReason | null;
  readonly transferHistory: TransferHistory;
  /** Stranded, and its trail proves it was transferred in properly: safe to return or move on. */
  readonly strandedWithCleanTransferHistory: boolean;
}

type Counterpart = Pick<
  TrailEvent,
  'eventType' | 'quantityDelta' | 'occurredOn' | 'fromInstanceId' | 'toInstanceId'
>;

function isCounterpart(incoming: TrailEvent, candidate: Counterpart, instanceId: number): boolean {
  return (
    candidate.eventType === 'TRANSFER_OUT' &&
    candidate.toInstanceId === instanceId &&
    candidate.fromInstanceId === incoming.fromInstanceId &&
    candidate.occurredOn === incoming.occurredOn &&
    candidate.quantityDelta === -incoming.quantityDelta
  );
}

/** Classifies the transfer history of a trail up to `asOf` (see `TransferHistory`). */
export function transferHistory(input: {
  readonly instanceId: number;
  readonly events: readonly TrailEvent[];
  /** TRANSFER_OUT events of other reservations of the same license that name this device. */
  readonly counterparts: readonly Counterpart[];
  readonly asOf: IsoDate;
}): TransferHistory {
  const trail = input.events.filter((e) => e.occurredOn <= input.asOf).sort(compareTrail);
  const incoming = trail.filter((e) => e.eventType === 'TRANSFER_IN');
  if (incoming.length === 0) return 'NONE';
  const unused = [...input.counterparts];
  for (const event of incoming) {
    const match = unused.findIndex((c) => isCounterpart(event, c, input.instanceId));
    if (match < 0) return 'UNMATCHED';
    unused.splice(match, 1);
  }
  let running = 0;
  for (const event of trail) {
    running += event.quantityDelta;
    if (running < 0) return 'UNMATCHED';
  }
  return 'CLEAN';
}

/**
 * The standing of one reservation at `asOf`: the quantity its trail holds, whether it is
 * stranded on its device (the device's current status, as the findings judge it), and whether
 * its trail shows a clean transfer in.
 */
export function reservationStanding(input: {
  readonly instance: {
    readonly id: number;
    readonly status: 'ACTIVE' | 'DECOMMISSIONED';
    readonly replacedById: number | null;
  };
  readonly events: readonly TrailEvent[];
  readonly counterparts: readonly Counterpart[];
  readonly asOf: IsoDate;
}): ReservationStanding {
  const quantity = reservedAt(input.events, input.asOf);
  const strandedReason: StrandedReason | null =
    quantity <= 0
      ? null
      : input.instance.status === 'DECOMMISSIONED'
        ? 'DECOMMISSIONED'
        : input.instance.replacedById !== null
          ? 'REPLACED'
          : null;
  const history = transferHistory({ ...input, instanceId: input.instance.id });
  return {
    quantity,
    strandedReason,
    transferHistory: history,
    strandedWithCleanTransferHistory: strandedReason !== null && history === 'CLEAN',
  };
}
