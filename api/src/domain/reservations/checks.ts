import type { IsoDate } from '../calendar.js';
import { assert, type DomainErrorCode } from '../errors.js';
import { MAX_QUANTITY } from '../limits.js';

/**
 * Returns `quantity` if it is a whole number from 1 to `MAX_QUANTITY`; throws INVALID_QUANTITY
 * otherwise.
 */
export function checkPositiveQuantity(quantity: number, field = 'quantity'): number {
  assert(
    Number.isSafeInteger(quantity) && quantity > 0,
    'INVALID_QUANTITY',
    `${field} must be a positive whole number, got ${quantity}`,
    { field, quantity },
  );
  assert(
    quantity <= MAX_QUANTITY,
    'INVALID_QUANTITY',
    `${field} must be at most ${MAX_QUANTITY.toLocaleString('en-US')}, got ${quantity}`,
    { field, quantity },
  );
  return quantity;
}

/** Returns the actor trimmed; throws MISSING_ACTOR when blank (every event names who did it). */
export function checkActor(actor: string): string {
  const trimmed = actor.trim();
  assert(trimmed.length > 0, 'MISSING_ACTOR', 'say who makes this change (actor)', { actor });
  return trimmed;
}

/**
 * Returns `row` if it exists and belongs to the Smart Account; otherwise throws `code`. A row
 * of another account is reported exactly like a missing one (scope: other accounts' data is
 * indistinguishable from data that does not exist).
 */
export function inAccount<T extends { readonly smartAccountId: number }>(
  row: T | undefined,
  smartAccountId: number,
  code: Extract<
    DomainErrorCode,
    'UNKNOWN_PRODUCT_INSTANCE' | 'UNKNOWN_LICENSE' | 'UNKNOWN_RESERVATION' | 'UNKNOWN_LOT'
  >,
  what: string,
): T {
  assert(row !== undefined && row.smartAccountId === smartAccountId, code, `no such ${what}`, {
    smartAccountId,
  });
  return row;
}

/**
 * The trail is chronological: a new event may not take effect before the latest one already
 * recorded, or the quantities recorded after it would no longer be true. Throws
 * EVENT_OUT_OF_ORDER.
 */
export function checkChronology(latest: IsoDate | null, asOf: IsoDate): void {
  assert(
    latest === null || asOf >= latest,
    'EVENT_OUT_OF_ORDER',
    `the reservation already has an event on ${latest}; a new one cannot take effect earlier (${asOf})`,
    { latest, asOf },
  );
}
