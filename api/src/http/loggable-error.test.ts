import { describe, expect, it } from 'vitest';

import { formatError } from '../graphql/errors.js';

import { MAX_LOGGED_MESSAGE, loggableError } from './loggable-error.js';

// Issue 19 item 5: a database error is logged by code and a bounded message, never with the
// statement's parameters (request values).
const MARKER = 'IMPORTED-NAME-'.repeat(20_000);

/** A drizzle query error wrapping a driver error, as thrown on a failed insert. */
function queryError(): Error {
  const driver = Object.assign(
    new Error('bind message has 70000 parameter formats but 0 parameters'),
    {
      code: '08P01',
      severity: 'ERROR',
    },
  );
  return Object.assign(
    new Error(`Failed query: insert into licenses values ($1)\nparams: ${MARKER}`, {
      cause: driver,
    }),
    { name: 'DrizzleQueryError', query: 'insert into licenses values ($1)', params: [MARKER] },
  );
}

describe('what the log keeps of an error', () => {
  it('keeps the SQLSTATE and the driver message, not the params or the query text', () => {
    const logged = JSON.stringify(loggableError(queryError()));
    expect(logged).not.toContain('IMPORTED-NAME');
    expect(logged).toContain('08P01');
    expect(logged).toContain('bind message has 70000 parameter formats');
  });

  it('cuts any message at MAX_LOGGED_MESSAGE characters', () => {
    const logged = loggableError(new Error(MARKER));
    expect(logged.message.length).toBeLessThan(MAX_LOGGED_MESSAGE + 40);
  });

  it('the GraphQL error mask logs no request value', () => {
    const lines: string[] = [];
    const mask = formatError(
      { error: (details) => lines.push(JSON.stringify(details)) },
      () => 'r1',
    );
    const answer = mask(
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      queryError(),
    );
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('IMPORTED-NAME');
    expect(lines[0]!.length).toBeLessThan(3_000);
  });
});
