import type { DomainErrorCode } from '../../domain/index.js';

/**
 * Every code a mutation's `userErrors` can carry, the one `as const` list (the GraphQL enum
 * `UserErrorCode` is built from it, in this order), each with the input field it is usually
 * about (`runMutation` names it in `UserError.field`; a mutation may override it) and what it
 * means and what to do: the enum value's description. The domain's codes that are not here are
 * in `NOT_USER_ERROR_CODES` with the reason; the check below fails to compile when a domain code
 * is in neither list (or in both), so a new code is decided on before a mutation can raise it.
 */
export const USER_ERROR_CODE_LIST = [
  // Input values.
  {
    code: 'INVALID_DATE',
    field: 'asOf',
    description: 'A date is not a calendar date (YYYY-MM-DD) or is out of range. Send an ISO date.',
  },
  {
    code: 'INVALID_QUANTITY',
    field: 'quantity',
    description:
      'A quantity is not a whole number in range (at most 1,000,000,000 units per line, lot, reservation or move), or a discount is not 0 to 10,000 basis points. Send a whole number in range.',
  },
  {
    code: 'MISSING_ACTOR',
    field: 'actor',
    description: 'The change names no actor. Say who makes it (a person or a system).',
  },
  {
    code: 'MISSING_REFERENCE',
    field: null,
    description:
      'Something the mutation needs is not named, or two inputs that exclude each other were both given: a device (productInstanceId, or udiPid and udiSerial), a license (licenseId, license or entitlementTag), a scenario name, moves to apply, or both moves and fromSuggestion. Give exactly what the message names.',
  },
  {
    code: 'INVALID_ID',
    field: null,
    description:
      'An id is not the global id of the type the input field names (e.g. a VirtualAccount id where a License id is expected, or a bare database id). Send the `id` field of an object of that type; the error names the field.',
  },
  // Things the input names that do not exist in the Smart Account.
  {
    code: 'UNKNOWN_VIRTUAL_ACCOUNT',
    field: null,
    description:
      'No such Virtual Account in this Smart Account. Use a name or id from SmartAccount.virtualAccounts.',
  },
  {
    code: 'UNKNOWN_LICENSE',
    field: null,
    description:
      'No such license in this Smart Account. Use a name or id from SmartAccount.licenses.',
  },
  {
    code: 'UNKNOWN_PRODUCT_INSTANCE',
    field: null,
    description:
      'No such device (product instance) in this Smart Account. Use an id or serial from SmartAccount.productInstances.',
  },
  {
    code: 'UNKNOWN_RESERVATION',
    field: 'reservationId',
    description:
      'No such reservation in this Smart Account. Use an id from SmartAccount.reservations.',
  },
  {
    code: 'UNKNOWN_LOT',
    field: 'lotId',
    description: 'No such entitlement lot in this Smart Account. Use an id from a license’s lots.',
  },
  {
    code: 'UNKNOWN_PAK',
    field: 'pakNumber',
    description:
      'No classic PAK licenses under that PAK number (or for that device) in this Smart Account. Check the number against the classic lots.',
  },
  {
    code: 'UNKNOWN_PRICE',
    field: null,
    description:
      'No price book entry for this license, currency and date, so there is nothing to remove. Check validFrom against SmartAccount.priceBook.',
  },
  {
    code: 'UNKNOWN_SCENARIO',
    field: 'id',
    description: 'No such scenario in this Smart Account. Use an id from SmartAccount.scenarios.',
  },
  // Reservations (SLR / PLR).
  {
    code: 'RESERVATION_EXISTS',
    field: null,
    description:
      'The device already holds a reservation of this license. Change it with updateReservation instead.',
  },
  {
    code: 'RESERVATION_TYPE_MISMATCH',
    field: null,
    description:
      'The device holds this license under the other reservation type (SLR vs PLR). Return it first, or keep its type.',
  },
  {
    code: 'EXCEEDS_RESERVED',
    field: 'quantity',
    description:
      'The change takes more units than the reservation holds (or it holds none). Ask for at most what it holds.',
  },
  {
    code: 'QUANTITY_UNCHANGED',
    field: 'quantity',
    description: 'The reservation already holds that quantity: there is nothing to change.',
  },
  {
    code: 'SAME_INSTANCE',
    field: null,
    description:
      'A reservation cannot be transferred to the device that holds it. Name another device.',
  },
  {
    code: 'INSTANCE_DECOMMISSIONED',
    field: null,
    description: 'A decommissioned device cannot receive reserved licenses. Name an active device.',
  },
  {
    code: 'EVENT_OUT_OF_ORDER',
    field: null,
    description:
      'The reservation already has a later event; a new one cannot take effect before it. Date the change on or after the latest event.',
  },
  // Classic PAK conversion.
  {
    code: 'NOT_CLASSIC_LOT',
    field: 'lotId',
    description: 'Only classic PAK lots convert; this lot is already Smart.',
  },
  {
    code: 'LOT_NOT_CONVERTIBLE',
    field: 'lotId',
    description:
      'The lot does not count at the date (not started, ended, or replaced by a newer record). Pick a lot active at the date.',
  },
  {
    code: 'EXCEEDS_LOT',
    field: 'quantity',
    description: 'The conversion or transfer takes more units than the lot holds.',
  },
  {
    code: 'EXCEEDS_PAK',
    field: 'quantity',
    description:
      'The conversion takes more units than remain unconverted under the PAK. Ask for at most what remains.',
  },
  {
    code: 'NOTHING_TO_CONVERT',
    field: null,
    description:
      'There are no classic units left to convert for what the input names (all converted already, or none active at the date).',
  },
  // Scenarios and reallocation.
  {
    code: 'SCENARIO_EXISTS',
    field: 'name',
    description:
      'A scenario with that name already exists in this Smart Account. Choose another name.',
  },
  {
    code: 'SCENARIO_VERSION_CONFLICT',
    field: 'expectedVersion',
    description:
      'The scenario changed since the version you read (someone else edited it). Read it again, re-evaluate, and send the new version.',
  },
  {
    code: 'SCENARIO_NOT_DRAFT',
    field: 'id',
    description: 'The scenario is applied or discarded; only a DRAFT can change. Create a new one.',
  },
  {
    code: 'SAME_VIRTUAL_ACCOUNT',
    field: null,
    description:
      'A move’s source and target are the same Virtual Account. Name two different ones.',
  },
  {
    code: 'REALLOCATION_CONFLICT',
    field: null,
    description:
      'Applying the scenario would leave a source short: its surplus was consumed since the scenario was evaluated. Nothing changed; evaluate it again and adjust the moves.',
  },
  // Snapshots, money.
  {
    code: 'SNAPSHOT_EXISTS',
    field: 'label',
    description:
      'A snapshot with that label already exists in this Smart Account. Choose another label.',
  },
  {
    code: 'INVALID_PRICE',
    field: 'listPrice',
    description:
      'A price or currency is not acceptable: not an amount like 1200.50, negative, a currency the price book does not take, or a price for a license whose term is UNKNOWN.',
  },
  {
    code: 'CURRENCY_MISMATCH',
    field: 'currency',
    description:
      'Amounts in different currencies would be added: the licenses in scope are priced in several. Say which currency.',
  },
  // Import.
  {
    code: 'IMPORT_INPUT',
    field: 'content',
    description:
      'The import request itself cannot be read: an unknown format, an unreadable or empty file. (Bad rows are not user errors: they come back as ImportSummary.issues with file, line and column.)',
  },
] as const satisfies readonly {
  readonly code: string;
  readonly field: string | null;
  readonly description: string;
}[];

