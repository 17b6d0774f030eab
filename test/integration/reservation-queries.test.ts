import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { gid } from '../support/global-id.js';
import { graphql } from '../support/graphql-client.js';
import { decommission, withReservationEstate } from '../support/reservation-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const ACCOUNT = 'gql-reservation-queries.example';

describe('reservation queries over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let instanceIds: number[];

  beforeAll(async () => {
    handle = await createTestDb();
    const { ids, services } = await withReservationEstate(handle, ACCOUNT);
    instanceIds = ids.instanceIds;
    const base = { smartAccountId: ids.smartAccountId, actor: 'alice' };
    const reserve = (instance: number, license: number, type: 'SLR' | 'PLR', quantity: number) =>
      services.reservations.reserve({
        ...base,
        asOf: '2026-01-10',
        instance: { id: ids.instanceIds[instance]! },
        license: { id: ids.licenseIds[license]! },
        reservationType: type,
        quantity,
      });
    const first = await reserve(0, 0, 'SLR', 5);
    await reserve(2, 1, 'PLR', 1);
    await services.reservations.update({
      ...base,
      asOf: '2026-02-01',
      reservationId: first.reservation.id,
      quantity: 7,
    });
    await services.reservations.transfer({
      ...base,
      asOf: '2026-02-15',
      reservationId: first.reservation.id,
      toInstance: { id: ids.instanceIds[1]! },
    });
    await decommission(handle, ids.instanceIds[1]!);
    const server = await startTestApi(handle, '2026-03-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('lists the reservations held, and shows a stranded one with a clean transfer history', async () => {
    const res = await graphql<{ smartAccount: { reservations: Record<string, unknown>[] } }>(
      url,
      `{ smartAccount(domain: "${ACCOUNT}") {
           reservations(asOf: "2026-03-01") {
             instance { id } quantity stranded transferHistory strandedWithCleanTransferHistory
             earlier: quantity(asOf: "2026-02-14")
             events { eventType fromInstance { id } toInstance { id } }
           } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [plr, moved] = res.data!.smartAccount.reservations;
    expect(plr).toMatchObject({
      instance: { id: gid('ProductInstance', instanceIds[2]!) },
      quantity: 1,
      stranded: null,
      transferHistory: 'NONE',
      strandedWithCleanTransferHistory: false,
      earlier: 1,
    });
    expect(moved).toEqual({
      instance: { id: gid('ProductInstance', instanceIds[1]!) },
      quantity: 7,
      stranded: 'DECOMMISSIONED',
      transferHistory: 'CLEAN',
      strandedWithCleanTransferHistory: true,
      earlier: 0,
      events: [
        {
          eventType: 'TRANSFER_IN',
          fromInstance: { id: gid('ProductInstance', instanceIds[0]!) },
          toInstance: { id: gid('ProductInstance', instanceIds[1]!) },
        },
      ],
    });
  });

  it('leaves returned reservations out unless asked', async () => {
    const res = await graphql<{ smartAccount: { held: unknown[]; all: unknown[] } }>(
      url,
      `{ smartAccount(domain: "${ACCOUNT}") {
           held: reservations { id }
           all: reservations(includeReturned: true) { id }
         } }`,
    );
    expect([res.data!.smartAccount.held.length, res.data!.smartAccount.all.length]).toEqual([2, 3]);
  });

  it('pages the account trail newest first, each event naming its reservation', async () => {
    const page = async (after: string | null) =>
      (
        await graphql<{
          smartAccount: {
            reservationEvents: {
              totalCount: number;
              nodes: { eventType: string; reservation: { instance: { id: string } } }[];
              pageInfo: { endCursor: string; hasNextPage: boolean };
            };
          };
        }>(
          url,
          `query($after: String) { smartAccount(domain: "${ACCOUNT}") {
             reservationEvents(first: 2, after: $after) {
               totalCount nodes { eventType reservation { instance { id } } }
               pageInfo { endCursor hasNextPage }
             } } }`,
          { after },
        )
      ).data!.smartAccount.reservationEvents;
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    const third = await page(second.pageInfo.endCursor);
    expect(first.totalCount).toBe(5);
    expect([first, second, third].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    const types = [...first.nodes, ...second.nodes, ...third.nodes].map((n) => n.eventType);
    expect(types.slice(0, 2).sort()).toEqual(['TRANSFER_IN', 'TRANSFER_OUT']);
    expect(types.slice(2)).toEqual(['UPDATE', 'RESERVE', 'RESERVE']);
    expect(first.nodes.find((n) => n.eventType === 'TRANSFER_IN')!.reservation.instance.id).toBe(
      gid('ProductInstance', instanceIds[1]!),
    );
  });
});
