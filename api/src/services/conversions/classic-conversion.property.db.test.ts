import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../../../../test/support/estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { addDays, DomainError, isLotActive, type PositionLine } from '../../domain/index.js';
import { createServices, fixedClock } from '../index.js';

const VAS = 3;
const LICENSES = 2;
const day = fc.integer({ min: 0, max: 300 }).map((d) => addDays('2026-01-01', d));
const lot = fc.record({
  va: fc.nat(VAS - 1),
  license: fc.nat(LICENSES - 1),
  quantity: fc.integer({ min: 1, max: 30 }),
  licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
  startDate: fc.option(day, { nil: null }),
  endDate: fc.option(day, { nil: null }),
  source: fc.constantFrom('SMART' as const, 'CLASSIC_PAK' as const),
});
const conversion = fc.record({
  lot: fc.nat(20),
  quantity: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  asOf: day,
});

type Lines = Map<string, PositionLine>;
const key = (line: { virtualAccountId: number; licenseId: number }) =>
  `${line.virtualAccountId}:${line.licenseId}`;

/** Each line without its smart/classic breakdown. */
const totals = (lines: Lines) =>
  [...lines].map(([k, { ownedSmart: _s, ownedClassic: _c, ...rest }]) => [k, rest]);

describe('classic PAK conversion (property)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps the unified position, raises smart-only by the converted amount from asOf on, and leaves the past alone', async () => {
    const services = createServices(handle, fixedClock('2026-06-01'));
    let run = 0;
    let converted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lot, { minLength: 1, maxLength: 8 }),
        fc.array(conversion, { minLength: 1, maxLength: 4 }),
        async (lots, conversions) => {
          const spec: EstateSpec = {
            domain: `convert-${run++}.example`,
            virtualAccounts: Array.from({ length: VAS }, (_, i) => ({ name: `VA-${i}` })),
            licenses: Array.from({ length: LICENSES }, (_, i) => ({ name: `License ${i}` })),
            lots: [...lots, { ...lots[0]!, source: 'CLASSIC_PAK' }],
            instances: [],
            usage: [],
            reservations: [],
          };
          const ids = await insertEstate(handle.db, spec);
          const smartAccountId = ids.smartAccountId;
          const position = async (asOf: string, includeClassic: boolean): Promise<Lines> =>
            new Map(
              (await services.position.lines({ smartAccountId, asOf, includeClassic })).map(
                (line) => [key(line), line],
              ),
            );
          for (const step of conversions) {
            const classic = await handle.rows<{ id: number }>(
              sql`select id from entitlement_lots where smart_account_id = ${smartAccountId} and source = 'CLASSIC_PAK' order by id`,
            );
            const lotId = Number(classic[step.lot % classic.length]!.id);
            const days = [
              addDays(step.asOf, -1),
              step.asOf,
              addDays(step.asOf, 1),
              addDays(step.asOf, 200),
            ];
            const snapshot = async () =>
              Promise.all(
                days.map(async (d): Promise<[Lines, Lines]> => [
                  await position(d, true),
                  await position(d, false),
                ]),
              );
            const before = await snapshot();
            const result = await services.conversions
              .convert({
                smartAccountId,
                lotId,
                quantity: step.quantity,
                asOf: step.asOf,
                actor: 'prop',
              })
              .catch((error: unknown) => {
                if (error instanceof DomainError) return null;
                throw error;
              });
            const after = await snapshot();
            if (!result) {
              expect(after).toEqual(before);
              continue;
            }
            converted++;
            const subject = key(result.smartLot);
            days.forEach((d, i) => {
              const [unifiedBefore, smartBefore] = before[i]!;
              const [unifiedAfter, smartAfter] = after[i]!;
              // The unified totals hold; only their smart/classic breakdown may shift.
              expect(totals(unifiedAfter)).toEqual(totals(unifiedBefore));
              if (d < step.asOf) {
                expect(smartAfter).toEqual(smartBefore);
                return;
              }
              const raise = isLotActive(result.smartLot, d) ? result.conversion.quantity : 0;
              for (const k of new Set([...smartBefore.keys(), ...smartAfter.keys()])) {
                const delta = (smartAfter.get(k)?.owned ?? 0) - (smartBefore.get(k)?.owned ?? 0);
                expect(delta).toBe(k === subject ? raise : 0);
              }
            });
          }
        },
      ),
      { numRuns: 20 },
    );
    expect(converted).toBeGreaterThan(0);
  });
});
