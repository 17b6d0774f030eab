import { DomainError, type DomainErrorCode } from '../../domain/index.js';

import type { MutationInput } from './mutation-input.js';
import type { UserErrorGql } from './user-error.type.js';

/** The input field each code is usually about (overridable per mutation); absent: none. */
const FIELD_OF: Partial<Record<DomainErrorCode, string>> = {
  INVALID_DATE: 'asOf',
  INVALID_QUANTITY: 'quantity',
  EXCEEDS_RESERVED: 'quantity',
  EXCEEDS_LOT: 'quantity',
  EXCEEDS_PAK: 'quantity',
  QUANTITY_UNCHANGED: 'quantity',
  MISSING_ACTOR: 'actor',
  UNKNOWN_SCENARIO: 'id',
  SCENARIO_NOT_DRAFT: 'id',
  SCENARIO_VERSION_CONFLICT: 'expectedVersion',
  SCENARIO_EXISTS: 'name',
  UNKNOWN_RESERVATION: 'reservationId',
  UNKNOWN_LOT: 'lotId',
  NOT_CLASSIC_LOT: 'lotId',
  LOT_NOT_CONVERTIBLE: 'lotId',
  UNKNOWN_PAK: 'pakNumber',
  CURRENCY_MISMATCH: 'currency',
  INVALID_PRICE: 'listPrice',
  SNAPSHOT_EXISTS: 'label',
};

/**
 * Codes that stay top-level errors: a Smart Account the token may not see must answer exactly
 * as before (and as an unknown one), so scope refusals are not turned into user errors.
 */
const TOP_LEVEL: ReadonlySet<DomainErrorCode> = new Set(['UNKNOWN_SMART_ACCOUNT']);

/** The input field an INVALID_ID error names (node/global-id.ts parseGlobalId). */
const idField = (error: DomainError): string | undefined =>
  error.code === 'INVALID_ID' && typeof error.details.field === 'string'
    ? error.details.field
    : undefined;

/** The user's mistake an error describes, or undefined when it is unexpected (rethrown). */
function userErrorOf(
  error: unknown,
  fields: Partial<Record<string, string>>,
): UserErrorGql | undefined {
  if (error instanceof DomainError && !TOP_LEVEL.has(error.code)) {
    const field = idField(error) ?? fields[error.code] ?? FIELD_OF[error.code];
    return { field: field ? ['input', field] : null, code: error.code, message: error.message };
  }
  // Import input the parser refuses before reading rows (unknown format, unreadable file).
  if ((error as { code?: unknown } | null)?.code === 'IMPORT_INPUT') {
    return { field: ['input', 'content'], code: 'IMPORT_INPUT', message: (error as Error).message };
  }
  return undefined;
}

/** A payload: the result's fields, or (on a user's mistake) none and the userErrors. */
export type MutationPayloadOf<R> = { [K in keyof R]: R[K] | null } & {
  userErrors: UserErrorGql[];
  clientMutationId: string | null;
};

/**
 * Runs a mutation's work and wraps it in its payload. Domain errors (validation, not found,
 * conflicts) become `userErrors` with the input field at fault; anything else (auth, scope, the
 * unexpected) propagates as a top-level error. The services run each mutation in one
 * transaction, so a user error has written nothing. `fields` overrides the input field named
 * for a code (e.g. UNKNOWN_LICENSE → license).
 */
export async function runMutation<R extends object>(
  input: MutationInput,
  work: () => Promise<R>,
  fields: Partial<Record<string, string>> = {},
): Promise<MutationPayloadOf<R>> {
  const clientMutationId = input.clientMutationId ?? null;
  try {
    const result = await work();
    return { ...result, userErrors: [], clientMutationId } as MutationPayloadOf<R>;
  } catch (error) {
    const userError = userErrorOf(error, fields);
    if (!userError) throw error;
    // The result fields are absent, which GraphQL answers as null.
    return { userErrors: [userError], clientMutationId } as MutationPayloadOf<R>;
  }
}
