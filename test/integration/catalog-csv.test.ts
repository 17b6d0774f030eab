import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { catalogCsv } from '../../api/src/export/index.js';
import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

// A customer's catalog, corrected by hand: entitlement types, a USAGE license, an add-on.
const CATALOG = [
  'License,Entitlement Tag,Product Family,Unit,Kind,Required Base,Entitlement Type',
  'UCM Enhanced License,regid.2015-01.com.cisco.UCM_Enhanced,Collaboration,USER,BASE,,Perpetual',
  '"C9300 48P DNA Advantage, 5Y Term",,Catalyst 9300,DEVICE,ADD_ON,C9300 Network Advantage,TERM',
  'Umbrella DNS Usage,,Umbrella,COUNT,BASE,,usage',
  '-Legacy Tier,,,DEVICE,BASE,,',
].join('\n');

const LICENSES = [
  '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts"',
  '"Voice","UCM Enhanced License","Prepaid","40","38","","2",""',
].join('\n');

describe('the license catalog as CSV', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  const run = (fileName: string, content: string) =>
    services.imports.run({
      smartAccount: 'catalog.example',
      asOf: '2026-11-01',
      dryRun: false,
      files: [textSource(fileName, content)],
    });
  const licensesTable = () =>
    handle.rows(sql`
      select id, name, entitlement_tag, product_family, unit, kind, required_base_license_id,
             entitlement_type
      from licenses where smart_account_id = ${smartAccountId} order by id`);

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
    const imported = await run('catalog.csv', CATALOG);
    expect(imported).toMatchObject({ committed: true, errorCount: 0 });
    smartAccountId = (await services.accounts.smartAccountByDomain('catalog.example'))!.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('stores the Entitlement Type column and types a summary export by it', async () => {
    const types = await handle.rows<{ name: string; entitlement_type: string | null }>(sql`
      select name, entitlement_type from licenses
      where smart_account_id = ${smartAccountId} order by name`);
    expect(types).toEqual([
      { name: '-Legacy Tier', entitlement_type: null },
      { name: 'C9300 48P DNA Advantage, 5Y Term', entitlement_type: 'TERM' },
      // Created as the add-on's base from the built-in catalog, which sells it perpetual.
      { name: 'C9300 Network Advantage', entitlement_type: 'PERPETUAL' },
      { name: 'UCM Enhanced License', entitlement_type: 'PERPETUAL' },
      { name: 'Umbrella DNS Usage', entitlement_type: 'USAGE' },
    ]);
    const summary = await run('voice-licenses.csv', LICENSES);
    expect(summary.counts.created.entitlementLotsOfUnknownType).toBe(0);
    const [lot] = await handle.rows<{ license_type: string }>(sql`
      select e.license_type from entitlement_lots e join licenses l on l.id = e.license_id
      where l.name = 'UCM Enhanced License' and e.smart_account_id = ${smartAccountId}`);
    expect(lot).toEqual({ license_type: 'PERPETUAL' });
  });

  it('exports what it holds, bases first, formula-like text made inert', async () => {
    const lines = catalogCsv(await services.catalog.rows(smartAccountId))
      .trimEnd()
      .split('\n');
    expect(lines).toEqual([
      'License,Entitlement Tag,Product Family,Unit,Kind,Required Base,Entitlement Type',
      "'-Legacy Tier,,,DEVICE,BASE,,",
      expect.stringMatching(
        /^C9300 Network Advantage,"regid\.2017-03\.com\.cisco\.C9300_NW_Advantage,1\.0_[0-9a-f-]{36}",Catalyst 9300,DEVICE,BASE,,PERPETUAL$/,
      ),
      'UCM Enhanced License,regid.2015-01.com.cisco.UCM_Enhanced,Collaboration,USER,BASE,,PERPETUAL',
      'Umbrella DNS Usage,,Umbrella,COUNT,BASE,,USAGE',
      // The built-in catalog knows this name: its tag was filled in.
      expect.stringMatching(
        /^"C9300 48P DNA Advantage, 5Y Term","regid\.2017-03\.com\.cisco\.C9300_48P_DNA_Advantage,1\.0_[0-9a-f-]{36}",Catalyst 9300,DEVICE,ADD_ON,C9300 Network Advantage,TERM$/,
      ),
    ]);
  });

  it('round-trips: importing the export changes nothing, and exports the same file again', async () => {
    const exported = catalogCsv(await services.catalog.rows(smartAccountId));
    const before = await licensesTable();
    const summary = await run('catalog-export.csv', exported);
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    expect(summary.files[0]).toMatchObject({ format: 'license-catalog-csv', rowsRead: 5 });
    expect(summary.counts.created.licenses).toBe(0);
    expect(await licensesTable()).toEqual(before);
    expect(catalogCsv(await services.catalog.rows(smartAccountId))).toBe(exported);
  });

  it('serves the same file at /export/catalog.csv', async () => {
    const server = await startTestApi(handle, '2026-11-28');
    try {
      const res = await fetch(`${server.url}/export/catalog.csv?smartAccount=catalog.example`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(await res.text()).toBe(catalogCsv(await services.catalog.rows(smartAccountId)));
    } finally {
      await server.close();
    }
  });

  it('refuses a bad Entitlement Type naming file, line and column, and writes nothing', async () => {
    const before = await licensesTable();
    const summary = await run(
      'catalog-bad.csv',
      'License,Entitlement Tag,Unit,Kind,Entitlement Type\nUCM Enhanced License,,USER,BASE,Perpetual\nUmbrella DNS Usage,,COUNT,BASE,Metered\n',
    );
    expect(summary).toMatchObject({ committed: false, errorCount: 1 });
    expect(summary.issues[0]).toMatchObject({
      file: 'catalog-bad.csv',
      line: 3,
      column: 5,
      message: 'Entitlement Type "Metered" is not one of TERM, PERPETUAL, SUBSCRIPTION, USAGE',
    });
    expect(await licensesTable()).toEqual(before);
  });
});
