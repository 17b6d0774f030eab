import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type InsertedEstate } from '../support/estate.js';
import { gid } from '../support/global-id.js';
import { graphql } from '../support/graphql-client.js';
import { reservationEstate } from '../support/reservation-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const CHANGE = `
  reservation {
    id reservationType quantity
    instance { id name } license { name } virtualAccount { name }
    events { eventType quantityDelta quantityAfter occurredOn actor note
             fromInstance { id } toInstance { id } }
  }
  event { id eventType quantityDelta quantityAfter occurredOn actor }`;

interface Change {
  reservation: {
    id: string;
    quantity: number;
    instance: { id: string };
    events: { eventType: string; quantityDelta: number; quantityAfter: number }[];
  } & Record<string, unknown>;
  event: { eventType: string; quantityDelta: number; quantityAfter: number } & Record<
    string,
    unknown
  >;
}

describe('reservations and classic PAK conversion over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let ids: InsertedEstate;
  let sa: string;
  let reservationId: string;

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await insertEstate(handle.db, reservationEstate('gql-reservations.example'));
    sa = gid('SmartAccount', ids.smartAccountId);
    const server = await startTestApi(handle, '2026-03-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const mutate = async <T>(name: string, input: Record<string, unknown>, selection: string) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    return graphql<Record<string, T>>(
      url,
      `mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`,
      { input: { smartAccountId: sa, actor: 'alice', ...input } },
    );
  };
  const trailSize = async () =>
    (
      await graphql<{ smartAccount: { reservationEvents: { totalCount: number } } }>(
        url,
        `
          {
            smartAccount(domain: "gql-reservations.example") {
              reservationEvents(first: 0) {
                totalCount
              }
            }
          }
        `,
      )
    ).data!.smartAccount.reservationEvents.totalCount;

  it('records a reservation by hand: one RESERVE event with who, when and where', async () => {
    const res = await mutate<Change>(
      'reserveLicenses',
      {
        productInstanceId: gid('ProductInstance', ids.instanceIds[0]!),
        licenseId: gid('License', ids.licenseIds[0]!),
        reservationType: 'SLR',
        quantity: 5,
        asOf: '2026-01-10',
        note: 'first reservation',
      },
      CHANGE,
    );
    expect(res.errors).toBeUndefined();
    const { reservation, event } = res.data!.reserveLicenses!;
    reservationId = reservation.id;
    expect(reservation).toMatchObject({
      reservationType: 'SLR',
      quantity: 5,
      license: { name: 'L0 DNA Advantage' },
      virtualAccount: { name: 'East' },
      instance: {
        id: gid('ProductInstance', ids.instanceIds[0]!),
        name: expect.stringContaining('TST0'),
      },
    });
    expect(reservation.events).toEqual([
      {
        eventType: 'RESERVE',
        quantityDelta: 5,
        quantityAfter: 5,
        occurredOn: '2026-01-10',
        actor: 'alice',
        note: 'first reservation',
        fromInstance: null,
        toInstance: { id: gid('ProductInstance', ids.instanceIds[0]!) },
      },
    ]);
    expect(event).toMatchObject({ eventType: 'RESERVE', quantityAfter: 5, actor: 'alice' });
  });

  it('records a reservation from an authorization code record', async () => {
    const res = await mutate<Change>(
      'reserveLicenses',
      {
        udiPid: 'C9300-24P',
        udiSerial: 'TST2',
        license: 'L1 Network Advantage',
        reservationType: 'PLR',
        quantity: 1,
        authorizationCode: 'PLR-0001',
        asOf: '2026-01-10',
      },
      'reservation { instance { id } virtualAccount { name } quantity }',
    );
    expect(res.data!.reserveLicenses!.reservation).toEqual({
      instance: { id: gid('ProductInstance', ids.instanceIds[2]!) },
      virtualAccount: { name: 'West' },
      quantity: 1,
    });
  });

  it('updates and transfers, each change one event per reservation, the VA total reserved unchanged', async () => {
    const reservedEast = async (asOf: string) =>
      (
        await graphql<{
          smartAccount: { virtualAccounts: { name: string; position: { reserved: string }[] }[] };
        }>(
          url,
          `{ smartAccount(domain: "gql-reservations.example") {
               virtualAccounts { name position(asOf: "${asOf}") { reserved } } } }`,
        )
      ).data!.smartAccount.virtualAccounts.find((v) => v.name === 'East')!.position[0]!.reserved;
    const before = await trailSize();
    const updated = await mutate<Change>(
      'updateReservation',
      { reservationId, quantity: 7, asOf: '2026-02-01' },
      CHANGE,
    );
    expect(updated.data!.updateReservation!.event).toMatchObject({
      quantityDelta: 2,
      quantityAfter: 7,
    });
    expect(await trailSize()).toBe(before + 1);
    const moved = await mutate<{ source: Change; target: Change }>(
      'transferReservation',
      {
        reservationId,
        toProductInstanceId: gid('ProductInstance', ids.instanceIds[1]!),
        quantity: 7,
        asOf: '2026-02-15',
      },
      `source { ${CHANGE} } target { ${CHANGE} }`,
    );
    expect(moved.errors).toBeUndefined();
    const { source, target } = moved.data!.transferReservation!;
    expect([
      source.event.eventType,
      source.event.quantityDelta,
      source.reservation.quantity,
    ]).toEqual(['TRANSFER_OUT', -7, 0]);
    expect([
      target.event.eventType,
      target.event.quantityDelta,
      target.reservation.quantity,
    ]).toEqual(['TRANSFER_IN', 7, 7]);
    expect(target.reservation.instance.id).toBe(gid('ProductInstance', ids.instanceIds[1]!));
    expect(await trailSize()).toBe(before + 3);
    expect(await reservedEast('2026-02-15')).toBe(await reservedEast('2026-02-14'));
    reservationId = target.reservation.id;
  });

  type Refused = {
    event: { id: string } | null;
    userErrors: { field: string[] | null; code: string }[];
  };
  const REFUSED = 'event { id } userErrors { field code }';

  it('refuses to return more than held, and changes nothing', async () => {
    const before = await trailSize();
    const res = await mutate<Refused>('returnReservation', { reservationId, quantity: 8 }, REFUSED);
    expect(res.errors).toBeUndefined();
    expect(res.data?.returnReservation).toEqual({
      event: null,
      userErrors: [{ field: ['input', 'quantity'], code: 'EXCEEDS_RESERVED' }],
    });
    expect(await trailSize()).toBe(before);
  });

  it('answers unknown or missing references with a user error naming the code', async () => {
    const unknown = await mutate<Refused>(
      'updateReservation',
      { reservationId: gid('Reservation', 999_999), quantity: 1 },
      REFUSED,
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.updateReservation).toEqual({
      event: null,
      userErrors: [{ field: ['input', 'reservationId'], code: 'UNKNOWN_RESERVATION' }],
    });
    const missing = await mutate<Refused>(
      'reserveLicenses',
      { licenseId: gid('License', ids.licenseIds[0]!), reservationType: 'SLR', quantity: 1 },
      REFUSED,
    );
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.reserveLicenses?.event).toBeNull();
    expect(missing.data?.reserveLicenses?.userErrors.map((e) => e.code)).toEqual([
      'MISSING_REFERENCE',
    ]);
  });
});
