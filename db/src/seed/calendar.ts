const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a `YYYY-MM-DD` calendar date to UTC epoch milliseconds; throws on anything else. */
export function parseIsoDate(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${isoDate}"`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d || new Date(ms).getUTCMonth() !== m - 1) {
    throw new RangeError(`"${isoDate}" is not a calendar date`);
  }
  return ms;
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, when negative) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return formatDate(parseIsoDate(isoDate) + days * DAY_MS);
}

/** The last day of a term of `years` starting on `isoDate` (e.g. 2024-03-01 + 3y → 2027-02-28). */
export function termEnd(isoDate: string, years: number): string {
  const start = new Date(parseIsoDate(isoDate));
  const end = Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate());
  return formatDate(end - DAY_MS);
}

/** The start date of the term of `years` that ends on `isoDate` (inverse of `termEnd`). */
export function termStart(endIsoDate: string, years: number): string {
  const next = new Date(parseIsoDate(endIsoDate) + DAY_MS);
  return formatDate(Date.UTC(next.getUTCFullYear() - years, next.getUTCMonth(), next.getUTCDate()));
}

/** An ISO timestamp (UTC) on `isoDate` at `minuteOfDay` minutes past midnight. */
export function timestampOn(isoDate: string, minuteOfDay: number): string {
  return new Date(parseIsoDate(isoDate) + minuteOfDay * 60_000).toISOString();
}
