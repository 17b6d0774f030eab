import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';

// A summary-level CSSM licenses export: owned and in use only, no lot columns.
const SUMMARY = [
  '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts"',
  '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2","Insufficient Licenses"',
  '"Sales-East","C9200 24P DNA Essentials, 3Y Term","Prepaid","20","3","","17",""',
  '"Sales-West","ISR 4300 Security (SEC)","Prepaid","5","5","","0",""',
  '"Sales-East","UCM Enhanced License","Prepaid","8","2","","6",""',
  '"Sales-West","UCM Enhanced License","Prepaid","0","4","","-4","Insufficient Licenses"',
  '"Sales-East","Webex Contact Center Premium Agent, Subscription","Prepaid","7","7","","0",""',
].join('\n');

// A transaction-detail export of a term-named license whose lots are stated as TERM.
const DETAIL = [
  '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts","License Type","Start Date","Expiration Date","Subscription ID","Product SKU"',
  '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2","Insufficient Licenses","Term","2025-02-01","2028-01-31","Sub7001234","C9200-DNA-E-24-3Y"',
].join('\n');

describe('lot types of a summary-level licenses export', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
  });
  afterAll(async () => {
    await handle.close();
  });

  const run = (domain: string, fileName: string, content: string) =>
    services.imports.run({
      smartAccount: domain,
      asOf: '2026-11-01',
      dryRun: false,
      files: [textSource(fileName, content)],
    });

  const lotTypes = (domain: string) =>
    handle.rows<{ va: string; license: string; type: string; end: string | null }>(sql`
      select v.name as va, l.name as license, e.license_type as type, e.end_date::text as end
      from entitlement_lots e
      join smart_accounts s on s.id = e.smart_account_id
      join virtual_accounts v on v.id = e.virtual_account_id
      join licenses l on l.id = e.license_id
      where s.domain = ${domain} and e.superseded_on is null
      order by v.name, l.name`);

  it('types each undated lot from the catalog or the name, else UNKNOWN, and counts the unknown ones', async () => {
    const summary = await run('summary.example', 'licenses-summary.csv', SUMMARY);
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    expect(summary.counts.created.entitlementLots).toBe(6);
    expect(summary.counts.created.entitlementLotsOfUnknownType).toBe(2);
    expect(await lotTypes('summary.example')).toEqual([
      { va: 'Sales-East', license: 'C9200 24P DNA Essentials, 3Y Term', type: 'TERM', end: null },
      { va: 'Sales-East', license: 'UCM Enhanced License', type: 'UNKNOWN', end: null },
      {
        va: 'Sales-East',
        license: 'Webex Contact Center Premium Agent, Subscription',
        type: 'TERM',
        end: null,
      },
      { va: 'Sales-West', license: 'C9200 24P DNA Essentials, 3Y Term', type: 'TERM', end: null },
      { va: 'Sales-West', license: 'ISR 4300 Security (SEC)', type: 'PERPETUAL', end: null },
      { va: 'Sales-West', license: 'UCM Enhanced License', type: 'UNKNOWN', end: null },
    ]);
  });

  it('counts an UNKNOWN lot as owned, with no known end', async () => {
    const account = await services.accounts.smartAccountByDomain('summary.example');
    const page = await services.position.rowsPage({
      smartAccountId: account!.id,
      asOf: '2031-06-30',
      includeClassic: true,
      page: { first: 100 },
    });
    const ucm = page.items
      .map(({ node }) => node)
      .filter((node) => node.licenseName === 'UCM Enhanced License')
      .map((node) => [node.virtualAccountName, node.owned]);
    expect(ucm).toEqual([
      ['Sales-East', 8],
      ['Sales-West', 0],
    ]);
  });

  it('asks for a TERM transfer of a term license, and for a check in CSSM of an UNKNOWN one', async () => {
    const account = await services.accounts.smartAccountByDomain('summary.example');
    const { plan, book } = await services.reallocation.suggest({
      smartAccountId: account!.id,
      asOf: '2026-11-01',
    });
    const lines = plan.transferRequests.flatMap((request) =>
      request.licenses.map((line) => ({
        from: book.virtualAccountName.get(request.sourceVirtualAccountId),
        license: book.licenseName.get(line.licenseId),
        licenseType: line.licenseType,
        quantity: line.quantity,
        to: book.virtualAccountName.get(line.targetVirtualAccountId),
        checkInCssm: line.note !== null && /check in CSSM/.test(line.note),
      })),
    );
    expect(lines).toEqual([
      {
        from: 'Sales-East',
        license: 'C9200 24P DNA Essentials, 3Y Term',
        licenseType: 'TERM',
        quantity: 2,
        to: 'Sales-West',
        checkInCssm: false,
      },
      {
        from: 'Sales-East',
        license: 'UCM Enhanced License',
        licenseType: 'UNKNOWN',
        quantity: 4,
        to: 'Sales-West',
        checkInCssm: true,
      },
    ]);
  });

  it('types a detail lot with no stated type and no end date from evidence, never as PERPETUAL by default', async () => {
    const blankTypes = [
      DETAIL.split('\n')[0],
      '"Voice","UCM Enhanced License","Prepaid","8","2","","6","","","2024-01-01","","","LIC-CUCM-12X-ENH"',
      '"Voice","ISR 4300 Security (SEC)","Prepaid","3","1","","2","","","2024-01-01","","","SL-4330-SEC-K9"',
    ].join('\n');
    const summary = await run('blank-types.example', 'licenses-blank-types.csv', blankTypes);
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    expect(summary.counts.created.entitlementLotsOfUnknownType).toBe(1);
    expect(await lotTypes('blank-types.example')).toEqual([
      { va: 'Voice', license: 'ISR 4300 Security (SEC)', type: 'PERPETUAL', end: null },
      { va: 'Voice', license: 'UCM Enhanced License', type: 'UNKNOWN', end: null },
    ]);
  });

  it('keeps the stated TERM lot of a transaction-detail export', async () => {
    const summary = await run('detail.example', 'licenses-detail.csv', DETAIL);
    expect(summary.counts.created.entitlementLotsOfUnknownType).toBe(0);
    expect(await lotTypes('detail.example')).toEqual([
      {
        va: 'Sales-West',
        license: 'C9200 24P DNA Essentials, 3Y Term',
        type: 'TERM',
        end: '2028-01-31',
      },
    ]);
  });
});
