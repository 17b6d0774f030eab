import type { IsoDate } from '../calendar.js';

/** What happened to a reservation: each kind is one entry of its append-only trail. */
export type ReservationEventType = 'RESERVE' | 'UPDATE' | 'TRANSFER_IN' | 'TRANSFER_OUT' | 'RETURN';

/** One entry of a reservation's trail, as stored. Quantities are integers. */
export interface TrailEvent {
  readonly id: number;
  readonly eventType: ReservationEventType;
  /** Signed change of the reserved quantity. */
  readonly quantityDelta: number;
  readonly occurredOn: IsoDate;
  /** The device the licenses left, when any (RETURN, a decrease, TRANSFER_*). */
  readonly fromInstanceId: number | null;
  /** The device the licenses went to, when any (RESERVE, an increase, TRANSFER_*). */
  readonly toInstanceId: number | null;
  /** Quantity once this event applied; null on rows recorded without it (seeds). */
  readonly quantityAfter: number | null;
}

/** Trail order: by the day an event took effect, then by recording order (id). */
export function compareTrail(
  a: Pick<TrailEvent, 'occurredOn' | 'id'>,
  b: Pick<TrailEvent, 'occurredOn' | 'id'>,
): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  return a.id - b.id;
}

/** The quantity a trail holds once every event applied: Σ quantityDelta. */
export function trailTotal(events: readonly Pick<TrailEvent, 'quantityDelta'>[]): number {
  return events.reduce((total, event) => total + event.quantityDelta, 0);
}

/** The day of the latest event of a trail, or null for an empty trail. */
export function lastOccurredOn(events: readonly Pick<TrailEvent, 'occurredOn'>[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const event of events) if (last === null || event.occurredOn > last) last = event.occurredOn;
  return last;
}

/**
 * The trail in trail order with every `quantityAfter` filled: the stored value where there is
 * one, otherwise the running sum of the deltas up to and including the event.
 */
export function withQuantityAfter<
  E extends Pick<TrailEvent, 'id' | 'occurredOn' | 'quantityDelta' | 'quantityAfter'>,
>(events: readonly E[]): (E & { quantityAfter: number })[] {
  let running = 0;
  return [...events].sort(compareTrail).map((event) => {
    running += event.quantityDelta;
    return { ...event, quantityAfter: event.quantityAfter ?? running };
  });
}
