import { isIsoDate, parseIsoDate } from '../calendar.js';
import { assert } from '../errors.js';

import type { FindingsInput } from './findings-input.js';

function checkQuantity(value: number, field: string, id: number): void {
  if (Number.isSafeInteger(value) && value >= 0) return; // the message is built only on failure
  assert(
    Number.isSafeInteger(value) && value >= 0,
    'INVALID_QUANTITY',
    `${field} of row ${id} must be a non-negative integer`,
    { field, id, value },
  );
}

/** Dates already found valid in this run: an estate repeats few distinct dates many times. */
type KnownDates = Set<string>;

function checkDate(
  known: KnownDates,
  value: string | null | undefined,
  field: string,
  id: number,
): void {
  if (value === null || value === undefined || known.has(value)) return;
  assert(isIsoDate(value), 'INVALID_DATE', `${field} of row ${id} is not a date: "${value}"`, {
    field,
    id,
    value,
  });
  known.add(value);
}

/** `where` names the row (built only when the check fails: one call per row of the estate). */
function checkVirtualAccount(known: ReadonlySet<number>, id: number, where: () => string): void {
  if (known.has(id)) return;
  const at = where();
  assert(false, 'UNKNOWN_VIRTUAL_ACCOUNT', `${at} names unknown virtual account ${id}`, {
    virtualAccountId: id,
    where: at,
  });
}

/** Each (a, b) pair at most once; pairs of ids are kept per `a`, no key string per row. */
function checkUnique<T>(
  rows: readonly T[],
  pair: (row: T) => [number, number],
  what: string,
): void {
  const seen = new Map<number, Set<number>>();
  for (const row of rows) {
    const [a, b] = pair(row);
    let of = seen.get(a);
    if (!of) seen.set(a, (of = new Set()));
    if (of.has(b)) {
      const key = `${a}:${b}`;
      assert(false, 'INVALID_QUANTITY', `${what} ${key} is given twice`, { what, key });
    }
    of.add(b);
  }
}

/**
 * Checks the input once at the entry (the safe wrapper; the finding rules then trust it):
 * `asOf` and every date are calendar dates (`INVALID_DATE`), quantities are non-negative
 * integers and prices non-negative, one position line per Virtual Account × license and one
 * usage report per instance × license (`INVALID_QUANTITY`), and every Virtual Account id
 * refers to one in `virtualAccounts` (`UNKNOWN_VIRTUAL_ACCOUNT`).
 */
export function validateFindingsInput(input: FindingsInput): void {
  parseIsoDate(input.asOf);
  const dates: KnownDates = new Set();
  const known = new Set(input.virtualAccounts.map((va) => va.id));
  for (const line of input.positionLines) {
    checkVirtualAccount(
      known,
      line.virtualAccountId,
      () => `position line of license ${line.licenseId}`,
    );
  }
  for (const lot of input.lots) {
    checkVirtualAccount(known, lot.virtualAccountId, () => `lot ${lot.id}`);
    checkQuantity(lot.quantity, 'lot quantity', lot.id);
    checkDate(dates, lot.startDate, 'lot startDate', lot.id);
    checkDate(dates, lot.endDate, 'lot endDate', lot.id);
    checkDate(dates, lot.effectiveFrom, 'lot effectiveFrom', lot.id);
    checkDate(dates, lot.supersededOn, 'lot supersededOn', lot.id);
  }
  for (const instance of input.instances) {
    checkVirtualAccount(known, instance.virtualAccountId, () => `instance ${instance.id}`);
    checkDate(dates, instance.lastContactAt, 'instance lastContactAt', instance.id);
  }
  checkUnique(
    input.positionLines,
    (line) => [line.virtualAccountId, line.licenseId],
    'position line',
  );
  checkUnique(
    input.deviceUsage,
    (usage) => [usage.instanceId, usage.licenseId],
    'usage of instance:license',
  );
  for (const usage of input.deviceUsage) {
    checkQuantity(usage.quantity, 'usage quantity', usage.instanceId);
  }
  for (const reservation of input.reservations) {
    checkVirtualAccount(known, reservation.virtualAccountId, () => `reservation ${reservation.id}`);
    checkQuantity(reservation.quantity, 'reservation quantity', reservation.id);
    checkDate(dates, reservation.endDate, 'reservation endDate', reservation.id);
  }
  for (const satellite of input.satellites) {
    checkDate(dates, satellite.lastSyncAt, 'satellite lastSyncAt', satellite.id);
  }
  for (const price of input.prices ?? []) {
    assert(price.unitPriceMinor >= 0n, 'INVALID_QUANTITY', 'unit price must not be negative', {
      licenseId: price.licenseId,
    });
  }
}
