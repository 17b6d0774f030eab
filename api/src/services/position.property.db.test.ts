import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../../../test/support/estate.js';
import { naivePosition } from '../../../test/support/naive-position.js';
import { createTestDb } from '../../../test/support/test-db.js';

import { positionLines } from './position-service.js';

const VAS = 3;
const LICENSES = 3;
const INSTANCES = 6;
const date = fc
  .integer({ min: 0, max: 9 })
  .map((d) => `2026-0${1 + Math.floor(d / 3)}-${String(10 + d).padStart(2, '0')}`);
const maybeDate = fc.option(date, { nil: null });

const estateArbitrary = (domain: string): fc.Arbitrary<EstateSpec> =>
  fc.record({
    domain: fc.constant(domain),
    virtualAccounts: fc.constant(Array.from({ length: VAS }, (_, i) => ({ name: `VA-${i}` }))),
    licenses: fc.constant(Array.from({ length: LICENSES }, (_, i) => ({ name: `License ${i}` }))),
    lots: fc.array(
      fc.record({
        va: fc.nat(VAS - 1),
        license: fc.nat(LICENSES - 1),
        quantity: fc.nat(50),
        licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
        startDate: maybeDate,
        endDate: maybeDate,
        source: fc.constantFrom('SMART' as const, 'CLASSIC_PAK' as const),
        effectiveFrom: maybeDate,
        supersededOn: maybeDate,
      }),
      { maxLength: 12 },
    ),
    instances: fc.constant(
      Array.from({ length: INSTANCES }, (_, i) => ({
        va: i % VAS,
        mode: (['DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR'] as const)[i % 4]!,
      })),
    ),
    usage: fc.array(
      fc.oneof(
        fc
          .record({
            instance: fc.nat(INSTANCES - 1),
            license: fc.nat(LICENSES - 1),
            quantity: fc.nat(20),
            asOf: date,
          })
          .map((u) => ({ ...u, va: u.instance % VAS })),
        fc
          .record({
            va: fc.nat(VAS - 1),
            license: fc.nat(LICENSES - 1),
            quantity: fc.nat(60),
            asOf: date,
            reserved: fc.option(fc.nat(10), { nil: null }),
            billing: fc.constantFrom(
              null,
              'PREPAID' as const,
              'USAGE' as const,
              'SUBSCRIPTION' as const,
            ),
          })
          .map((u) => ({ ...u, instance: null })),
      ),
      { maxLength: 20 },
    ),
    reservations: fc.uniqueArray(
      fc.record({
        instance: fc.constantFrom(2, 3),
        license: fc.nat(LICENSES - 1),
        events: fc.array(fc.record({ delta: fc.integer({ min: -5, max: 8 }), on: date }), {
          minLength: 1,
          maxLength: 3,
        }),
        licenseType: fc.constantFrom(null, 'TERM' as const, 'PERPETUAL' as const),
        endDate: maybeDate,
      }),
      { selector: (r) => `${r.instance}:${r.license}`, maxLength: 4 },
    ),
  });

describe('position: SQL aggregation agrees with the naive computation', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('for random estates, dates and classic inclusion', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        estateArbitrary('placeholder.example'),
        date,
        fc.boolean(),
        async (spec, asOf, includeClassic) => {
          // Every run (shrinking included) needs its own Smart Account domain.
          const ids = await insertEstate(handle.db, { ...spec, domain: `estate-${run++}.example` });
          const sql = await positionLines(handle, {
            smartAccountId: ids.smartAccountId,
            asOf,
            includeClassic,
          });
          const byIndex = sql.map((line) => ({
            ...line,
            virtualAccountId: ids.virtualAccountIds.indexOf(line.virtualAccountId),
            licenseId: ids.licenseIds.indexOf(line.licenseId),
          }));
          const order = (a: { virtualAccountId: number; licenseId: number }, b: typeof a) =>
            a.virtualAccountId - b.virtualAccountId || a.licenseId - b.licenseId;
          expect(byIndex.sort(order)).toEqual(
            naivePosition(spec, asOf, includeClassic).sort(order),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
