import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type InsertedEstate } from '../support/estate.js';
import { gid } from '../support/global-id.js';
import { graphql } from '../support/graphql-client.js';
import { reservationEstate } from '../support/reservation-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

describe('classic PAK conversion over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let ids: InsertedEstate;

  beforeAll(async () => {
    handle = await createTestDb();
    ids = await insertEstate(handle.db, reservationEstate('gql-conversion.example'));
    const server = await startTestApi(handle, '2026-03-01');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const convert = (input: Record<string, unknown>, selection: string) =>
    graphql<{
      convertClassicLots: {
        conversion: Record<string, unknown> | null;
        userErrors: { field: string[]; code: string }[];
      };
    }>(
      url,
      `mutation($input: ConvertClassicLotsInput!) { convertClassicLots(input: $input) {
        conversion { ${selection} } userErrors { field code } } }`,
      {
        input: {
          smartAccountId: gid('SmartAccount', ids.smartAccountId),
          actor: 'alice',
          ...input,
        },
      },
    );

  it('converts a classic PAK lot: unified position unchanged, smart-only up by the converted part', async () => {
    const owned = async (includeClassic: boolean) =>
      (
        await graphql<{ smartAccount: { position: { owned: string }[] } }>(
          url,
          `{ smartAccount(domain: "gql-conversion.example") {
               position(asOf: "2026-03-01", includeClassic: ${includeClassic}) { owned } } }`,
        )
      ).data!.smartAccount.position[0]!.owned; // a BigInt: a string of digits
    const [lot] = await handle.rows<{ id: number }>(
      sql`select id from entitlement_lots where smart_account_id = ${ids.smartAccountId} and source = 'CLASSIC_PAK'`,
    );
    const [unified, smart] = [await owned(true), await owned(false)];
    const res = await convert(
      {
        lotId: gid('Entitlement', lot!.id),
        quantity: 6,
        asOf: '2026-03-01',
        note: 'PAK converted',
      },
      `conversion { quantity occurredOn actor sourceLotId license { name } virtualAccount { name } }
       sourceLot { id source quantity } smartLot { source quantity parentLotId } remainderLot { source quantity parentLotId }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.convertClassicLots.userErrors).toEqual([]);
    expect(res.data!.convertClassicLots.conversion).toEqual({
      conversion: {
        quantity: 6,
        occurredOn: '2026-03-01',
        actor: 'alice',
        sourceLotId: gid('Entitlement', lot!.id),
        license: { name: 'L0 DNA Advantage' },
        virtualAccount: { name: 'East' },
      },
      sourceLot: { id: gid('Entitlement', lot!.id), source: 'CLASSIC_PAK', quantity: 10 },
      smartLot: { source: 'SMART', quantity: 6, parentLotId: gid('Entitlement', lot!.id) },
      remainderLot: {
        source: 'CLASSIC_PAK',
        quantity: 4,
        parentLotId: gid('Entitlement', lot!.id),
      },
    });
    expect([await owned(true), await owned(false)]).toEqual([unified, String(Number(smart) + 6)]);
    const list = await graphql<{ smartAccount: { classicConversions: { quantity: number }[] } }>(
      url,
      `
        {
          smartAccount(domain: "gql-conversion.example") {
            classicConversions {
              quantity
            }
          }
        }
      `,
    );
    expect(list.data!.smartAccount.classicConversions).toEqual([{ quantity: 6 }]);
  });

  it('refuses a smart lot or too many units, with the domain reason', async () => {
    const lots = await handle.rows<{ id: number; source: string }>(
      sql`select id, source from entitlement_lots where smart_account_id = ${ids.smartAccountId} and superseded_on is null order by id`,
    );
    const smart = lots.find((l) => l.source === 'SMART')!;
    const classic = lots.filter((l) => l.source === 'CLASSIC_PAK').at(-1)!;
    const reasons = [
      (await convert({ lotId: gid('Entitlement', smart.id) }, 'conversion { id }')).data
        ?.convertClassicLots.userErrors,
      (await convert({ lotId: gid('Entitlement', classic.id), quantity: 99 }, 'conversion { id }'))
        .data?.convertClassicLots.userErrors,
      (await convert({ lotId: gid('Entitlement', 999_999) }, 'conversion { id }')).data
        ?.convertClassicLots.userErrors,
    ];
    expect(reasons).toEqual([
      [{ field: ['input', 'lotId'], code: 'NOT_CLASSIC_LOT' }],
      [{ field: ['input', 'quantity'], code: 'EXCEEDS_LOT' }],
      [{ field: ['input', 'lotId'], code: 'UNKNOWN_LOT' }],
    ]);
  });
});
