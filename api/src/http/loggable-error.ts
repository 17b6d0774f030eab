/** Longest message kept from an error for the log. */
export const MAX_LOGGED_MESSAGE = 300;
const MAX_STACK_FRAMES = 12;

/** What the log keeps of an error: never its SQL parameters, query text or full message. */
export interface LoggableError {
  readonly type: string;
  /** SQLSTATE (database errors) or the error's own code, from the first in the cause chain. */
  readonly code?: string;
  readonly message: string;
  /** Stack frames only (the first stack line repeats the message, which may hold values). */
  readonly frames?: string;
}

const bounded = (text: string): string =>
  text.length > MAX_LOGGED_MESSAGE
    ? `${text.slice(0, MAX_LOGGED_MESSAGE)}… (${text.length} chars)`
    : text;

/**
 * Reduces an error to a type, a code and a bounded message for the server log. A database
 * error (drizzle wraps the driver's) is logged by its SQLSTATE and the driver's message, cut at
 * `MAX_LOGGED_MESSAGE` characters; drizzle's "Failed query: … params: …" text, the statement's
 * `params` and `query` are dropped, so request values (imported names, variables) never reach
 * the log whole.
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error, message: bounded(String(error)) };
  let code: string | undefined;
  let databaseMessage: string | undefined;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const own = (e as { code?: unknown }).code;
    if (code === undefined && (typeof own === 'string' || typeof own === 'number'))
      code = String(own);
    // postgres.js and PGlite errors carry a SQLSTATE `code` and a `severity`.
    if (databaseMessage === undefined && 'severity' in e) databaseMessage = e.message;
    e = (e as { cause?: unknown }).cause;
  }
  const isQueryError = 'params' in error || 'query' in error || databaseMessage !== undefined;
  const message = isQueryError ? (databaseMessage ?? 'database query failed') : error.message;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, MAX_STACK_FRAMES)
    .join('\n');
  return {
    type: error.name,
    ...(code !== undefined ? { code } : {}),
    message: bounded(message),
    ...(frames ? { frames } : {}),
  };
}
