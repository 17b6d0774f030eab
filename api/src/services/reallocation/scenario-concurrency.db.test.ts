import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  REALLOCATION_DAY,
  withReallocationEstate,
} from '../../../../test/support/reallocation-estate.js';
import { createTestDb, onPostgres } from '../../../../test/support/test-db.js';
import { DomainError } from '../../domain/index.js';

describe('concurrent scenario applies', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it(`50 applies racing for one surplus: exactly the feasible ones win, the rest conflict (${onPostgres() ? 'PostgreSQL, parallel connections' : 'PGlite, one connection'})`, async () => {
    const { ids, services } = await withReallocationEstate(handle, 'race.example');
    const sa = ids.smartAccountId;
    // East has 18 Switch DNA to spare; each scenario takes 3 of them, so exactly 6 can succeed.
    const scenarios = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        services.reallocation.create({
          smartAccountId: sa,
          name: `race ${i}`,
          author: 'racer',
          moves: [{ license: 'Switch DNA', quantity: 3, from: 'East', to: i % 2 ? 'West' : 'Lab' }],
        }),
      ),
    );
    const ownedTotal = async () =>
      (
        await services.position.lines({
          smartAccountId: sa,
          asOf: REALLOCATION_DAY,
          includeClassic: true,
        })
      )
        .filter((l) => l.licenseId === ids.licenseIds[0])
        .reduce((sum, l) => sum + l.owned, 0);
    const totalBefore = await ownedTotal();

    const outcomes = await Promise.allSettled(
      scenarios.map((s) =>
        services.reallocation.apply({
          smartAccountId: sa,
          id: s.id,
          expectedVersion: 1,
          actor: 'racer',
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(6);
    expect(lost).toHaveLength(44);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).code).toBe('REALLOCATION_CONFLICT');
    }

    const lines = await services.position.lines({
      smartAccountId: sa,
      asOf: REALLOCATION_DAY,
      includeClassic: true,
    });
    const east = lines.find(
      (l) => l.virtualAccountId === ids.virtualAccountIds[0] && l.licenseId === ids.licenseIds[0],
    );
    expect(east).toMatchObject({ owned: 12, consumed: 12, surplus: 0 });
    expect(await ownedTotal()).toBe(totalBefore);
    const applied = await services.reallocation.list(sa, ['APPLIED']);
    const transfers = await services.reallocation.transfersOf(applied.map((s) => s.id));
    expect(transfers.reduce((sum, t) => sum + t.quantity, 0)).toBe(18);
  });
});
