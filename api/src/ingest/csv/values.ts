import { isIsoDate, type IsoDate } from '../../domain/calendar.js';
import { MAX_QUANTITY } from '../../domain/limits.js';
import type { IssueCollector } from '../issues.js';

import type { TableRow } from './table.js';

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may', 'may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'september', 'sept'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UI = /^(\d{4})-([a-z]{3,9})-(\d{1,2})$/i;
const US = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i;
const TIMESTAMP =
  /^(.+?)(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?(AM|PM))?(?: ?(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$/i;
/** Cells that mean "no date" (a perpetual line's end, an instance that never called home). */
const NO_DATE = new Set(['-', '—', 'n/a', 'na', 'never', 'none']);
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function isoOf(year = '', monthName = '', day = ''): IsoDate | null {
  const month = MONTHS.get(monthName.toLowerCase());
  if (month === undefined) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads a calendar date written `2027-09-30`, `2027-Sep-30` or `Sep 30, 2027` (English month
 * names, short or long, any case), or an ISO date-time such as `2019-01-18T01:07:36Z` (its date
 * as written). Returns `YYYY-MM-DD`, or null when the text is none of these or not a real date.
 */
export function parseDate(text: string): IsoDate | null {
  const value = text.trim();
  if (ISO.test(value)) return isIsoDate(value) ? value : null;
  const ui = UI.exec(value);
  if (ui) return isoOf(ui[1], ui[2], ui[3]);
  const us = US.exec(value);
  if (us) return isoOf(us[3], us[1], us[2]);
  if (/^\d{4}-\d{2}-\d{2}[T ]/i.test(value) && parseTimestamp(value) !== null)
    return value.slice(0, 10);
  return null;
}

/**
 * Reads an instant: any `parseDate` form, optionally followed by a time `HH:MM[:SS[.fff]]`
 * (12-hour with AM/PM accepted) and a zone (`Z`, `UTC`, `GMT`, `+02:00`); no zone means UTC.
 * Returns an ISO 8601 UTC timestamp (`2019-01-18T01:07:36.000Z`) or null.
 */
export function parseTimestamp(text: string): string | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, datePart, hh, mm, ss, meridiem, zone] = match;
  const date = datePart ? parseDate(datePart) : null;
  if (!date) return null;
  let hours = Number(hh ?? 0);
  const minutes = Number(mm ?? 0);
  const seconds = Number(ss ?? 0);
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  const offset = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (offset) {
    offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day, hours, minutes - offsetMinutes, seconds);
  return new Date(utc).toISOString();
}

/** How to read one integer cell. */
export interface IntegerOptions {
  /** Column name for messages. */
  readonly label: string;
  /** Blank cell → `MISSING_VALUE` error. */
  readonly required?: boolean;
  /** Negative values allowed (e.g. `Balance`); otherwise `NEGATIVE_QUANTITY`. */
  readonly allowNegative?: boolean;
  /** Severity of a bad value; defaults to error. */
  readonly severity?: 'error' | 'warning';
}

/**
 * Reads a whole number from a cell (`12`, `+12`, `12.0`). Reports `NOT_A_NUMBER`,
 * `NOT_AN_INTEGER`, `NEGATIVE_QUANTITY` or (when required) `MISSING_VALUE` at the cell, and
 * returns null for a blank or rejected cell.
 */
export function readInteger<K extends string>(
  row: TableRow<K>,
  key: K,
  issues: IssueCollector,
  options: IntegerOptions,
): number | null {
  const text = row.text(key);
  const at = row.at(key);
  const severity = options.severity ?? 'error';
  if (text === null) {
    if (options.required) issues.error('MISSING_VALUE', at, `${options.label} is blank`);
    return null;
  }
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isSafeInteger(Math.trunc(value))) {
    issues.add(severity, 'NOT_A_NUMBER', at, `${options.label} "${text}" is not a whole number`);
    return null;
  }
  if (!Number.isInteger(value)) {
    issues.add(severity, 'NOT_AN_INTEGER', at, `${options.label} ${text} is not a whole number`);
    return null;
  }
  if (Math.abs(value) > MAX_QUANTITY) {
    issues.add(
      severity,
      'QUANTITY_TOO_LARGE',
      at,
      `${options.label} ${text} is more than ${MAX_QUANTITY.toLocaleString('en-US')}`,
    );
    return null;
  }
  if (value < 0 && !options.allowNegative) {
    issues.add(severity, 'NEGATIVE_QUANTITY', at, `${options.label} ${text} is negative`);
    return null;
  }
  return value + 0;
}

/** Reads a date cell (see `parseDate`); blank or `-`/`N/A`/`Never` → null; bad → `INVALID_DATE`. */
export function readDate<K extends string>(
  row: TableRow<K>,
  key: K,
  issues: IssueCollector,
  label: string,
  parse: (text: string) => string | null = parseDate,
): string | null {
  const text = row.text(key);
  if (text === null || NO_DATE.has(text.toLowerCase())) return null;
  const value = parse(text);
  if (value === null) {
    issues.error(
      'INVALID_DATE',
      row.at(key),
      `${label} "${text}" is not a date (use 2027-09-30, 2027-Sep-30 or Sep 30, 2027)`,
    );
  }
  return value;
}

/** Reports `END_BEFORE_START` at the end-date cell when both dates are known and out of order. */
export function checkEndAfterStart<K extends string>(
  row: TableRow<K>,
  dates: { readonly start: IsoDate | null; readonly end: IsoDate | null; readonly endKey: K },
  issues: IssueCollector,
): boolean {
  if (dates.start === null || dates.end === null || dates.end >= dates.start) return true;
  issues.error(
    'END_BEFORE_START',
    row.at(dates.endKey),
    `end date ${dates.end} is before start date ${dates.start}`,
  );
  return false;
}
