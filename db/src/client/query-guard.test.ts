import { readFileSync } from 'node:fs';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createPgliteDb } from './pglite.js';
import { setQueryGuard } from './query-guard.js';
import type { DbHandle } from './types.js';

// Embedded PGlite cannot cancel a statement once it runs, so a stopped request must not send
// the statements it had already issued and that wait their turn (issue 19 item 1). Run on the
// PGlite run (the migrated PGlite template is built for it only); PostgreSQL cancels a running
// statement at `statement_timeout` instead.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the query guard on embedded PGlite', () => {
  let handle: DbHandle;
  let stopped = false;
  beforeAll(async () => {
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    handle = await createPgliteDb({ dataDir: 'memory://', loadDataDir: template, migrate: false });
    setQueryGuard(() => {
      if (stopped) throw Object.assign(new Error('stopped'), { code: 'STOPPED' });
    });
  });
  afterAll(async () => {
    setQueryGuard(undefined);
    await handle.close();
  });

  it('asks again when a waiting statement’s turn comes, and sends none once it says stop', async () => {
    await handle.db.execute(sql`create table if not exists seen (n int)`);
    // Three statements issued (drizzle asked the guard: all went) before the request stops.
    const issued = [1, 2, 3].map((n) =>
      handle.db.execute(sql`insert into seen values (${n})`).then(
        () => 'ran',
        (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.message,
      ),
    );
    stopped = true;
    expect(await Promise.all(issued)).toEqual(['STOPPED', 'STOPPED', 'STOPPED']);
    stopped = false;
    const [row] = await handle.rows<{ n: number }>(sql`select count(*)::int as n from seen`);
    expect(row?.n).toBe(0);
  });

  it('answers the readiness probe before statements queued ahead of it', async () => {
    const ended: string[] = [];
    const queued = Array.from({ length: 10 }, (_, n) =>
      handle.db.execute(sql`select pg_sleep(0.05), ${n}::int`).then(() => ended.push(`s${n}`)),
    );
    await handle.ping!().then(() => ended.push('ping'));
    await Promise.all(queued);
    // Behind at most the statement already running, not behind the ten.
    expect(ended.indexOf('ping')).toBeLessThan(2);
  });

  it('runs statements in the order they were issued', async () => {
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) => handle.db.execute(sql`select ${n}::int`).then(() => order.push(n))),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
