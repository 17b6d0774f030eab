import { assert } from './errors.js';

/** An ISO calendar date `YYYY-MM-DD`. Plain strings compare in calendar order. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in ISO form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Returns `value` as an `IsoDate`, or throws `INVALID_DATE` naming what was wrong. */
export function parseIsoDate(value: string): IsoDate {
  assert(
    isIsoDate(value),
    'INVALID_DATE',
    `"${value}" is not a calendar date in the form YYYY-MM-DD`,
    {
      value,
    },
  );
  return value;
}

/** Adds whole days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
