import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

import { loggableError } from './loggable-error.js';
import { budgetExceededIn } from './request-budget.js';

/** Codes the HTTP layer itself can answer with (GraphQL errors come from `graphql/errors.ts`). */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_BUDGET_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

/** Shape of a body-parser / http-errors error; an error without a 4xx status is unexpected. */
interface HttpishError {
  status?: unknown;
  type?: unknown;
}

const MESSAGES: Record<HttpErrorCode, string> = {
  BAD_REQUEST: 'The request could not be read. Send a valid JSON body.',
  NOT_FOUND: 'Not found.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body encoding is not supported.',
  REQUEST_BUDGET_EXCEEDED:
    'The request ran out of its time budget and was stopped. Ask for less at once and try again.',
  INTERNAL_SERVER_ERROR: 'Internal server error.',
};

function classify(err: unknown): { status: number; code: HttpErrorCode } {
  const { status, type } = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
  if (budgetExceededIn(err)) return { status: 503, code: 'REQUEST_BUDGET_EXCEEDED' };
  if (type === 'entity.too.large' || status === 413)
    return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (status === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (status === 404) return { status: 404, code: 'NOT_FOUND' };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status: 400, code: 'BAD_REQUEST' };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR' };
}

/**
 * Last Express error handler: answers in the GraphQL-over-HTTP error shape
 * (`{ errors: [{ message, extensions: { code } }] }`) with a fixed message, so a malformed
 * body gets a 400 and nothing (stack, parser message, input excerpt) leaks to the client.
 * Express's default handler would print the stack whenever NODE_ENV is not `production`.
 */
export function createErrorHandler(logger?: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late to answer; Express's default handler aborts the connection.
      next(err);
      return;
    }
    const { status, code } = classify(err);
    if (status >= 500)
      logger?.error(
        { err: loggableError(err), method: req.method, path: req.path },
        'unhandled HTTP error',
      );
    else logger?.debug({ err: loggableError(err), path: req.path }, 'rejected HTTP request');
    res.status(status).json({ errors: [{ message: MESSAGES[code], extensions: { code } }] });
  };
}
