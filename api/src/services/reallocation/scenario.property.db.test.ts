import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec } from '../../../../test/support/estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { addDays, DomainError, type PositionLine } from '../../domain/index.js';
import { createServices, fixedClock } from '../index.js';

const VAS = ['A', 'B', 'C'];
const LICENSES = ['L0', 'L1'];
const DAY = '2026-06-01';
/** Mostly lots active at DAY, some not yet started or already ended. */
const start = fc.integer({ min: -400, max: 30 }).map((d) => addDays(DAY, d));
const end = fc.integer({ min: -30, max: 400 }).map((d) => addDays(DAY, d));

const lot = fc.record({
  va: fc.nat(VAS.length - 1),
  license: fc.nat(LICENSES.length - 1),
  quantity: fc.integer({ min: 5, max: 30 }),
  licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
  startDate: fc.option(start, { nil: null }),
  endDate: fc.option(end, { nil: null }),
  source: fc.constantFrom('SMART' as const, 'SMART' as const, 'CLASSIC_PAK' as const),
});
const usage = fc.record({
  va: fc.nat(VAS.length - 1),
  license: fc.nat(LICENSES.length - 1),
  quantity: fc.integer({ min: 0, max: 12 }),
});
const move = fc.record({
  license: fc.constantFrom(...LICENSES),
  quantity: fc.integer({ min: 1, max: 8 }),
  from: fc.constantFrom(...VAS),
  to: fc.constantFrom(...VAS),
  licenseType: fc.constantFrom(undefined, 'TERM' as const, 'PERPETUAL' as const),
});

/** Σ owned per license over the account. */
const ownedPerLicense = (lines: readonly PositionLine[]) => {
  const totals = new Map<number, number>();
  for (const l of lines) totals.set(l.licenseId, (totals.get(l.licenseId) ?? 0) + l.owned);
  return Object.fromEntries([...totals].filter(([, n]) => n > 0).sort(([a], [b]) => a - b));
};
const byKey = (lines: readonly PositionLine[]) =>
  Object.fromEntries(
    lines
      .filter((l) => l.owned > 0 || l.consumed > 0)
      .map((l) => [`${l.virtualAccountId}:${l.licenseId}`, l]),
  );

describe('scenario apply (property)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('conserves Σ owned per license at every date, leaves the past alone, and lands exactly on the simulation', async () => {
    const services = createServices(handle, fixedClock(DAY));
    let run = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lot, { minLength: 4, maxLength: 10 }),
        fc.array(usage, { maxLength: 6 }),
        fc.array(fc.array(move, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
        async (lots, usages, scenarios) => {
          const spec: EstateSpec = {
            domain: `conserve-${run++}.example`,
            virtualAccounts: VAS.map((name) => ({ name })),
            licenses: LICENSES.map((name) => ({ name })),
            lots,
            instances: [],
            usage: usages.map((u) => ({ ...u, instance: null, asOf: addDays(DAY, -10) })),
            reservations: [],
          };
          const { smartAccountId } = await insertEstate(handle.db, spec);
          const position = (asOf: string) =>
            services.position.lines({ smartAccountId, asOf, includeClassic: true });
          const dates = [addDays(DAY, -1), DAY, addDays(DAY, 120), addDays(DAY, 500)];
          const totalsBefore = await Promise.all(
            dates.map(async (d) => ownedPerLicense(await position(d))),
          );
          const pastBefore = byKey(await position(addDays(DAY, -1)));

          for (const [index, moves] of scenarios.entries()) {
            const valid = moves.filter((m) => m.from !== m.to);
            if (valid.length === 0) continue;
            const scenario = await services.reallocation.create({
              smartAccountId,
              name: `s${index}`,
              author: 'prop',
              moves: valid,
            });
            const simulation = await services.reallocation.simulate({
              smartAccountId,
              moves: valid,
            });
            try {
              await services.reallocation.apply({
                smartAccountId,
                id: scenario.id,
                expectedVersion: 1,
                actor: 'prop',
              });
              applied++;
              expect(simulation.result.feasible).toBe(true);
              const live = byKey(await position(DAY));
              for (const { after } of simulation.result.lines) {
                const key = `${after.virtualAccountId}:${after.licenseId}`;
                if (after.owned > 0 || after.consumed > 0) expect(live[key]).toEqual(after);
              }
            } catch (error) {
              if (!(error instanceof DomainError) || error.code !== 'REALLOCATION_CONFLICT')
                throw error;
              expect(simulation.result.feasible).toBe(false);
            }
          }
          const totalsAfter = await Promise.all(
            dates.map(async (d) => ownedPerLicense(await position(d))),
          );
          expect(totalsAfter).toEqual(totalsBefore);
          expect(byKey(await position(addDays(DAY, -1)))).toEqual(pastBefore);
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
    // The property must have exercised real applies, not only refusals.
    expect(applied).toBeGreaterThan(10);
  });
});
