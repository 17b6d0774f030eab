/** Every code a domain rule can raise; programs match on these, people read the message. */
export type DomainErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_QUANTITY'
  | 'INVALID_CURSOR'
  | 'INVALID_PAGE_SIZE'
  /** An Event Log kind the reads do not know (services/events). */
  | 'INVALID_EVENT_KIND'
  /** An argument or input field that must hold a global id of one type holds something else. */
  | 'INVALID_ID'
  | 'UNKNOWN_SMART_ACCOUNT'
  | 'UNKNOWN_VIRTUAL_ACCOUNT'
  | 'SNAPSHOT_EXISTS'
  | 'UNKNOWN_SNAPSHOT'
  // Reservations and classic PAK conversion (domain/reservations, domain/conversion).
  | 'UNKNOWN_PRODUCT_INSTANCE'
  | 'UNKNOWN_LICENSE'
  | 'UNKNOWN_RESERVATION'
  | 'UNKNOWN_LOT'
  | 'MISSING_ACTOR'
  | 'MISSING_REFERENCE'
  | 'EXCEEDS_RESERVED'
  | 'SAME_INSTANCE'
  | 'INSTANCE_DECOMMISSIONED'
  | 'RESERVATION_EXISTS'
  | 'RESERVATION_TYPE_MISMATCH'
  | 'QUANTITY_UNCHANGED'
  | 'EVENT_OUT_OF_ORDER'
  | 'NOT_CLASSIC_LOT'
  | 'LOT_NOT_CONVERTIBLE'
  | 'EXCEEDS_LOT'
  | 'UNKNOWN_PAK'
  | 'EXCEEDS_PAK'
  | 'NOTHING_TO_CONVERT'
  // API tokens (services/access).
  | 'INVALID_TOKEN_NAME'
  | 'TOKEN_NAME_TAKEN'
  | 'UNKNOWN_TOKEN'
  | 'INVALID_ROLE'
  | 'INVALID_EXPIRY'
  | 'MISSING_SCOPE'
  // Scenarios (services/reallocation).
  | 'UNKNOWN_SCENARIO'
  | 'SCENARIO_EXISTS'
  | 'SCENARIO_VERSION_CONFLICT'
  | 'SCENARIO_NOT_DRAFT'
  | 'REALLOCATION_CONFLICT'
  // What-if reallocation (domain/reallocation).
  | 'SAME_VIRTUAL_ACCOUNT'
  // Money, price book and renewal model (domain/money, domain/renewal).
  | 'CURRENCY_MISMATCH'
  | 'INVALID_PRICE'
  | 'UNKNOWN_PRICE'
  | 'INVALID_RENEWAL_INPUT';

/** A broken invariant or an impossible request, with a code for programs and details for logs. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Throws a `DomainError` unless `condition` holds (dinero.js-style guard). */
export function assert(
  condition: unknown,
  code: DomainErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): asserts condition {
  if (!condition) throw new DomainError(code, message, details);
}
