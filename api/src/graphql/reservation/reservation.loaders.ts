import DataLoader from 'dataloader';

import type { IsoDate, ReservationStanding } from '../../domain/index.js';
import type {
  ProductInstanceRecord,
  ReservationEventView,
  ReservationRow,
  Services,
} from '../../services/index.js';

export interface StandingKey {
  readonly reservationId: number;
  readonly asOf: IsoDate;
}

function byId<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): (T | Error)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? new Error(`no row with id ${id}`));
}

/** Per-request loaders for reservation fields: one batched read per field, however many parents. */
export function createReservationLoaders(services: Services) {
  const { reservations } = services;
  return {
    /** The trail of each reservation, in trail order. */
    eventsOf: new DataLoader<number, ReservationEventView[]>(async (ids) => {
      const trails = new Map<number, ReservationEventView[]>(ids.map((id) => [id, []]));
      for (const event of await reservations.eventsOf(ids))
        trails.get(event.reservationId)?.push(event);
      return ids.map((id) => trails.get(id) ?? []);
    }),
    reservationById: new DataLoader<number, ReservationRow>(async (ids) =>
      byId(ids, await reservations.reservationsByIds(ids)),
    ),
    instanceById: new DataLoader<number, ProductInstanceRecord>(async (ids) =>
      byId(ids, await reservations.instancesByIds(ids)),
    ),
    /** Standing (quantity, stranded, transfer history): one batch per as-of date. */
    standing: new DataLoader<StandingKey, ReservationStanding, string>(
      async (keys) => {
        const dates = [...new Set(keys.map((k) => k.asOf))];
        const perDate = new Map(
          await Promise.all(
            dates.map(
              async (asOf) =>
                [
                  asOf,
                  await reservations.standingsOf(
                    keys.filter((k) => k.asOf === asOf).map((k) => k.reservationId),
                    asOf,
                  ),
                ] as const,
            ),
          ),
        );
        return keys.map(
          (k) =>
            perDate.get(k.asOf)?.get(k.reservationId) ??
            new Error(`no reservation ${k.reservationId}`),
        );
      },
      { cacheKeyFn: (k) => `${k.reservationId}|${k.asOf}` },
    ),
  };
}

export type ReservationLoaders = ReturnType<typeof createReservationLoaders>;
