import type { Logger } from 'drizzle-orm';

// Kept on globalThis: the API and a handle may load this package twice (source and build, as in
// tests), and the guard must be the same for both.
const KEY = Symbol.for('trueup.db.queryGuard');
const SIGNAL = Symbol.for('trueup.db.querySignal');
const slot = globalThis as {
  [KEY]?: (() => void) | undefined;
  [SIGNAL]?: (() => AbortSignal | undefined) | undefined;
};

/**
 * Installs a check that runs before every query of every handle (drizzle calls its logger just
 * before sending a statement): a check that throws stops the query from being sent. The API
 * uses it to stop a request's work once its time budget is spent or its client has gone.
 * `signal` names the abort signal of the work a query is issued for (the current request):
 * when it aborts, a query still waiting for a pooled PostgreSQL connection stops waiting and
 * fails with what `check` throws. `undefined` removes both.
 */
export function setQueryGuard(
  check: (() => void) | undefined,
  signal?: () => AbortSignal | undefined,
): void {
  slot[KEY] = check;
  slot[SIGNAL] = check ? signal : undefined;
}

/** Runs the installed guard (throws what it throws). */
export function runQueryGuard(): void {
  slot[KEY]?.();
}

/** The abort signal of the work the current query is issued for, if the guard names one. */
export function querySignal(): AbortSignal | undefined {
  return slot[SIGNAL]?.();
}

/** drizzle logger that runs the installed guard; it logs nothing. */
export const guardLogger: Logger = {
  logQuery() {
    runQueryGuard();
  },
};
