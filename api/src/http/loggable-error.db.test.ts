import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../../../test/support/test-db.js';

import { loggableError } from './loggable-error.js';

// Issue 19 item 5 on a real driver (PGlite by default, PostgreSQL with DATABASE_URL): the error a
// failed statement throws carries the request's values (drizzle's "params:", the driver's
// "Failing row contains (…)" detail); what the log keeps of it carries none of them.
const MARKER = 'IMPORTED-NAME-7f3a';

describe('what the log keeps of a real database error', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  async function failedInsert(): Promise<unknown> {
    try {
      // name is NOT NULL: the row, with the marker in it, is refused by the database.
      await handle.db.execute(
        sql`insert into smart_accounts (domain, name) values (${MARKER.repeat(50)}, null)`,
      );
    } catch (error) {
      return error;
    }
    throw new Error('the insert was expected to fail');
  }

  it('the thrown error holds the request value (so the test can see it leave)', async () => {
    const error = await failedInsert();
    const whole = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error);
    expect(whole).toContain(MARKER);
  });

  it('keeps the SQLSTATE and the driver message, never the value', async () => {
    const kept = loggableError(await failedInsert());
    expect(JSON.stringify(kept)).not.toContain(MARKER);
    expect(kept.code).toBe('23502'); // not_null_violation
    expect(kept.message).toMatch(/null value in column "name"/);
  });
});
