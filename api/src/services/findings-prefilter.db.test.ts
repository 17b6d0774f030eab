import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, seedDemo, type DbHandle } from '@trueup/db';

import { wholeEstate } from '../../../test/support/findings-whole-estate.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { findings } from '../domain/index.js';

import { accountFindings, findingsInputOf } from './findings-service.js';

const REFERENCE_DATE = '2026-06-30';

describe('findings read only the devices that can matter', () => {
  let handle: DbHandle;
  let sa: number;

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: REFERENCE_DATE });
    const [row] = await handle.rows<{ id: number }>(
      sql`select id from smart_accounts where domain = ${DEMO_ACCOUNTS.small.domain}`,
    );
    sa = Number(row?.id);
  }, 120_000);
  afterAll(async () => {
    await handle.close();
  });

  // Dates around the demo's: device findings (stale, ghost, add-ons, reservations) at each.
  for (const asOf of ['2026-01-15', REFERENCE_DATE, '2026-08-15']) {
    it(`gives the findings of the whole estate, as of ${asOf}`, async () => {
      const query = { smartAccountId: sa, asOf, includeClassic: true };
      const loaded = await findingsInputOf(handle, query);
      const whole = await wholeEstate(handle, sa, asOf);
      // The prefilter left devices and lots out (else this would prove nothing) …
      expect(loaded.instances.length).toBeLessThan(whole.instances.length);
      expect(loaded.lots.length).toBeLessThan(whole.lots.length);
      // … and the findings are exactly those of every device.
      const expected = findings({ ...loaded, ...whole });
      expect(await accountFindings(handle, query)).toEqual(expected);
      const onDevices = expected.filter((f) =>
        f.evidence.some((e) => e.kind === 'instance' || e.kind === 'usage'),
      );
      expect(onDevices.length).toBeGreaterThan(0);
    });
  }
});
