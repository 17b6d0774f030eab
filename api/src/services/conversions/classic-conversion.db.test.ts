import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { withReservationEstate } from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { DomainError } from '../../domain/index.js';

describe('classic PAK conversion', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  async function setUp(domain: string) {
    const { ids, services } = await withReservationEstate(handle, domain);
    const lots = await handle.rows<{ id: number; source: string }>(
      sql`select id, source from entitlement_lots where smart_account_id = ${ids.smartAccountId} order by id`,
    );
    const classic = Number(lots.find((l) => l.source === 'CLASSIC_PAK')!.id);
    const smart = Number(lots.find((l) => l.source === 'SMART')!.id);
    const owned = async (asOf: string, includeClassic: boolean) =>
      (await services.position.lines({ smartAccountId: ids.smartAccountId, asOf, includeClassic }))
        .filter((l) => l.virtualAccountId === ids.virtualAccountIds[0])
        .map((l) => l.owned);
    return { ids, services, classic, smart, owned };
  }

  it('converts part of a lot: unified owned unchanged, smart-only up by the part, lineage kept', async () => {
    const { ids, services, classic, owned } = await setUp('partial.example');
    const result = await services.conversions.convert({
      smartAccountId: ids.smartAccountId,
      lotId: classic,
      quantity: 6,
      asOf: '2026-03-01',
      actor: 'alice',
      note: 'PAK 123 converted in CSSM',
    });
    expect(result.sourceLot).toMatchObject({
      id: classic,
      supersededOn: '2026-03-01',
      quantity: 10,
    });
    expect(result.smartLot).toMatchObject({
      source: 'SMART',
      quantity: 6,
      effectiveFrom: '2026-03-01',
      parentLotId: classic,
      virtualAccountId: ids.virtualAccountIds[0],
    });
    expect(result.remainderLot).toMatchObject({
      source: 'CLASSIC_PAK',
      quantity: 4,
      parentLotId: classic,
    });
    expect(result.conversion).toMatchObject({
      sourceLotId: classic,
      smartLotId: result.smartLot.id,
      remainderLotId: result.remainderLot!.id,
      quantity: 6,
      occurredOn: '2026-03-01',
      actor: 'alice',
    });
    expect(await owned('2026-02-28', true)).toEqual([14]);
    expect(await owned('2026-02-28', false)).toEqual([4]);
    expect(await owned('2026-03-01', true)).toEqual([14]);
    expect(await owned('2026-03-01', false)).toEqual([10]);
    expect(await owned('2027-01-01', false)).toEqual([10]);
    expect(await services.conversions.conversionsOf(ids.smartAccountId)).toHaveLength(1);
  });

  it('converts a whole lot without leaving a remainder', async () => {
    const { ids, services, classic, owned } = await setUp('whole.example');
    const result = await services.conversions.convert({
      smartAccountId: ids.smartAccountId,
      lotId: classic,
      asOf: '2026-03-01',
      actor: 'alice',
    });
    expect([result.smartLot.quantity, result.remainderLot]).toEqual([10, null]);
    expect(await owned('2026-03-01', true)).toEqual([14]);
    expect(await owned('2026-03-01', false)).toEqual([14]);
  });

  it('refuses what cannot convert and changes nothing', async () => {
    const { ids, services, classic, smart } = await setUp('refused.example');
    const other = await setUp('refused-other.example');
    const lotRows = async () =>
      handle.rows(
        sql`select * from entitlement_lots where smart_account_id = ${ids.smartAccountId} order by id`,
      );
    const before = await lotRows();
    const base = { smartAccountId: ids.smartAccountId, asOf: '2026-03-01', actor: 'alice' };
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
      );
    expect(await codeOf(services.conversions.convert({ ...base, lotId: smart }))).toBe(
      'NOT_CLASSIC_LOT',
    );
    expect(
      await codeOf(services.conversions.convert({ ...base, lotId: classic, quantity: 11 })),
    ).toBe('EXCEEDS_LOT');
    expect(
      await codeOf(services.conversions.convert({ ...base, lotId: classic, quantity: 0 })),
    ).toBe('INVALID_QUANTITY');
    expect(
      await codeOf(services.conversions.convert({ ...base, lotId: classic, asOf: '2024-12-31' })),
    ).toBe('LOT_NOT_CONVERTIBLE');
    expect(await codeOf(services.conversions.convert({ ...base, lotId: other.classic }))).toBe(
      'UNKNOWN_LOT',
    );
    expect(await codeOf(services.conversions.convert({ ...base, lotId: classic, actor: '' }))).toBe(
      'MISSING_ACTOR',
    );
    expect(await lotRows()).toEqual(before);
    await services.conversions.convert({ ...base, lotId: classic, quantity: 2 });
    // The source is now history: converting it again would count the same units twice.
    expect(
      await codeOf(services.conversions.convert({ ...base, lotId: classic, asOf: '2026-02-01' })),
    ).toBe('LOT_NOT_CONVERTIBLE');
  });
});
