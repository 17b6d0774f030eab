import { textSource, type Services } from '../../api/src/services/index.js';
import type { DbHandle } from '../../db/src/index.js';

import { insertEstate, type InsertedEstate } from './estate.js';

export const MONEY_TODAY = '2026-11-28';
export const MONEY_DOMAIN = 'money.example';

/**
 * A priced estate with hand-checkable money (as of MONEY_TODAY):
 * - DNA Advantage (Switching, TERM, list 1000.00 − 20 % = 800.00, EA 700.00): Campus owns 10
 *   and uses 14 (short 4), Branch owns 5 and uses 3 (surplus 2) → gross 4, net 2.
 * - Network Advantage (Switching, PERPETUAL, list 500.00 − 10 % = 450.00, SWSS 20 %): Campus
 *   owns 20, uses 22 (short 2).
 * - ISE Base (Security, EUR 100.00): Campus uses 5, owns none (short 5).
 * - Unpriced (Wireless): Branch uses 2, owns none.
 * Gross USD 4 × 800 + 2 × 450 = 4100.00, net 2 × 800 + 2 × 450 = 2500.00; EUR 500.00 both.
 */
export const PRICE_BOOK_CSV = [
  'License,Currency,List Price,Discount,Support Rate,License Type,EA Suite,EA Price,Valid From',
  'DNA Advantage,USD,1000.00,20,,TERM,DNA for Switching,700.00,2026-01-01',
  'Network Advantage,USD,500,10%,20,PERPETUAL,DNA for Switching,,2026-01-01',
  'ISE Base,EUR,100,,,TERM,,,2026-01-01',
].join('\n');

export async function insertMoneyEstate(
  handle: DbHandle,
  services: Services,
): Promise<InsertedEstate> {
  const estate = await insertEstate(handle.db, {
    domain: MONEY_DOMAIN,
    virtualAccounts: [{ name: 'Campus' }, { name: 'Branch' }],
    licenses: [
      { name: 'DNA Advantage', productFamily: 'Switching' },
      { name: 'Network Advantage', productFamily: 'Switching' },
      { name: 'ISE Base', productFamily: 'Security' },
      { name: 'Unpriced', productFamily: 'Wireless' },
    ],
    lots: [
      {
        va: 0,
        license: 0,
        quantity: 10,
        licenseType: 'TERM',
        startDate: '2026-01-01',
        endDate: '2028-12-31',
        source: 'SMART',
      },
      {
        va: 1,
        license: 0,
        quantity: 5,
        licenseType: 'TERM',
        startDate: '2026-01-01',
        endDate: '2028-12-31',
        source: 'SMART',
      },
      {
        va: 0,
        license: 1,
        quantity: 20,
        licenseType: 'PERPETUAL',
        startDate: null,
        endDate: null,
        source: 'SMART',
      },
    ],
    instances: [],
    usage: [
      { va: 0, license: 0, instance: null, quantity: 14, asOf: '2026-11-01' },
      { va: 1, license: 0, instance: null, quantity: 3, asOf: '2026-11-01' },
      { va: 0, license: 1, instance: null, quantity: 22, asOf: '2026-11-01' },
      { va: 0, license: 2, instance: null, quantity: 5, asOf: '2026-11-01' },
      { va: 1, license: 3, instance: null, quantity: 2, asOf: '2026-11-01' },
    ],
    reservations: [],
  });
  const summary = await services.imports.run({
    smartAccount: MONEY_DOMAIN,
    asOf: MONEY_TODAY,
    dryRun: false,
    files: [textSource('prices.csv', PRICE_BOOK_CSV, 'price-book')],
  });
  if (!summary.committed) throw new Error(JSON.stringify(summary.issues));
  return estate;
}
