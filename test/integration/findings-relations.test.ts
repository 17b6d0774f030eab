import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SMALL_DESIGNED_CASES as CASES, seedDemo, type DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { createTestDb } from '../support/test-db.js';

const TODAY = '2026-11-28';

/**
 * The demo with its catalog relations wiped, as if every license came from CSSM exports
 * alone: no kinds, no bases, and the lab add-on known only by its entitlement tag.
 */
describe('add-on relations without a catalog', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    await handle.rows(sql`update licenses set kind = 'BASE', required_base_license_id = null`);
    await handle.rows(
      sql`update licenses set name = 'Cisco DNA Advantage (lab)' where name = ${CASES.addOnWithoutBase.license}`,
    );
    services = createServices(handle, fixedClock(TODAY));
    const account = await services.accounts.smartAccountByDomain('acme-networks.example');
    smartAccountId = account!.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('still finds exactly the designed add-on case, from names and tags', async () => {
    const all = await services.findings({ smartAccountId, asOf: TODAY, includeClassic: true });
    const addOns = all.filter((f) => f.code.startsWith('ADDON_'));
    expect(addOns.map((f) => [f.code, f.severity, f.virtualAccountName, f.licenseName])).toEqual([
      [
        'ADDON_WITHOUT_BASE',
        'high',
        CASES.addOnWithoutBase.virtualAccount,
        'Cisco DNA Advantage (lab)',
      ],
    ]);
    expect(addOns[0]?.message).toContain(CASES.addOnWithoutBase.hostname);
    expect(addOns[0]?.facts).toMatchObject({
      baseLicenseId: null,
      requiredBase: 'a C9300 48P Network Advantage license or higher',
    });
  });
});
