import { MAX_QUANTITY } from '../../domain/limits.js';
import type { IngestIssueCode } from '../issues.js';

/** A parsed field value, or why it could not be parsed (an issue code and a message). */
export type ValueResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: IngestIssueCode; readonly message: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const bad = <T>(code: IngestIssueCode, message: string): ValueResult<T> => ({
  ok: false,
  code,
  message,
});

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A seat count: a non-negative safe integer, given as a JSON number or as a decimal string
 * (`"12"`; Cisco APIs send both). `what` names the field in messages.
 */
export function parseQuantity(raw: string | number, what: string): ValueResult<number> {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (DECIMAL.test(raw.trim())) value = Number(raw.trim());
  else return bad('NOT_A_NUMBER', `${what} is not a number: ${JSON.stringify(raw)}`);
  if (!Number.isFinite(value)) return bad('NOT_A_NUMBER', `${what} is not a number: ${raw}`);
  if (value < 0) return bad('NEGATIVE_QUANTITY', `${what} is negative: ${raw}`);
  if (!Number.isSafeInteger(value)) {
    return bad('NOT_AN_INTEGER', `${what} is not a whole number: ${raw}`);
  }
  if (value > MAX_QUANTITY) {
    return bad(
      'QUANTITY_TOO_LARGE',
      `${what} is more than ${MAX_QUANTITY.toLocaleString('en-US')}: ${raw}`,
    );
  }
  return ok(value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^\d{9,}$/;

/** Epoch seconds, or milliseconds when the value is too large to be seconds (after 5138 AD). */
export function epochToDate(epoch: number): Date {
  return new Date(Math.abs(epoch) >= 1e11 ? epoch : epoch * 1000);
}

/** Whether optional hour, minute and second captures form a valid time of day. */
function isClock(hour = '0', minute = '0', second = '0'): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    Number(year) >= 1900 &&
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

/** Parses a date or date-time to a UTC `Date`; null for an empty value. */
function toInstant(raw: string | number, what: string): ValueResult<Date | null> {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (text === '') return ok(null);
  if (EPOCH.test(text)) return ok(epochToDate(Number(text)));
  const invalid = bad<Date | null>(
    'INVALID_DATE',
    `${what} is not a date (expected YYYY-MM-DD or an ISO date-time): ${JSON.stringify(raw)}`,
  );
  const parts = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!parts) return invalid;
  const [, year = '', month = '', day = '', hour, minute, second, zone] = parts;
  if (!isCalendarDate(year, month, day) || !isClock(hour, minute, second)) return invalid;
  if (hour === undefined) return ok(new Date(`${year}-${month}-${day}T00:00:00Z`));
  const iso = text.replace(' ', 'T') + (zone === undefined ? 'Z' : '');
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? invalid : ok(instant);
}

/**
 * A calendar date as `YYYY-MM-DD`: accepts `YYYY-MM-DD`, ISO date-times (the date part when
 * the time is UTC or has no zone; converted to UTC otherwise) and epoch seconds or
 * milliseconds. Empty → null.
 */
export function parseDate(raw: string | number, what: string): ValueResult<string | null> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const direct = DATE.exec(text) ?? DATE_TIME.exec(text);
  const zone = direct?.[7];
  if (direct && (zone === undefined || zone.toUpperCase() === 'Z')) {
    const [, year = '', month = '', day = '', hour, minute, second] = direct;
    if (isCalendarDate(year, month, day) && isClock(hour, minute, second)) {
      return ok(`${year}-${month}-${day}`);
    }
  }
  const instant = toInstant(raw, what);
  if (!instant.ok) return instant;
  return ok(instant.value ? instant.value.toISOString().slice(0, 10) : null);
}

/** A moment as an ISO 8601 UTC timestamp (`…T…Z`); same inputs as `parseDate`. */
export function parseTimestamp(raw: string | number, what: string): ValueResult<string | null> {
  const instant = toInstant(raw, what);
  if (!instant.ok) return instant;
  return ok(instant.value ? instant.value.toISOString() : null);
}

const LICENSE_TYPES: Readonly<Record<string, 'TERM' | 'PERPETUAL'>> = {
  PERPETUAL: 'PERPETUAL',
  TERM: 'TERM',
  SUBSCRIPTION: 'TERM',
  DEMO: 'TERM',
};

/**
 * Trueup's lot type for a Cisco `licenseType`: PERPETUAL → PERPETUAL; TERM, SUBSCRIPTION and
 * DEMO (it expires) → TERM. STANDARD (seen once in Cisco data), an empty type and an unknown
 * type are TERM when the lot has an end date and PERPETUAL otherwise; `known` is false only
 * for a type outside this list, so callers can warn.
 */
export function licenseTypeOf(
  raw: string | null,
  endDate: string | null,
): { readonly type: 'TERM' | 'PERPETUAL'; readonly known: boolean } {
  const name = raw?.trim().toUpperCase() ?? '';
  const mapped = LICENSE_TYPES[name];
  if (mapped) return { type: mapped, known: true };
  return { type: endDate ? 'TERM' : 'PERPETUAL', known: name === '' || name === 'STANDARD' };
}
