import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, fixedClock } from '../../../api/src/index.js';
import {
  SCHEDULE_LOCK_CLASS,
  SCHEDULED_JOBS,
  runOncePerSchedule,
} from '../../../api/src/services/schedule-lock.js';
import { runScheduledExports } from '../../../api/src/services/scheduled-exports.js';
import type { DbHandle } from '../../../db/src/index.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../../db/src/index.js';
import { createTestDb, onPostgres } from '../../support/test-db.js';

// Issue 18 item 11 and issue 19 item 8: scheduled exports, idempotent per day, once per
// schedule across replicas.
const TODAY = '2026-03-01';
const DOMAIN = DEMO_ACCOUNTS.small.domain;

describe('scheduled exports', () => {
  let handle: DbHandle;
  let dir: string;

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    dir = mkdtempSync(join(tmpdir(), 'trueup-exports-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  it('writes each account’s workbook and positions CSV once per day', async () => {
    const services = createServices(handle, fixedClock(TODAY));
    expect(await runScheduledExports(handle, services, dir)).toEqual([DOMAIN]);
    expect(readdirSync(dir).sort()).toEqual([
      `trueup-${DOMAIN}-${TODAY}-positions.csv`,
      `trueup-${DOMAIN}-${TODAY}.xlsx`,
    ]);
    // Second run the same day: nothing to do.
    expect(await runScheduledExports(handle, services, dir)).toEqual([]);
    // Next day: new files beside the old.
    const tomorrow = createServices(handle, fixedClock('2026-03-02'));
    expect(await runScheduledExports(handle, tomorrow, dir)).toEqual([DOMAIN]);
    expect(readdirSync(dir)).toHaveLength(4);
  });

  it.skipIf(!onPostgres())(
    'a replica does not run a job another holds (advisory lock)',
    async () => {
      let ran = false;
      let inner: unknown = 'not run';
      await handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK_CLASS}, ${SCHEDULED_JOBS.exports})`,
        );
        inner = await runOncePerSchedule(handle, 'exports', async () => {
          ran = true;
          return ['x'];
        });
      });
      expect(ran).toBe(false);
      expect(inner).toBeUndefined();
      // Released with the transaction: the next run goes ahead.
      expect(await runOncePerSchedule(handle, 'exports', async () => ['y'])).toEqual(['y']);
    },
  );
});
