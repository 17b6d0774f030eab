import type { IsoDate } from '../calendar.js';

const DAY_MS = 86_400_000;

/** Day numbers of dates already seen: an estate repeats few distinct dates many times. */
const known = new Map<string, number>();

function dayNumber(date: IsoDate): number {
  let found = known.get(date);
  if (found === undefined) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    found = Date.UTC(year, month - 1, day) / DAY_MS;
    if (known.size < 100_000) known.set(date, found);
  }
  return found;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}
