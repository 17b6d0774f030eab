import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { trailCounts, withReservationEstate } from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { DomainError } from '../../domain/index.js';
import type { Services } from '../index.js';

describe('reservation service refusals', () => {
  let handle: DbHandle;
  let services: Services;
  let sa: number;
  let held: { id: number; device: number; spare: number };
  let other: { instance: number; license: number; reservation: number };

  beforeAll(async () => {
    handle = await createTestDb();
    const estate = await withReservationEstate(handle, 'refusals.example');
    services = estate.services;
    sa = estate.ids.smartAccountId;
    const { reservation } = await services.reservations.reserve({
      smartAccountId: sa,
      asOf: '2026-01-10',
      actor: 'alice',
      instance: { id: estate.ids.instanceIds[2]! },
      license: { id: estate.ids.licenseIds[1]! },
      reservationType: 'PLR',
      quantity: 2,
    });
    held = {
      id: reservation.id,
      device: reservation.productInstanceId,
      spare: estate.ids.instanceIds[0]!,
    };
    const elsewhere = await withReservationEstate(handle, 'refusals-elsewhere.example');
    const theirs = await elsewhere.services.reservations.reserve({
      smartAccountId: elsewhere.ids.smartAccountId,
      asOf: '2026-01-10',
      actor: 'bob',
      instance: { id: elsewhere.ids.instanceIds[0]! },
      license: { id: elsewhere.ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 1,
    });
    other = {
      instance: elsewhere.ids.instanceIds[1]!,
      license: elsewhere.ids.licenseIds[0]!,
      reservation: theirs.reservation.id,
    };
  });
  afterAll(async () => {
    await handle.close();
  });

  const context = { smartAccountId: 0, asOf: '2026-03-06', actor: 'alice' };
  const codeOf = async (attempt: () => Promise<unknown>) =>
    attempt().then(
      () => 'no error',
      (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
    );

  it('refuses impossible changes with a domain code and writes nothing', async () => {
    const base = { ...context, smartAccountId: sa };
    const r = services.reservations;
    const id = held.id;
    const attempts: [() => Promise<unknown>, string][] = [
      [() => r.return({ ...base, reservationId: id, quantity: 3 }), 'EXCEEDS_RESERVED'],
      [
        () =>
          r.transfer({ ...base, reservationId: id, quantity: 3, toInstance: { id: held.spare } }),
        'EXCEEDS_RESERVED',
      ],
      [
        () => r.transfer({ ...base, reservationId: id, toInstance: { id: held.device } }),
        'SAME_INSTANCE',
      ],
      [
        () => r.transfer({ ...base, reservationId: id, toInstance: { id: other.instance } }),
        'UNKNOWN_PRODUCT_INSTANCE',
      ],
      [
        () =>
          r.reserve({
            ...base,
            instance: { id: held.spare },
            license: { id: other.license },
            reservationType: 'SLR',
            quantity: 1,
          }),
        'UNKNOWN_LICENSE',
      ],
      [
        () =>
          r.reserve({
            ...base,
            instance: { id: held.device },
            license: { name: 'L1 Network Advantage' },
            reservationType: 'PLR',
            quantity: 1,
          }),
        'RESERVATION_EXISTS',
      ],
      [() => r.update({ ...base, reservationId: id, quantity: 0 }), 'INVALID_QUANTITY'],
      [() => r.update({ ...base, reservationId: id, quantity: 2 }), 'QUANTITY_UNCHANGED'],
      [
        () => r.update({ ...base, asOf: '2026-01-01', reservationId: id, quantity: 9 }),
        'EVENT_OUT_OF_ORDER',
      ],
      [() => r.update({ ...base, reservationId: id, quantity: 9, actor: ' ' }), 'MISSING_ACTOR'],
      [
        () => r.update({ ...base, asOf: '2026-02-30', reservationId: id, quantity: 9 }),
        'INVALID_DATE',
      ],
      [() => r.return({ ...base, reservationId: 999_999 }), 'UNKNOWN_RESERVATION'],
      // Another account's reservation is indistinguishable from one that does not exist.
      [() => r.return({ ...base, reservationId: other.reservation }), 'UNKNOWN_RESERVATION'],
    ];
    const counts = await trailCounts(handle, sa);
    for (const [attempt, code] of attempts) expect(await codeOf(attempt)).toBe(code);
    expect(await trailCounts(handle, sa)).toEqual(counts);
    expect((await services.reservations.eventsOf([id])).map((e) => e.quantityAfter)).toEqual([2]);
  });
});
