import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../../../test/support/estate.js';
import { wholeEstate } from '../../../test/support/findings-whole-estate.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { findings } from '../domain/index.js';

import { accountFindings, findingsInputOf } from './findings-service.js';

const AS_OF = '2026-06-30';
const lot = (
  va: number,
  license: number,
  quantity: number,
  licenseType: 'TERM' | 'PERPETUAL',
  startDate: string,
  endDate: string | null,
  source: 'SMART' | 'CLASSIC_PAK' = 'SMART',
) => ({ va, license, quantity, licenseType, startDate, endDate, source });

/**
 * An estate whose findings at 2026-06-30 were worked out by hand (see `HAND_FINDINGS`), with
 * lots and devices that take part in no finding (which the prefilter must leave out) and
 * others that change a finding only if read whole (the perpetual lot beside an expiring one,
 * the one TERM lot that makes a device's license a subscription, an older usage report).
 */
const HAND_ESTATE: EstateSpec = {
  domain: 'hand-findings.example',
  virtualAccounts: [{ name: 'East' }, { name: 'West' }],
  licenses: [
    { name: 'Base' }, // 0
    { name: 'Term' }, // 1
    { name: 'AddOn' }, // 2: ADD_ON, its catalog base is Base (set below)
    { name: 'Classic' }, // 3
    { name: 'Sub' }, // 4
  ],
  lots: [
    lot(0, 0, 5, 'PERPETUAL', '2025-01-01', null),
    lot(0, 2, 5, 'PERPETUAL', '2025-01-01', null),
    // East × Term: 5 end on 2026-07-20 (20 days: the 30-day lead time), 3 perpetual stay.
    lot(0, 1, 5, 'TERM', '2026-01-01', '2026-07-20'),
    lot(0, 1, 3, 'PERPETUAL', '2025-01-01', null),
    // West × Term: ended on 2026-05-31.
    lot(1, 1, 4, 'TERM', '2025-06-01', '2026-05-31'),
    lot(1, 3, 4, 'PERPETUAL', '2025-01-01', null, 'CLASSIC_PAK'),
    // Sub is sold as a subscription: its only TERM lots end long after the lead time.
    lot(1, 4, 10, 'TERM', '2026-01-01', '2027-12-31'),
    lot(0, 4, 2, 'TERM', '2026-01-01', '2028-12-31'),
    // Unused: no finding.
    lot(1, 0, 10, 'PERPETUAL', '2025-01-01', null),
  ],
  instances: [
    { va: 0, mode: 'DIRECT_CLOUD' }, // 0: AddOn without Base (Base went to 0)
    { va: 0, mode: 'DIRECT_CLOUD' }, // 1: AddOn with Base
    { va: 0, mode: 'DIRECT_CLOUD' }, // 2: silent since 2026-01-01, uses Term (subscription)
    { va: 1, mode: 'DIRECT_CLOUD' }, // 3: silent since 2026-02-01, uses Sub (subscription)
    { va: 1, mode: 'DIRECT_CLOUD' }, // 4: uses Term in West
    { va: 1, mode: 'DIRECT_CLOUD' }, // 5: uses Base in West, nothing wrong
  ],
  usage: [
    { va: 0, license: 0, instance: 0, quantity: 1, asOf: '2026-03-01' },
    { va: 0, license: 0, instance: 0, quantity: 0, asOf: '2026-06-01' },
    { va: 0, license: 2, instance: 0, quantity: 1, asOf: '2026-06-01' },
    { va: 0, license: 0, instance: 1, quantity: 1, asOf: '2026-06-01' },
    { va: 0, license: 2, instance: 1, quantity: 1, asOf: '2026-06-01' },
    { va: 0, license: 1, instance: 2, quantity: 6, asOf: '2026-01-01' },
    { va: 1, license: 4, instance: 3, quantity: 1, asOf: '2026-02-01' },
    { va: 1, license: 1, instance: 4, quantity: 2, asOf: '2026-06-01' },
    { va: 1, license: 0, instance: 5, quantity: 3, asOf: '2026-06-01' },
  ],
  reservations: [],
};

/** Last contact per instance (others: 2026-06-29). */
const LAST_CONTACT: Record<number, string> = { 2: '2026-01-01', 3: '2026-02-01' };

/**
 * The findings by hand, as [code, Virtual Account, license or instance, quantity]:
 * - East × Term: owns 5 TERM + 3 PERPETUAL, consumes 6; after 2026-07-20 it owns 3: 5 expire.
 * - West × Term: owns 0 (4 ended on 2026-05-31), consumes 2: short 2, of which the lapse
 *   explains min(2, 4) = 2.
 * - West × Classic: 4 classic PAK units not converted.
 * - instance 0: AddOn 1 and Base 0 at its latest report: AddOn without its base (East's pool:
 *   2 add-ons, 1 base, deficit 1 already explained by the device, so no pool finding).
 * - instance 2: 180 days silent, uses Term (a TERM lot exists): over the 90-day window.
 * - instance 3: 149 days silent, uses Sub (a TERM lot exists): over the 90-day window (a
 *   perpetual-only device would have 365 days).
 */
