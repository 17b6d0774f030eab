import { AsyncLocalStorage } from 'node:async_hooks';

import type { RequestHandler } from 'express';

/** `code` of the error thrown when a request's work is stopped (see `graphql/errors.ts`). */
export const REQUEST_BUDGET_EXCEEDED = 'REQUEST_BUDGET_EXCEEDED';

/** Default time budget of one request: `TRUEUP_REQUEST_BUDGET_MS`. */
export const DEFAULT_REQUEST_BUDGET_MS = 30_000;

/** Thrown before a query of a request whose budget is spent or whose client has gone. */
export class RequestBudgetExceeded extends Error {
  readonly code = REQUEST_BUDGET_EXCEEDED;
  constructor(
    readonly reason: 'budget' | 'disconnected',
    readonly budgetMs: number,
  ) {
    super(
      reason === 'budget'
        ? `The request ran out of its time budget (${budgetMs / 1000} s) and was stopped. Ask for less at once (fewer aliases of expensive fields, smaller pages) or split the query.`
        : 'The client went away; the request was stopped.',
    );
    this.name = 'RequestBudgetExceeded';
  }
}

interface Budget {
  readonly signal: AbortSignal;
  readonly budgetMs: number;
  /** `performance.now()` after which the request is out of time. */
  readonly deadline: number;
  abort(reason: 'budget' | 'disconnected'): void;
}

const store = new AsyncLocalStorage<Budget>();
/** Where a request's budget is kept in `res.locals` for a second mount. */
const BUDGET = 'requestBudget';

/**
 * Throws `RequestBudgetExceeded` when the current request (if any) is out of time or its
 * client disconnected. Installed as the database query guard (`setQueryGuard`), so a stopped
 * request sends no further query; resolvers that loop may call it too.
 */
export function throwIfOverBudget(): void {
  const budget = store.getStore();
  if (!budget) return;
  // The deadline is read here, not only from the timer: work chained on promises alone can run
  // without letting a timer fire.
  if (!budget.signal.aborted && performance.now() > budget.deadline) budget.abort('budget');
  if (budget.signal.aborted)
    throw new RequestBudgetExceeded(
      budget.signal.reason as 'budget' | 'disconnected',
      budget.budgetMs,
    );
}

/**
 * The error of a stopped request in `error`, also when the database client wrapped it (the
 * check at a statement's turn in the embedded database fails as that statement, in `cause`).
 */
export function budgetExceededIn(error: unknown): Error | undefined {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === REQUEST_BUDGET_EXCEEDED) return e as Error;
  }
  return undefined;
}

/** The current request's abort signal (undefined outside a request). */
export function requestSignal(): AbortSignal | undefined {
  return store.getStore()?.signal;
}

/**
 * Gives the rest of the chain a time budget: after `budgetMs`, or as soon as the client closes
 * the connection before the answer is sent, the request's signal aborts and its next database
 * query throws instead of running; a query waiting for a pooled PostgreSQL connection stops
 * waiting (`db/src/client/postgres.ts`). On PostgreSQL a query already running is bounded by
 * the connection's `statement_timeout` (the same budget).
 *
 * Mounted again on the same request (before the bearer check, then after the body parser, whose
 * stream callbacks do not carry the async context), it re-enters the budget the first mount
 * started: one budget, counted from the first.
 */
export function requestBudget(budgetMs: number): RequestHandler {
  return (_req, res, next) => {
    const started = res.locals[BUDGET] as Budget | undefined;
    if (started) {
      store.run(started, next);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('budget'), budgetMs);
    timer.unref();
    const done = () => clearTimeout(timer);
    res.on('finish', done);
    res.on('close', () => {
      done();
      if (!res.writableFinished) controller.abort('disconnected');
    });
    const budget: Budget = {
      signal: controller.signal,
      budgetMs,
      deadline: performance.now() + budgetMs,
      abort: (reason) => controller.abort(reason),
    };
    res.locals[BUDGET] = budget;
    store.run(budget, next);
  };
}
