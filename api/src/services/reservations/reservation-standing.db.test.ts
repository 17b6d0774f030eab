import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reservationEvents, reservations, type DbHandle } from '@trueup/db';

import {
  decommission,
  withReservationEstate,
} from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';

describe('reservation standing and listing', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('shows a stranded reservation that was transferred in properly as such', async () => {
    const { ids, services } = await withReservationEstate(handle, 'stranded.example');
    const context = { smartAccountId: ids.smartAccountId, actor: 'alice' };
    const first = await services.reservations.reserve({
      ...context,
      asOf: '2026-01-05',
      instance: { id: ids.instanceIds[0]! },
      license: { id: ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 3,
    });
    const moved = await services.reservations.transfer({
      ...context,
      asOf: '2026-02-01',
      reservationId: first.reservation.id,
      toInstance: { id: ids.instanceIds[1]! },
    });
    await decommission(handle, ids.instanceIds[1]!);
    const target = moved.target.reservation.id;
    const standings = await services.reservations.standingsOf(
      [first.reservation.id, target],
      '2026-03-01',
    );
    expect(standings.get(target)).toEqual({
      quantity: 3,
      strandedReason: 'DECOMMISSIONED',
      transferHistory: 'CLEAN',
      strandedWithCleanTransferHistory: true,
    });
    expect(standings.get(first.reservation.id)).toEqual({
      quantity: 0,
      strandedReason: null,
      transferHistory: 'NONE',
      strandedWithCleanTransferHistory: false,
    });
    // Before the transfer, the target held nothing and had no history yet.
    expect((await services.reservations.standingsOf([target], '2026-01-31')).get(target)).toEqual({
      quantity: 0,
      strandedReason: null,
      transferHistory: 'NONE',
      strandedWithCleanTransferHistory: false,
    });
  });

  it('does not call a TRANSFER_IN with no matching TRANSFER_OUT clean', async () => {
    const { ids, services } = await withReservationEstate(handle, 'unmatched.example');
    const [row] = await handle.db
      .insert(reservations)
      .values({
        smartAccountId: ids.smartAccountId,
        virtualAccountId: ids.virtualAccountIds[1]!,
        productInstanceId: ids.instanceIds[2]!,
        licenseId: ids.licenseIds[0]!,
        reservationType: 'PLR',
      })
      .returning();
    await handle.db.insert(reservationEvents).values({
      smartAccountId: ids.smartAccountId,
      reservationId: row!.id,
      eventType: 'TRANSFER_IN',
      quantityDelta: 2,
      occurredOn: '2026-01-10',
      fromProductInstanceId: ids.instanceIds[0]!,
      toProductInstanceId: ids.instanceIds[2]!,
    });
    await decommission(handle, ids.instanceIds[2]!);
    const standing = (await services.reservations.standingsOf([row!.id], '2026-02-01')).get(
      row!.id,
    );
    expect(standing).toMatchObject({
      strandedReason: 'DECOMMISSIONED',
      transferHistory: 'UNMATCHED',
      strandedWithCleanTransferHistory: false,
    });
    // A seeded row has no stored quantity_after: the reader fills the running sum.
    expect((await services.reservations.eventsOf([row!.id]))[0]?.quantityAfter).toBe(2);
  });

  it('lists the reservations held at a date, and returned ones only when asked', async () => {
    const { ids, services } = await withReservationEstate(handle, 'listing.example');
    const base = { smartAccountId: ids.smartAccountId, actor: 'alice' };
    const held = await services.reservations.reserve({
      ...base,
      asOf: '2026-01-05',
      instance: { id: ids.instanceIds[0]! },
      license: { id: ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 2,
    });
    const gone = await services.reservations.reserve({
      ...base,
      asOf: '2026-01-05',
      instance: { id: ids.instanceIds[1]! },
      license: { id: ids.licenseIds[0]! },
      reservationType: 'SLR',
      quantity: 1,
    });
    await services.reservations.return({
      ...base,
      asOf: '2026-02-01',
      reservationId: gone.reservation.id,
    });
    const list = (asOf: string, includeReturned: boolean) =>
      services.reservations
        .reservationsOf({ smartAccountId: ids.smartAccountId, asOf, includeReturned })
        .then((rows) => rows.map((r) => [r.id, r.quantity]));
    expect(await list('2026-01-04', true)).toEqual([]);
    expect(await list('2026-01-20', false)).toEqual([
      [held.reservation.id, 2],
      [gone.reservation.id, 1],
    ]);
    expect(await list('2026-02-01', false)).toEqual([[held.reservation.id, 2]]);
    expect(await list('2026-02-01', true)).toEqual([
      [held.reservation.id, 2],
      [gone.reservation.id, 0],
    ]);
  });
});