const HAND_FINDINGS = [
  ['INSUFFICIENT_LICENSES', 'West', 'Term', 2],
  ['LICENSES_EXPIRING', 'East', 'Term', 5],
  ['LICENSES_EXPIRED', 'West', 'Term', 2],
  ['ADDON_WITHOUT_BASE', 'East', 'instance 0', 1],
  ['STALE_REPORTING', 'East', 'instance 2', 6],
  ['STALE_REPORTING', 'West', 'instance 3', 1],
  ['UNCONVERTED_PAK', 'West', 'Classic', 4],
] as const;

const CONSISTENT_ESTATE: EstateSpec = {
  domain: 'consistent-findings.example',
  virtualAccounts: [{ name: 'Only' }],
  licenses: [{ name: 'Perpetual' }],
  lots: [lot(0, 0, 10, 'PERPETUAL', '2025-01-01', null)],
  instances: [{ va: 0, mode: 'DIRECT_CLOUD' }],
  usage: [{ va: 0, license: 0, instance: 0, quantity: 5, asOf: '2026-06-01' }],
  reservations: [],
};

describe('findings through the prefilter on estates worked out by hand', () => {
  let handle: DbHandle;
  let hand: Awaited<ReturnType<typeof insertEstate>>;
  let consistent: Awaited<ReturnType<typeof insertEstate>>;

  beforeAll(async () => {
    handle = await createTestDb();
    hand = await insertEstate(handle.db, HAND_ESTATE);
    consistent = await insertEstate(handle.db, CONSISTENT_ESTATE);
    const [base, , addOn] = hand.licenseIds;
    await handle.rows(sql`update licenses set kind = 'ADD_ON', required_base_license_id = ${base}
      where id = ${addOn}`);
    await handle.rows(sql`update entitlement_lots set pak_number = 'PAK-1'
      where smart_account_id = ${hand.smartAccountId} and source = 'CLASSIC_PAK'`);
    for (const estate of [hand, consistent]) {
      for (const [i, id] of estate.instanceIds.entries()) {
        const contact = (estate === hand ? LAST_CONTACT[i] : undefined) ?? '2026-06-29';
        await handle.rows(sql`update product_instances
          set last_contact_at = ${`${contact}T12:00:00Z`}::timestamptz where id = ${id}`);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await handle.close();
  });

  it('finds exactly the findings worked out by hand, those of the whole estate', async () => {
    const query = { smartAccountId: hand.smartAccountId, asOf: AS_OF, includeClassic: true };
    const got = await accountFindings(handle, query);
    const vaName = ['East', 'West'];
    const licenseName = HAND_ESTATE.licenses.map((l) => l.name);
    const subjectOf = (f: (typeof got)[number]) => {
      const instanceId = 'instanceId' in f.facts ? f.facts.instanceId : null;
      const subjectId = 'subjectId' in f.facts ? f.facts.subjectId : null;
      const instance = instanceId ?? subjectId;
      if (typeof instance === 'number') return `instance ${hand.instanceIds.indexOf(instance)}`;
      return licenseName[hand.licenseIds.indexOf(f.licenseId ?? -1)];
    };
    const rows = got.map((f) => [
      f.code,
      vaName[hand.virtualAccountIds.indexOf(f.virtualAccountId ?? -1)],
      subjectOf(f),
      f.quantity,
    ]);
    const byText = (a: unknown[], b: unknown[]) => (String(a) < String(b) ? -1 : 1);
    expect(rows.sort(byText)).toEqual(HAND_FINDINGS.map((f) => [...f]).sort(byText));
    // The prefilter left lots and devices out, and the whole estate gives the same list.
    const loaded = await findingsInputOf(handle, query);
    const whole = await wholeEstate(handle, hand.smartAccountId, AS_OF);
    expect(loaded.lots.length).toBeLessThan(whole.lots.length);
    expect(loaded.instances.length).toBeLessThan(whole.instances.length);
    expect(got).toEqual(findings({ ...loaded, ...whole }));
  });

  it('finds nothing in a consistent estate', async () => {
    const query = { smartAccountId: consistent.smartAccountId, asOf: AS_OF, includeClassic: true };
    expect(await accountFindings(handle, query)).toEqual([]);
    const whole = await wholeEstate(handle, consistent.smartAccountId, AS_OF);
    const loaded = await findingsInputOf(handle, query);
    expect(findings({ ...loaded, ...whole })).toEqual([]);
  });
});
