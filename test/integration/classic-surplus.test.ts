import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';

const LICENSES = [
  '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts","License Type","Start Date","Expiration Date","Subscription ID","Product SKU"',
  '"Sales-West","ISR 4300 Security (SEC)","Prepaid","2","5","","-3","Insufficient Licenses","Perpetual","","","","SL-4330-SEC-K9"',
].join('\n');

// An LRP PAK export without a Virtual Account column.
const PAKS = [
  'PAK,SKU,License,Quantity,Status',
  '3301J4A7B2C,SL-4330-SEC-K9,ISR 4300 Security (SEC),3,FULFILLED',
].join('\n');

describe('classic PAK surplus in the findings', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
    for (const [name, content] of [
      ['licenses.csv', LICENSES],
      ['lrp-paks.csv', PAKS],
    ] as const) {
      const summary = await services.imports.run({
        smartAccount: 'paks.example',
        asOf: '2026-11-01',
        dryRun: false,
        files: [textSource(name, content)],
      });
      expect(summary).toMatchObject({ committed: true, errorCount: 0 });
    }
    smartAccountId = (await services.accounts.smartAccountByDomain('paks.example'))!.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('says to convert the PAK into the short Virtual Account, never to move it', async () => {
    const findings = await services.findings({
      smartAccountId,
      asOf: '2026-11-01',
      includeClassic: true,
    });
    const short = findings.find((f) => f.code === 'INSUFFICIENT_LICENSES');
    expect(short).toMatchObject({
      virtualAccountName: 'Sales-West',
      quantity: 3,
      facts: { shortfall: 3, curableByReallocation: 0, curableByConversion: 3, needsPurchase: 0 },
      message:
        'Sales-West is short 3 × ISR 4300 Security (SEC) (owns 2, consumes 5): convert 3 from classic PAK 3301J4A7B2C (in Classic PAK) into Sales-West; no purchase needed.',
    });
    const pak = findings.find((f) => f.code === 'UNCONVERTED_PAK');
    expect(pak).toMatchObject({
      virtualAccountName: 'Classic PAK',
      quantity: 3,
      severity: 'medium',
      facts: { curesShortfall: 3, convertInto: [expect.objectContaining({ quantity: 3 })] },
    });
    expect(pak!.message).toMatch(/converting 3 into Sales-West would cure its shortfall\.$/);
  });

  it('agrees with suggest: nothing moves, and the position calls it curable by conversion', async () => {
    const { plan } = await services.reallocation.suggest({ smartAccountId, asOf: '2026-11-01' });
    expect(plan.moves).toEqual([]);
    const [position] = await services.position.account({
      smartAccountId,
      asOf: '2026-11-01',
      includeClassic: true,
    });
    expect(position).toMatchObject({
      grossShortfall: 3,
      netShortfall: 0,
      curableByReallocation: 0,
      curableByConversion: 3,
      movableSurplus: 0,
    });
  });
});
