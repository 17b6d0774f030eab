import { createServices, fixedClock } from '../../api/src/index.js';
import type { DbHandle } from '../../db/src/index.js';

import { insertEstate, type EstateSpec, type InsertedEstate } from './estate.js';

/** The date the reallocation estate is read and changed at. */
export const REALLOCATION_DAY = '2026-06-01';

/**
 * A known estate for what-if tests (ledger usage as of 2026-05-01):
 *
 * | license     | East (EU)                         | West (EU)        | Lab (US)   |
 * |-------------|-----------------------------------|------------------|------------|
 * | Switch DNA  | 10 perpetual + 20 term → 2027-12-31, uses 12 (surplus 18) | 5 term, uses 15 (short 10) | uses 4 (short 4) |
 * | ISE         | 3 perpetual, uses 1 (surplus 2)   | uses 6 (short 6) |            |
 */
export function reallocationEstateSpec(domain: string): EstateSpec {
  const term = (endDate: string) => ({
    licenseType: 'TERM' as const,
    startDate: '2025-01-01',
    endDate,
    source: 'SMART' as const,
  });
  const perpetual = {
    licenseType: 'PERPETUAL' as const,
    startDate: '2024-01-01',
    endDate: null,
    source: 'SMART' as const,
  };
  const ledger = (va: number, license: number, quantity: number) => ({
    va,
    license,
    instance: null,
    quantity,
    asOf: '2026-05-01',
  });
  return {
    domain,
    virtualAccounts: [
      { name: 'East', region: 'EU' },
      { name: 'West', region: 'EU' },
      { name: 'Lab', region: 'US' },
    ],
    licenses: [{ name: 'Switch DNA' }, { name: 'ISE' }],
    lots: [
      { va: 0, license: 0, quantity: 10, ...perpetual },
      { va: 0, license: 0, quantity: 20, ...term('2027-12-31') },
      { va: 1, license: 0, quantity: 5, ...term('2027-06-30') },
      { va: 0, license: 1, quantity: 3, ...perpetual },
    ],
    instances: [],
    usage: [ledger(0, 0, 12), ledger(1, 0, 15), ledger(2, 0, 4), ledger(0, 1, 1), ledger(1, 1, 6)],
    reservations: [],
  };
}

/** Inserts the estate and returns its ids with services whose "today" is `REALLOCATION_DAY`. */
export async function withReallocationEstate(
  handle: DbHandle,
  domain: string,
): Promise<{ ids: InsertedEstate; services: ReturnType<typeof createServices> }> {
  const ids = await insertEstate(handle.db, reallocationEstateSpec(domain));
  return { ids, services: createServices(handle, fixedClock(REALLOCATION_DAY)) };
}
