import { DomainError } from '../../domain/index.js';
import { ImportInputError } from '../../services/index.js';

import type { MutationInput } from './mutation-input.js';
import { fieldOfUserError, isUserErrorCode, type UserErrorCode } from './user-error-codes.js';
import type { UserErrorGql } from './user-error.type.js';

/** Per mutation: the input field a code is about when not its usual one (user-error-codes.ts). */
export type UserErrorFields = Partial<Record<UserErrorCode, string>>;

/** A user error on `field` of the input (none: the mistake is not one field's). */
function userError(code: UserErrorCode, message: string, field: string | null): UserErrorGql {
  return { field: field ? ['input', field] : null, code, message };
}

/**
 * The user's mistake an error describes, or undefined when it is unexpected (rethrown). A
 * domain code outside USER_ERROR_CODE_LIST (scope: UNKNOWN_SMART_ACCOUNT must answer exactly as
 * before, and as an unknown account) stays a top-level error.
 */
/** The input field an INVALID_ID error names (node/global-id.ts parseGlobalId). */
const idField = (error: DomainError): string | undefined =>
  error.code === 'INVALID_ID' && typeof error.details.field === 'string'
    ? error.details.field
    : undefined;

function userErrorOf(error: unknown, fields: UserErrorFields): UserErrorGql | undefined {
  if (error instanceof DomainError && isUserErrorCode(error.code)) {
    const code = error.code;
    return userError(code, error.message, idField(error) ?? fields[code] ?? fieldOfUserError(code));
  }
  // Import input that cannot proceed (an unknown source system, a device without its Virtual Account).
  if (error instanceof ImportInputError) {
    return userError('IMPORT_INPUT', error.message, error.field);
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
  fields: UserErrorFields = {},
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
