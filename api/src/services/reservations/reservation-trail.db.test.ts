import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { removeSmartAccount, type DbHandle } from '@trueup/db';

import {
  failureOf,
  trailCounts,
  withReservationEstate,
} from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';

describe('the reservation trail is append-only at the database', () => {
  let handle: DbHandle;
  let eventId: number;
  let reservationId: number;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    const { ids, services } = await withReservationEstate(handle, 'trail.example');
    smartAccountId = ids.smartAccountId;
    const change = await services.reservations.reserve({
      smartAccountId,
      instance: { id: ids.instanceIds[0]! },
      license: { id: ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 3,
      asOf: '2026-02-01',
      actor: 'alice',
    });
    eventId = change.event.id;
    reservationId = change.reservation.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  const eventRow = async () =>
    (
      await handle.rows<{ quantity_delta: number; note: string | null }>(
        sql`select quantity_delta, note from reservation_events where id = ${eventId}`,
      )
    )[0];

  it('refuses an UPDATE of an event and leaves it as it was', async () => {
    expect(
      await failureOf(
        handle.rows(sql`update reservation_events set quantity_delta = 99 where id = ${eventId}`),
      ),
    ).toMatch(/append-only: UPDATE/);
    expect(await eventRow()).toEqual({ quantity_delta: 3, note: null });
  });

  it('refuses a DELETE of an event, and of the reservation or device it would cascade from', async () => {
    expect(
      await failureOf(handle.rows(sql`delete from reservation_events where id = ${eventId}`)),
    ).toMatch(/append-only: DELETE/);
    expect(
      await failureOf(handle.rows(sql`delete from reservations where id = ${reservationId}`)),
    ).toMatch(/append-only: DELETE/);
    expect(await failureOf(handle.rows(sql`truncate reservation_events`))).toMatch(
      /append-only: TRUNCATE/,
    );
    expect(await trailCounts(handle, smartAccountId)).toEqual({ events: 1, reservations: 1 });
  });

  it('lets the cascade of deleting the whole Smart Account take its trail, and only its trail', async () => {
    const other = await withReservationEstate(handle, 'other-trail.example');
    await other.services.reservations.reserve({
      smartAccountId: other.ids.smartAccountId,
      instance: { id: other.ids.instanceIds[2]! },
      license: { id: other.ids.licenseIds[1]! },
      reservationType: 'PLR',
      quantity: 1,
      asOf: '2026-02-01',
      actor: 'bob',
    });
    await other.services.conversions.convert({
      smartAccountId: other.ids.smartAccountId,
      lotId: (
        await handle.rows<{ id: number }>(
          sql`select id from entitlement_lots where smart_account_id = ${other.ids.smartAccountId} and source = 'CLASSIC_PAK'`,
        )
      )[0]!.id,
      quantity: 4,
      asOf: '2026-02-01',
      actor: 'bob',
    });
    await handle.rows(sql`delete from smart_accounts where id = ${other.ids.smartAccountId}`);
    expect(await trailCounts(handle, other.ids.smartAccountId)).toEqual({
      events: 0,
      reservations: 0,
    });
    const [left] = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from lot_conversions where smart_account_id = ${other.ids.smartAccountId}`,
    );
    expect(Number(left?.n)).toBe(0);
    expect(await trailCounts(handle, smartAccountId)).toEqual({ events: 1, reservations: 1 });
  });

  it('lets removeSmartAccount remove an account that has a trail', async () => {
    const gone = await withReservationEstate(handle, 'gone.example');
    await gone.services.reservations.reserve({
      smartAccountId: gone.ids.smartAccountId,
      instance: { id: gone.ids.instanceIds[0]! },
      license: { id: gone.ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 2,
      asOf: '2026-02-01',
      actor: 'carol',
    });
    await removeSmartAccount(handle, gone.ids.smartAccountId);
    expect(await trailCounts(handle, gone.ids.smartAccountId)).toEqual({
      events: 0,
      reservations: 0,
    });
  });

  it('refuses to edit a recorded classic PAK conversion', async () => {
    const { ids, services } = await withReservationEstate(handle, 'convert-trail.example');
    const [lot] = await handle.rows<{ id: number }>(
      sql`select id from entitlement_lots where smart_account_id = ${ids.smartAccountId} and source = 'CLASSIC_PAK'`,
    );
    const { conversion } = await services.conversions.convert({
      smartAccountId: ids.smartAccountId,
      lotId: lot!.id,
      asOf: '2026-02-01',
      actor: 'dave',
    });
    expect(
      await failureOf(
        handle.rows(sql`update lot_conversions set quantity = 1 where id = ${conversion.id}`),
      ),
    ).toMatch(/lot_conversions is append-only: UPDATE/);
    expect(
      await failureOf(handle.rows(sql`delete from lot_conversions where id = ${conversion.id}`)),
    ).toMatch(/append-only: DELETE/);
  });
});
