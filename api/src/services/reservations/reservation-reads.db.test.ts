import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate } from '../../../../test/support/estate.js';
import { reservationEstate } from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';

import { reservationReads } from './reservation-reads.js';

describe('the account trail of events stored without quantity_after (seeds)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('computes each event’s quantity after from its own reservation’s trail only', async () => {
    // insertEstate writes events without quantity_after, as the demo seed does.
    const spec = reservationEstate('seeded-trail.example');
    const ids = await insertEstate(handle.db, {
      ...spec,
      reservations: [
        {
          instance: 0,
          license: 0,
          events: [
            { delta: 3, on: '2026-01-01' },
            { delta: 2, on: '2026-02-01' },
          ],
        },
        { instance: 1, license: 0, events: [{ delta: 4, on: '2026-01-15' }] },
      ],
    });
    // A second account's trail must not leak into this one's figures either.
    await insertEstate(handle.db, {
      ...spec,
      domain: 'other-seeded-trail.example',
      reservations: [{ instance: 0, license: 0, events: [{ delta: 7, on: '2026-01-01' }] }],
    });
    const page = await reservationReads(handle).accountEventPage({
      smartAccountId: ids.smartAccountId,
      page: { first: 10 },
    });
    expect(
      page.items.map((i) => [i.node.occurredOn, i.node.quantityDelta, i.node.quantityAfter]),
    ).toEqual([
      ['2026-02-01', 2, 5],
      ['2026-01-15', 4, 4],
      ['2026-01-01', 3, 3],
    ]);
  });
});
