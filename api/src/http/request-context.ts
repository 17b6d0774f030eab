import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** What one request's log line says. Never the token: only its name. */
export interface RequestRecord {
  readonly requestId: string;
  tokenName?: string | undefined;
  operationName?: string | null | undefined;
  /** The GraphQL cost computed for the operation, when it got that far. */
  cost?: number | undefined;
  /**
   * The position version of the Smart Account a position read names, as its response stamp read
   * it after the request arrived (see `graphql/response-stamp.ts`): the read serves this version
   * instead of reading it again.
   */
  positionVersion?: SeenPositionVersion | undefined;
}

/** A Smart Account's position version and kept date, read after a request arrived. */
export interface SeenPositionVersion {
  readonly smartAccountId: number;
  /** The version ('none': the account has none yet). */
  readonly version: string;
  /** The version and the date the kept rows hold (null: none yet). */
  readonly kept: { readonly version: string; readonly asOf: string | null } | null;
}

const store = new AsyncLocalStorage<RequestRecord>();

/** The request being served by the current async call chain, if any (for logs and errors). */
export function currentRequest(): RequestRecord | undefined {
  return store.getStore();
}

/** Where the middleware below keeps the record for the request's own handlers. */
export function requestRecordOf(locals: Record<string, unknown>): RequestRecord {
  const record = locals.requestRecord as RequestRecord | undefined;
  if (!record) throw new Error('requestLog middleware is not mounted');
  return record;
}

/**
 * Gives every request an id (sent back as `X-Request-Id`) and logs one line when it finishes:
 * request id, method, path, status, token name, GraphQL operation name, cost and duration.
 */
export function requestLog(logger: Logger | undefined): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const record: RequestRecord = { requestId: randomUUID() };
    res.locals.requestRecord = record;
    res.set('X-Request-Id', record.requestId);
    res.on('finish', () => {
      logger?.info(
        {
          requestId: record.requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          tokenName: record.tokenName,
          operationName: record.operationName,
          cost: record.cost,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * Runs the rest of the chain inside the request's async context, so `currentRequest()` works
 * in GraphQL execution (error masking, logs). Mounted after the body parser: stream callbacks
 * would not carry the context through it.
 */
export function enterRequestContext(): RequestHandler {
  return (_req, res, next) => {
    store.run(requestRecordOf(res.locals), next);
  };
}