/** A code a mutation's userErrors can carry. */
export type UserErrorCode = (typeof USER_ERROR_CODE_LIST)[number]['code'];

/** The domain codes a mutation never answers in userErrors, each with why. */
export const NOT_USER_ERROR_CODES = {
  UNKNOWN_SMART_ACCOUNT:
    'scope: a Smart Account the token may not see answers exactly like one that does not exist, a top-level NOT_FOUND',
  INVALID_CURSOR: 'reads only (connection arguments)',
  INVALID_PAGE_SIZE: 'reads only (connection arguments)',
  INVALID_EVENT_KIND: 'reads only (the Event Log filter)',
  UNKNOWN_SNAPSHOT: 'reads only (drift between snapshots)',
  INVALID_RENEWAL_INPUT: 'reads only (the renewal report and its export)',
  INVALID_TOKEN_NAME: 'API tokens are managed by the CLI, not by mutations',
  TOKEN_NAME_TAKEN: 'API tokens are managed by the CLI, not by mutations',
  UNKNOWN_TOKEN: 'API tokens are managed by the CLI, not by mutations',
  INVALID_ROLE: 'API tokens are managed by the CLI, not by mutations',
  INVALID_EXPIRY: 'API tokens are managed by the CLI, not by mutations',
  MISSING_SCOPE: 'API tokens are managed by the CLI, not by mutations',
} as const satisfies Partial<Record<DomainErrorCode, string>>;

/** Every domain code is in exactly one of the two lists (a compile error names the odd one). */
type Undecided = Exclude<DomainErrorCode, UserErrorCode | keyof typeof NOT_USER_ERROR_CODES>;
type InBoth = Extract<UserErrorCode, keyof typeof NOT_USER_ERROR_CODES>;
type NotADomainCode = Exclude<UserErrorCode, DomainErrorCode | 'IMPORT_INPUT'>;
export const USER_ERROR_CODES_DECIDED: [Undecided, InBoth, NotADomainCode] extends [
  never,
  never,
  never,
]
  ? true
  : { undecided: Undecided; inBoth: InBoth; notADomainCode: NotADomainCode } = true;

/** The codes, in order. */
export const USER_ERROR_CODES: readonly UserErrorCode[] = USER_ERROR_CODE_LIST.map(
  (entry) => entry.code,
);

const FIELD_OF = Object.fromEntries(
  USER_ERROR_CODE_LIST.map((entry) => [entry.code, entry.field]),
) as Record<UserErrorCode, string | null>;

/** Whether a code (e.g. a DomainError's) is one a mutation answers in userErrors. */
export function isUserErrorCode(code: string): code is UserErrorCode {
  return Object.hasOwn(FIELD_OF, code);
}

/** The input field a code is usually about, or null. */
export function fieldOfUserError(code: UserErrorCode): string | null {
  return FIELD_OF[code];
}
