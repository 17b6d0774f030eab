import type { Logger } from 'drizzle-orm';

// Kept on globalThis: the API and a handle may load this package twice (source and build, as in
// tests), and the guard must be the same for both.
const KEY = Symbol.for('trueup.db.queryGuard');
const slot = globalThis as { [KEY]?: (() => void) | undefined };

/**
 * Installs a check that runs before every query of every handle (drizzle calls its logger just
 * before sending a statement): a check that throws stops the query from being sent. The API
 * uses it to stop a request's work once its time budget is spent or its client has gone.
 * `undefined` removes it.
 */
export function setQueryGuard(check: (() => void) | undefined): void {
  slot[KEY] = check;
}

/** Runs the installed guard (throws what it throws). */
export function runQueryGuard(): void {
  slot[KEY]?.();
}

/** drizzle logger that runs the installed guard; it logs nothing. */
export const guardLogger: Logger = {
  logQuery() {
    runQueryGuard();
  },
};
