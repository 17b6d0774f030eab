import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  decommission,
  trailCounts,
  withReservationEstate,
} from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { addDays, DomainError } from '../../domain/index.js';
import type { Services } from '../index.js';

const quantity = fc.integer({ min: -1, max: 7 });
const operation = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('reserve' as const), weight: 3 },
    {
      arbitrary: fc.constantFrom('update' as const, 'transfer' as const, 'return' as const),
      weight: 5,
    },
  ),
  instance: fc.nat(3),
  license: fc.nat(1),
  slot: fc.nat(7),
  quantity,
  partial: fc.option(quantity, { nil: undefined, freq: 2 }),
  // Mostly forward in time; sometimes back-dated, which the trail must refuse.
  step: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 6 },
    { arbitrary: fc.constant(-1), weight: 1 },
  ),
});
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

describe('reservation changes (property)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  /** What the reservation an operation picked held just before it (set by `apply`). */
  let heldBefore = 0;

  async function apply(
    services: Services,
    ids: { sa: number; instances: number[]; licenses: number[] },
    op: Operation,
    asOf: string,
  ) {
    const held = await services.reservations.reservationsOf({
      smartAccountId: ids.sa,
      asOf: '2999-12-31',
      // Odd slots may pick a returned reservation (holding 0); even slots one that holds some.
      includeReturned: op.slot % 2 === 1,
    });
    const chosen = held.length > 0 ? held[op.slot % held.length] : undefined;
    const reservationId = chosen?.id ?? 999_999;
    heldBefore = chosen?.quantity ?? 0;
    const context = { smartAccountId: ids.sa, asOf, actor: 'prop' };
    switch (op.kind) {
      case 'reserve':
        return services.reservations.reserve({
          ...context,
          instance: { id: ids.instances[op.instance]! },
          license: { id: ids.licenses[op.license]! },
          reservationType: op.instance === 2 ? 'PLR' : 'SLR',
          quantity: op.quantity,
        });
      case 'update':
        return services.reservations.update({ ...context, reservationId, quantity: op.quantity });
      case 'return':
        return services.reservations.return({ ...context, reservationId, quantity: op.partial });
      case 'transfer':
        return services.reservations.transfer({
          ...context,
          reservationId,
          toInstance: { id: ids.instances[op.instance]! },
          quantity: op.partial,
        });
    }
  }

  /** Σ of every trail per license (licenses with no trail are absent). */
  async function totals(sa: number): Promise<Map<number, number>> {
    const rows = await handle.rows<{ license_id: number; total: number }>(sql`
      select r.license_id, sum(e.quantity_delta)::int as total
      from reservations r join reservation_events e on e.reservation_id = r.id
      where r.smart_account_id = ${sa} group by 1 order by 1`);
    return new Map(rows.map((r) => [Number(r.license_id), Number(r.total)]));
  }

  it('writes one event per reservation touched, or nothing; each trail sums to its quantities', async () => {
    let run = 0;
    const succeeded = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 4, maxLength: 12 }), async (operations) => {
        const { ids, services } = await withReservationEstate(handle, `prop-${run++}.example`);
        await decommission(handle, ids.instanceIds[3]!);
        const sa = ids.smartAccountId;
        let asOf = '2026-01-01';
        // Start from one reservation, so the changes have something to act on.
        await services.reservations.reserve({
          smartAccountId: sa,
          instance: { id: ids.instanceIds[0]! },
          license: { id: ids.licenseIds[0]! },
          reservationType: 'SLR',
          quantity: 4,
          asOf,
          actor: 'prop',
        });
        for (const op of operations) {
          asOf = addDays(asOf, op.step);
          const before = { counts: await trailCounts(handle, sa), totals: await totals(sa) };
          const touched = await apply(
            services,
            { sa, instances: ids.instanceIds, licenses: ids.licenseIds },
            op,
            asOf,
          ).then(
            (result) => ('source' in result ? [result.source, result.target] : [result]),
            (error: unknown) => {
              if (!(error instanceof DomainError)) throw error;
              return [];
            },
          );
          if (touched.length > 0) succeeded.add(op.kind);
          const after = { counts: await trailCounts(handle, sa), totals: await totals(sa) };
          expect(after.counts.events - before.counts.events).toBe(touched.length);
          const expected = new Map(before.totals);
          const license = touched[0]?.reservation.licenseId;
          if (license !== undefined && op.kind === 'reserve')
            expected.set(license, (expected.get(license) ?? 0) + op.quantity);
          if (license !== undefined && op.kind === 'return')
            expected.set(license, (expected.get(license) ?? 0) - (op.partial ?? heldBefore));
          // Transfers and failures leave every license's total reserved where it was.
          if (op.kind !== 'update') expect(after.totals).toEqual(expected);
          if (touched.length === 0) expect(after.counts).toEqual(before.counts);
        }
        const trail = await handle.rows<{ bad: number }>(sql`
          with t as (
            select e.quantity_after,
                   sum(e.quantity_delta) over (partition by e.reservation_id order by e.occurred_on, e.id) as running
            from reservation_events e where e.smart_account_id = ${sa})
          select count(*) filter (where quantity_after <> running or running < 0)::int as bad from t`);
        expect(Number(trail[0]?.bad)).toBe(0);
      }),
      { numRuns: 20 },
    );
    // Not vacuous: every kind of change went through at least once.
    expect([...succeeded].sort()).toEqual(['reserve', 'return', 'transfer', 'update']);
  });
});
