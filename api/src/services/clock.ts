import { parseIsoDate, type IsoDate } from '../domain/index.js';

/** Where "today" comes from; injected so nothing below the edges reads the wall clock. */
export interface Clock {
  /** Today's date in UTC, `YYYY-MM-DD`. */
  today(): string;
}

export const systemClock: Clock = { today: () => new Date().toISOString().slice(0, 10) };

/** A clock stuck on one date (tests, reproducible reports). */
export const fixedClock = (date: string): Clock => ({ today: () => date });

/**
 * A query or command whose as-of date may be left out: the service reads it as today. The edges
 * (GraphQL, CLI) pass what they were given; only the services resolve "today".
 */
export type Dated<Q extends { asOf: IsoDate }> = Omit<Q, 'asOf'> & {
  asOf?: string | null | undefined;
};

/** The one place "today" is resolved: the explicit date, validated, or the clock's today. */
export const asOfOrTodayOn =
  (clock: Clock) =>
  (asOf?: string | null): IsoDate =>
    asOf === null || asOf === undefined ? clock.today() : parseIsoDate(asOf);

/** `query` with its as-of resolved by `asOfOrToday`. */
export const datedBy =
  (asOfOrToday: (asOf?: string | null) => IsoDate) =>
  <Q extends { asOf: IsoDate }>(query: Dated<Q>): Q =>
    ({ ...query, asOf: asOfOrToday(query.asOf) }) as Q;
