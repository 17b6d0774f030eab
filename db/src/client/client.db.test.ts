import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDb } from '../../../test/support/test-db.js';
import { smartAccounts } from '../schema/index.js';

import type { DbHandle } from './types.js';

describe('db client', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('bulk-loads rows with COPY, quoting commas and quotes, and reads them back', async () => {
    const loaded = await handle.copyInto(
      'smart_accounts',
      ['domain', 'name'],
      [
        ['a.example', 'Acme, "Networks"'],
        ['b.example', 'Beta'],
      ],
    );
    expect(loaded).toBe(2);
    const rows = await handle.db.select().from(smartAccounts).orderBy(smartAccounts.domain);
    expect(rows.map((r) => r.name)).toEqual(['Acme, "Networks"', 'Beta']);
  });

  it('returns raw rows with integer counts as numbers on both drivers', async () => {
    const rows = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from smart_accounts`,
    );
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(smartAccounts).values({ domain: 'c.example', name: 'C' });
        await tx.insert(smartAccounts).values({ domain: 'a.example', name: 'duplicate' });
      }),
    ).rejects.toThrow();
    const rows = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from smart_accounts`,
    );
    expect(rows[0]?.n).toBe(2);
  });
});
