import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { withReservationEstate } from '../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { DomainError } from '../domain/index.js';

import { ensureCurrentPositions, keptSumsQuery } from './current-positions.js';
import { textSource, type Services } from './index.js';
import { positionSumsQuery } from './position-sums.sql.js';

const TODAY = '2026-03-01';
const VAS = ['East', 'West'] as const;
const LICENSES = ['L0 DNA Advantage', 'L1 Network Advantage'] as const;

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('import' as const),
    va: fc.nat(1),
    license: fc.nat(1),
    purchased: fc.nat(9),
    inUse: fc.nat(9),
    // The import's date: before, on or after today (a report after today must not count yet).
    day: fc.constantFrom('2026-02-01', TODAY, '2026-03-05'),
  }),
  fc.record({
    kind: fc.constantFrom('reserve' as const, 'update' as const, 'return' as const),
    instance: fc.nat(3),
    license: fc.nat(1),
    quantity: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({ kind: fc.constant('transfer' as const), instance: fc.nat(3), quantity: fc.nat(3) }),
  fc.record({
    kind: fc.constant('convert' as const),
    quantity: fc.integer({ min: 1, max: 4 }),
    into: fc.nat(1),
  }),
  fc.record({
    kind: fc.constant('apply' as const),
    license: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 3 }),
    from: fc.nat(1),
  }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** Rows of a sums query as sorted, comparable strings. */
async function sumsOf(handle: DbHandle, query: ReturnType<typeof positionSumsQuery>) {
  const rows = await handle.rows<Record<string, unknown>>(query);
  const columns = [
    'virtual_account_id',
    'license_id',
    'owned_smart',
    'owned_classic',
    'ledger_in_use',
    'ledger_as_of',
    'ledger_reserved',
    'billing_type',
    'device_consumed',
    'device_reserved',
    'device_reported_on',
    'device_reserved_on',
  ];
  return rows
    .map((row) => columns.map((c) => (row[c] === null ? 'null' : String(row[c]))).join('|'))
    .sort();
}

describe('current positions kept by the writers (property)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  async function apply(
    services: Services,
    ids: { sa: number; instances: number[] },
    op: Operation,
  ) {
    const context = { smartAccountId: ids.sa, actor: 'prop' };
    const held = await services.reservations.reservationsOf({
      smartAccountId: ids.sa,
      asOf: TODAY,
      includeReturned: false,
    });
    const reservationId = held[0]?.id ?? 999_999;
    switch (op.kind) {
      case 'import':
        return services.imports.run({
          smartAccount: 'kept.example',
          asOf: op.day,
          dryRun: false,
          files: [
            textSource(
              'licenses.csv',
              `Virtual Account,License,Purchased,In Use,Balance\r\n` +
                `${VAS[op.va]},${LICENSES[op.license]},${op.purchased},${op.inUse},${op.purchased - op.inUse}\r\n`,
              'cssm-licenses-csv',
            ),
          ],
        });
      case 'reserve':
        return services.reservations.reserve({
          ...context,
          instance: { id: ids.instances[op.instance]! },
          license: { name: LICENSES[op.license] },
          reservationType: op.instance === 2 ? 'PLR' : 'SLR',
          quantity: op.quantity,
        } as Parameters<Services['reservations']['reserve']>[0]);
      case 'update':
        return services.reservations.update({ ...context, reservationId, quantity: op.quantity });
      case 'return':
        return services.reservations.return({ ...context, reservationId });
      case 'transfer':
        return services.reservations.transfer({
          ...context,
          reservationId,
          toInstance: { id: ids.instances[op.instance]! },
          quantity: op.quantity,
        });
      case 'convert': {
        const [lot] = await handle.rows<{ id: number }>(sql`
          select id from entitlement_lots where smart_account_id = ${ids.sa}
            and source = 'CLASSIC_PAK' and superseded_on is null order by id limit 1`);
        return services.conversions.convert({
          ...context,
          lotId: Number(lot?.id ?? 999_999),
          quantity: op.quantity,
          intoVirtualAccountId: undefined,
        });
      }
      case 'apply': {
        const scenario = await services.reallocation.create({
          smartAccountId: ids.sa,
          name: `move-${Math.random()}`,
          author: 'prop',
          moves: [
            {
              license: LICENSES[op.license]!,
              quantity: op.quantity,
              from: VAS[op.from]!,
              to: VAS[1 - op.from]!,
            },
          ],
        });
        return services.reallocation.apply({
          smartAccountId: ids.sa,
          id: scenario.id,
          expectedVersion: scenario.version,
          actor: 'prop',
        });
      }
    }
  }

  it('equals the full aggregate at today after any sequence of writes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        const domain = 'kept.example';
        // A fresh estate per run: the previous run's account is renamed out of the way.
        await handle.rows(
          sql`update smart_accounts set domain = ${`old-${run++}.example`} where domain = ${domain}`,
        );
        const { ids, services } = await withReservationEstate(handle, domain, TODAY);
        const sa = ids.smartAccountId;
        await ensureCurrentPositions(handle, sa, TODAY);
        for (const op of operations) {
          await apply(services, { sa, instances: ids.instanceIds }, op).catch((error: unknown) => {
            if (!(error instanceof DomainError)) throw error;
          });
          expect(await sumsOf(handle, keptSumsQuery({ smartAccountId: sa }))).toEqual(
            await sumsOf(handle, positionSumsQuery({ smartAccountId: sa, asOf: TODAY })),
          );
        }
      }),
      { numRuns: 15 },
    );
  });
});
