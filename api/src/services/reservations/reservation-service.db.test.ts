import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { trailCounts, withReservationEstate } from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { DomainError } from '../../domain/index.js';
import type { Services } from '../index.js';

describe('reservation service', () => {
  let handle: DbHandle;
  let services: Services;
  let sa: number;
  let instance: number[];
  let license: number[];
  let va: number[];

  beforeAll(async () => {
    handle = await createTestDb();
    const estate = await withReservationEstate(handle, 'reserve.example');
    ({ services } = estate);
    sa = estate.ids.smartAccountId;
    instance = estate.ids.instanceIds;
    license = estate.ids.licenseIds;
    va = estate.ids.virtualAccountIds;
  });
  afterAll(async () => {
    await handle.close();
  });

  const context = (asOf: string) => ({ smartAccountId: sa, asOf, actor: 'alice' });
  const codeOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
    );
  const trailOf = (id: number) => services.reservations.eventsOf([id]);
  const reservedIn = async (virtualAccountId: number, asOf: string) =>
    (await services.position.lines({ smartAccountId: sa, asOf, includeClassic: true })).find(
      (line) => line.virtualAccountId === virtualAccountId && line.licenseId === license[0],
    )?.reserved ?? 0;

  it('records a reservation by hand as one RESERVE event naming who, when and where', async () => {
    const { reservation, event } = await services.reservations.reserve({
      ...context('2026-01-10'),
      instance: { id: instance[0]! },
      license: { id: license[0]! },
      reservationType: 'SLR',
      quantity: 5,
      note: 'initial reservation',
    });
    expect(event).toMatchObject({
      eventType: 'RESERVE',
      quantityDelta: 5,
      quantityAfter: 5,
      occurredOn: '2026-01-10',
      actor: 'alice',
      note: 'initial reservation',
      fromProductInstanceId: null,
      toProductInstanceId: instance[0],
    });
    expect(reservation).toMatchObject({ productInstanceId: instance[0], virtualAccountId: va[0] });
  });

  it('records a reservation from an authorization-code record (UDI and license name)', async () => {
    const { reservation, event } = await services.reservations.reserve({
      ...context('2026-01-10'),
      instance: { udiPid: 'C9300-24P', udiSerial: 'TST2' },
      license: { name: 'L1 Network Advantage' },
      reservationType: 'PLR',
      quantity: 1,
      authorizationCode: 'PLR-AUTH-0001',
    });
    expect(reservation).toMatchObject({
      productInstanceId: instance[2],
      licenseId: license[1],
      authorizationCode: 'PLR-AUTH-0001',
      reservationType: 'PLR',
    });
    expect(event.quantityAfter).toBe(1);
  });

  it('updates a reservation by one UPDATE event of the difference', async () => {
    const [reservation] = await services.reservations.reservationsOf({
      smartAccountId: sa,
      asOf: '2026-02-01',
      includeReturned: false,
    });
    const up = await services.reservations.update({
      ...context('2026-02-01'),
      reservationId: reservation!.id,
      quantity: 8,
    });
    const down = await services.reservations.update({
      ...context('2026-02-02'),
      reservationId: reservation!.id,
      quantity: 6,
    });
    expect([up.event.quantityDelta, up.event.toProductInstanceId]).toEqual([3, instance[0]]);
    expect([down.event.quantityDelta, down.event.fromProductInstanceId]).toEqual([-2, instance[0]]);
    const trail = await trailOf(reservation!.id);
    expect(trail.map((e) => e.quantityAfter)).toEqual([5, 8, 6]);
  });

  it('transfers between devices: TRANSFER_OUT and TRANSFER_IN, the VA total reserved unchanged', async () => {
    const [source] = await services.reservations.reservationsOf({
      smartAccountId: sa,
      asOf: '2026-03-01',
      includeReturned: false,
    });
    const before = await reservedIn(va[0]!, '2026-03-01');
    const counts = await trailCounts(handle, sa);
    const moved = await services.reservations.transfer({
      ...context('2026-03-01'),
      reservationId: source!.id,
      toInstance: { id: instance[1]! },
      quantity: 4,
      note: 'RMA of device 0',
    });
    expect(moved.source.event).toMatchObject({
      eventType: 'TRANSFER_OUT',
      quantityDelta: -4,
      quantityAfter: 2,
      fromProductInstanceId: instance[0],
      toProductInstanceId: instance[1],
    });
    expect(moved.target.event).toMatchObject({
      eventType: 'TRANSFER_IN',
      quantityDelta: 4,
      quantityAfter: 4,
    });
    expect(moved.target.reservation.productInstanceId).toBe(instance[1]);
    expect(await trailCounts(handle, sa)).toEqual({
      events: counts.events + 2,
      reservations: counts.reservations + 1,
    });
    expect(await reservedIn(va[0]!, '2026-03-01')).toBe(before);
    expect(await reservedIn(va[0]!, '2026-02-28')).toBe(before);
  });

  it('refuses to return more than held, and changes nothing', async () => {
    const [source] = await services.reservations.reservationsOf({
      smartAccountId: sa,
      asOf: '2026-03-01',
      includeReturned: false,
    });
    const counts = await trailCounts(handle, sa);
    expect(
      await codeOf(
        services.reservations.return({
          ...context('2026-03-05'),
          reservationId: source!.id,
          quantity: 3,
        }),
      ),
    ).toBe('EXCEEDS_RESERVED');
    expect(await trailCounts(handle, sa)).toEqual(counts);
    const returned = await services.reservations.return({
      ...context('2026-03-05'),
      reservationId: source!.id,
    });
    expect([returned.event.eventType, returned.event.quantityDelta]).toEqual(['RETURN', -2]);
  });

  it('pages the account trail newest first', async () => {
    const first = await services.reservations.accountEventPage({
      smartAccountId: sa,
      page: { first: 2 },
    });
    const rest = await services.reservations.accountEventPage({
      smartAccountId: sa,
      page: { first: 100, after: first.endCursor },
    });
    const all = [...first.items, ...rest.items].map((i) => i.node);
    expect(first.totalCount).toBe(all.length);
    expect(first.hasNextPage).toBe(true);
    expect(all[0]).toMatchObject({ eventType: 'RETURN', occurredOn: '2026-03-05' });
    const keys = all.map((e) => `${e.occurredOn}#${String(e.id).padStart(9, '0')}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });
});
