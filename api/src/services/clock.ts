/** Where "today" comes from; injected so nothing below the edges reads the wall clock. */
export interface Clock {
  /** Today's date in UTC, `YYYY-MM-DD`. */
  today(): string;
}

export const systemClock: Clock = { today: () => new Date().toISOString().slice(0, 10) };

/** A clock stuck on one date (tests, reproducible reports). */
export const fixedClock = (date: string): Clock => ({ today: () => date });
