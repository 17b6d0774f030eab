import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

import { DomainError, type DomainErrorCode } from '../domain/index.js';
import { loggableError } from '../http/loggable-error.js';
import { REQUEST_BUDGET_EXCEEDED, budgetExceededIn } from '../http/request-budget.js';

/** Domain codes → GraphQL `extensions.code`. Input and invariant problems are BAD_USER_INPUT. */
const CODES: Record<DomainErrorCode, string> = {
  INVALID_DATE: 'BAD_USER_INPUT',
  INVALID_QUANTITY: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  INVALID_PAGE_SIZE: 'BAD_USER_INPUT',
  INVALID_EVENT_KIND: 'BAD_USER_INPUT',
  INVALID_ID: 'BAD_USER_INPUT',
  UNKNOWN_SMART_ACCOUNT: 'NOT_FOUND',
  UNKNOWN_VIRTUAL_ACCOUNT: 'NOT_FOUND',
  SNAPSHOT_EXISTS: 'BAD_USER_INPUT',
  UNKNOWN_SNAPSHOT: 'NOT_FOUND',
  UNKNOWN_PRODUCT_INSTANCE: 'NOT_FOUND',
  UNKNOWN_LICENSE: 'NOT_FOUND',
  UNKNOWN_RESERVATION: 'NOT_FOUND',
  UNKNOWN_LOT: 'NOT_FOUND',
  UNKNOWN_PAK: 'NOT_FOUND',
  MISSING_ACTOR: 'BAD_USER_INPUT',
  MISSING_REFERENCE: 'BAD_USER_INPUT',
  EXCEEDS_RESERVED: 'BAD_USER_INPUT',
  SAME_INSTANCE: 'BAD_USER_INPUT',
  INSTANCE_DECOMMISSIONED: 'BAD_USER_INPUT',
  RESERVATION_EXISTS: 'BAD_USER_INPUT',
  RESERVATION_TYPE_MISMATCH: 'BAD_USER_INPUT',
  QUANTITY_UNCHANGED: 'BAD_USER_INPUT',
  EVENT_OUT_OF_ORDER: 'BAD_USER_INPUT',
  NOT_CLASSIC_LOT: 'BAD_USER_INPUT',
  LOT_NOT_CONVERTIBLE: 'BAD_USER_INPUT',
  EXCEEDS_LOT: 'BAD_USER_INPUT',
  EXCEEDS_PAK: 'BAD_USER_INPUT',
  NOTHING_TO_CONVERT: 'BAD_USER_INPUT',
  INVALID_TOKEN_NAME: 'BAD_USER_INPUT',
  TOKEN_NAME_TAKEN: 'BAD_USER_INPUT',
  UNKNOWN_TOKEN: 'NOT_FOUND',
  INVALID_ROLE: 'BAD_USER_INPUT',
  INVALID_EXPIRY: 'BAD_USER_INPUT',
  MISSING_SCOPE: 'BAD_USER_INPUT',
  SAME_VIRTUAL_ACCOUNT: 'BAD_USER_INPUT',
  UNKNOWN_SCENARIO: 'NOT_FOUND',
  SCENARIO_EXISTS: 'BAD_USER_INPUT',
  SCENARIO_VERSION_CONFLICT: 'CONFLICT',
  SCENARIO_NOT_DRAFT: 'CONFLICT',
  REALLOCATION_CONFLICT: 'CONFLICT',
  CURRENCY_MISMATCH: 'BAD_USER_INPUT',
  INVALID_PRICE: 'BAD_USER_INPUT',
  UNKNOWN_PRICE: 'NOT_FOUND',
  INVALID_RENEWAL_INPUT: 'BAD_USER_INPUT',
};

export interface ErrorLogger {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Apollo `formatError`: domain errors keep their message and gain `extensions.code` plus the
 * domain `reason`; GraphQL's own validation errors pass through; anything else is logged (with
 * the request id) and masked as INTERNAL_SERVER_ERROR carrying only that request id, so no
 * internals (SQL, stacks) reach a client.
 */
export function formatError(
  logger: ErrorLogger,
  requestId: () => string | undefined = () => undefined,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: CODES[original.code], reason: original.code },
      };
    }
    if ((original as { code?: unknown } | null)?.code === 'IMPORT_INPUT') {
      return {
        message: (original as Error).message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const stopped = budgetExceededIn(original);
    if (stopped) {
      return {
        message: stopped.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: REQUEST_BUDGET_EXCEEDED },
      };
    }
    if (hasSqlState(original, /^54[0-9A-Z]{3}$/)) {
      // "Program limit exceeded" (an index row too large, too many columns…): a value sent was
      // too big to store; the statement failed and its transaction rolled back.
      return {
        message:
          'A value in the request is too large to store (e.g. a name of thousands of characters).',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    if (isDataException(original)) {
      // A value the database cannot hold (a NUL character, an out-of-range number): the
      // statement failed and its transaction rolled back, so nothing was written.
      return {
        message:
          'A value in the request cannot be stored (e.g. a NUL character or a number out of range).',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')
      return withoutStack(formatted);
    const id = requestId();
    logger.error(
      // Code and a bounded message only: never a statement's parameters (request values).
      { err: loggableError(original), path: formatted.path, requestId: id },
      'unexpected error in a GraphQL request',
    );
    return {
      message: id
        ? `Internal server error (request ${id}); the details are in the server log.`
        : 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(id ? { requestId: id } : {}) },
    };
  };
}

/**
 * A PostgreSQL "data exception" (SQLSTATE class 22: invalid byte sequence, numeric value out of
 * range, …) anywhere in the cause chain (drizzle wraps driver errors): caused by a value sent.
 */
function isDataException(error: unknown): boolean {
  return hasSqlState(error, /^22[0-9A-Z]{3}$/);
}

/** Whether an error in the cause chain (drizzle wraps driver errors) has a matching SQLSTATE. */
function hasSqlState(error: unknown, pattern: RegExp): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && pattern.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
