import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  REALLOCATION_DAY,
  withReallocationEstate,
} from '../../../../test/support/reallocation-estate.js';
import { ledgerChecksum } from '../../../../test/support/table-counts.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { DomainError } from '../../domain/index.js';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('scenarios: simulate, apply, conflicts', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  async function setUp(domain: string) {
    const { ids, services } = await withReallocationEstate(handle, domain);
    const [east, west, lab] = ids.virtualAccountIds as [number, number, number];
    const [dna, ise] = ids.licenseIds as [number, number];
    const owned = async (asOf: string) =>
      Object.fromEntries(
        (
          await services.position.lines({
            smartAccountId: ids.smartAccountId,
            asOf,
            includeClassic: true,
          })
        ).map((l) => [`${l.virtualAccountId}:${l.licenseId}`, l.owned]),
      );
    return { ids, services, east, west, lab, dna, ise, owned };
  }

  it('simulate → apply → the position is exactly the simulated one; the past stays', async () => {
    const { ids, services, east, west, dna, owned } = await setUp('apply.example');
    const moves = [{ license: 'Switch DNA', quantity: 15, from: 'East', to: 'West' }];
    const simulation = await services.reallocation.simulate({
      smartAccountId: ids.smartAccountId,
      moves,
    });
    expect(simulation.result.feasible).toBe(true);
    const after = new Map(
      simulation.result.lines.map(({ after: l }) => [`${l.virtualAccountId}:${l.licenseId}`, l]),
    );
    expect(after.get(`${east}:${dna}`)).toMatchObject({ owned: 15, consumed: 12, surplus: 3 });
    expect(after.get(`${west}:${dna}`)).toMatchObject({ owned: 20, consumed: 15, shortfall: 0 });

    const before = await owned('2026-05-31');
    const scenario = await services.reallocation.create({
      smartAccountId: ids.smartAccountId,
      name: 'cover West',
      author: 'alice',
      moves,
    });
    const applied = await services.reallocation.apply({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
      expectedVersion: scenario.version,
      actor: 'bob',
    });
    expect(applied.effectiveOn).toBe(REALLOCATION_DAY);
    expect(applied.scenario).toMatchObject({
      status: 'APPLIED',
      version: 2,
      appliedBy: 'bob',
      appliedOn: REALLOCATION_DAY,
    });

    const live = await services.position.lines({
      smartAccountId: ids.smartAccountId,
      asOf: REALLOCATION_DAY,
      includeClassic: true,
    });
    for (const line of live) {
      const simulated = after.get(`${line.virtualAccountId}:${line.licenseId}`);
      if (simulated) expect(line).toEqual(simulated);
    }
    // Perpetual first: the whole perpetual lot (10) and 5 of the 20-unit term lot.
    expect(applied.transfers.map((t) => [t.licenseType, t.quantity])).toEqual([
      ['PERPETUAL', 10],
      ['TERM', 5],
    ]);
    expect(await owned('2026-05-31')).toEqual(before);

    const lots = await handle.rows<{
      id: number;
      virtual_account_id: number;
      quantity: number;
      parent_lot_id: number | null;
      superseded_on: string | null;
      effective_from: string | null;
    }>(
      sql`select id, virtual_account_id, quantity, parent_lot_id, superseded_on::text, effective_from::text
          from entitlement_lots where smart_account_id = ${ids.smartAccountId} and license_id = ${dna} order by id`,
    );
    const termTransfer = applied.transfers[1];
    const source = lots.find((l) => Number(l.id) === termTransfer?.sourceLotId);
    expect(source).toMatchObject({ quantity: 20, superseded_on: REALLOCATION_DAY });
    const children = lots.filter((l) => Number(l.parent_lot_id) === termTransfer?.sourceLotId);
    expect(
      children.map((c) => [Number(c.virtual_account_id), c.quantity, c.effective_from]).sort(),
    ).toEqual(
      [
        [east, 15, REALLOCATION_DAY],
        [west, 5, REALLOCATION_DAY],
      ].sort(),
    );
    const events = await services.reallocation.eventsOf([scenario.id]);
    expect(events.map((e) => [e.eventType, e.version, e.actor])).toEqual([
      ['CREATED', 1, 'alice'],
      ['APPLIED', 2, 'bob'],
    ]);
  });

  it('refuses an apply the live data no longer supports, changes nothing, records the refusal', async () => {
    const { ids, services, east, dna } = await setUp('conflict.example');
    const scenario = await services.reallocation.create({
      smartAccountId: ids.smartAccountId,
      name: 'take all surplus',
      author: 'alice',
      moves: [{ license: 'Switch DNA', quantity: 18, from: 'East', to: 'West' }],
    });
    const evaluation = await services.reallocation.evaluate({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
    });
    expect(evaluation.result.feasible).toBe(true);
    // Someone else consumes 3 of East's surplus after the evaluation.
    await handle.rows(
      sql`insert into usage_reports (smart_account_id, virtual_account_id, license_id, quantity, as_of, source)
          values (${ids.smartAccountId}, ${east}, ${dna}, 15, '2026-05-20', 'CSSM_EXPORT')`,
    );
    const before = await ledgerChecksum(handle);
    const apply = services.reallocation.apply({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
      expectedVersion: 1,
      actor: 'bob',
    });
    await expect(apply).rejects.toMatchObject({
      code: 'REALLOCATION_CONFLICT',
      message: expect.stringContaining('move 1'),
    });
    const after = await ledgerChecksum(handle);
    const { scenario_events: eventsBefore, ...restBefore } = before;
    const { scenario_events: eventsAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    expect(eventsAfter).not.toEqual(eventsBefore);
    const events = await services.reallocation.eventsOf([scenario.id]);
    expect(events.map((e) => e.eventType)).toEqual(['CREATED', 'APPLY_REFUSED']);
    const still = await services.reallocation.byId(ids.smartAccountId, scenario.id);
    expect(still).toMatchObject({ status: 'DRAFT', version: 1 });
  });

  it('guards versions and status, names and scope', async () => {
    const { ids, services } = await setUp('guards.example');
    const other = await setUp('guards-other.example');
    const sa = ids.smartAccountId;
    const moves = [{ license: 'ISE', quantity: 2, from: 'East', to: 'West' }];
    const scenario = await services.reallocation.create({
      smartAccountId: sa,
      name: 'ise',
      author: 'alice',
      moves,
    });
    expect(
      await codeOf(
        services.reallocation.create({ smartAccountId: sa, name: 'ise', author: 'a', moves }),
      ),
    ).toBe('SCENARIO_EXISTS');
    expect(
      await codeOf(
        services.reallocation.create({
          smartAccountId: sa,
          name: 'x',
          author: 'a',
          moves: [{ ...moves[0]!, license: 'Nope' }],
        }),
      ),
    ).toBe('UNKNOWN_LICENSE');
    expect(
      await codeOf(
        services.reallocation.create({
          smartAccountId: sa,
          name: 'y',
          author: 'a',
          moves: [{ ...moves[0]!, to: 'Nowhere' }],
        }),
      ),
    ).toBe('UNKNOWN_VIRTUAL_ACCOUNT');
    const edited = await services.reallocation.update({
      smartAccountId: sa,
      id: scenario.id,
      expectedVersion: 1,
      actor: 'carol',
      moves: [{ license: 'ISE', quantity: 1, from: 'East', to: 'West' }],
    });
    expect(edited.version).toBe(2);
    expect(
      await codeOf(
        services.reallocation.apply({
          smartAccountId: sa,
          id: scenario.id,
          expectedVersion: 1,
          actor: 'b',
        }),
      ),
    ).toBe('SCENARIO_VERSION_CONFLICT');
    // Another account's scenario answers exactly like a missing one.
    expect(
      await codeOf(
        services.reallocation.apply({
          smartAccountId: other.ids.smartAccountId,
          id: scenario.id,
          expectedVersion: 2,
          actor: 'b',
        }),
      ),
    ).toBe('UNKNOWN_SCENARIO');
    await services.reallocation.apply({
      smartAccountId: sa,
      id: scenario.id,
      expectedVersion: 2,
      actor: 'b',
    });
    expect(
      await codeOf(
        services.reallocation.apply({
          smartAccountId: sa,
          id: scenario.id,
          expectedVersion: 3,
          actor: 'b',
        }),
      ),
    ).toBe('SCENARIO_NOT_DRAFT');
    expect(
      await codeOf(
        services.reallocation.discard({ smartAccountId: sa, id: scenario.id, actor: 'b' }),
      ),
    ).toBe('SCENARIO_NOT_DRAFT');
    const draft = await services.reallocation.create({
      smartAccountId: sa,
      name: 'to discard',
      author: 'a',
      moves,
    });
    const discarded = await services.reallocation.discard({
      smartAccountId: sa,
      id: draft.id,
      actor: 'b',
    });
    expect(discarded.status).toBe('DISCARDED');
    expect((await services.reallocation.list(sa, ['DRAFT'])).map((s) => s.id)).toEqual([]);
  });

  it('simulate, suggest and evaluate never write', async () => {
    const { ids, services } = await setUp('readonly.example');
    const scenario = await services.reallocation.create({
      smartAccountId: ids.smartAccountId,
      name: 'from the optimizer',
      author: 'alice',
      fromSuggestion: {},
    });
    const before = await ledgerChecksum(handle);
    await services.reallocation.simulate({
      smartAccountId: ids.smartAccountId,
      moves: [{ license: 'Switch DNA', quantity: 30, from: 'East', to: 'Lab' }],
    });
    await services.reallocation.suggest({ smartAccountId: ids.smartAccountId });
    await services.reallocation.evaluate({ smartAccountId: ids.smartAccountId, id: scenario.id });
    expect(await ledgerChecksum(handle)).toEqual(before);
  });

  it('suggests the plan that cures every curable unit, and a scenario made from it applies', async () => {
    const { ids, services, west, lab, dna, ise } = await setUp('suggest.example');
    const { plan } = await services.reallocation.suggest({ smartAccountId: ids.smartAccountId });
    // Switch DNA: 14 short (West 10, Lab 4), East movable 18 → 14; ISE: 6 short, 2 movable → 2.
    expect(plan.curedUnits).toBe(16);
    expect(plan.boundUnits).toBe(16);
    const scenario = await services.reallocation.create({
      smartAccountId: ids.smartAccountId,
      name: 'optimizer',
      author: 'alice',
      fromSuggestion: {},
    });
    expect((await services.reallocation.movesOf([scenario.id])).length).toBe(plan.moves.length);
    await services.reallocation.apply({
      smartAccountId: ids.smartAccountId,
      id: scenario.id,
      expectedVersion: 1,
      actor: 'bob',
    });
    const lines = await services.position.lines({
      smartAccountId: ids.smartAccountId,
      asOf: REALLOCATION_DAY,
      includeClassic: true,
    });
    const shortfall = (va: number, license: number) =>
      lines.find((l) => l.virtualAccountId === va && l.licenseId === license)?.shortfall;
    expect([shortfall(west, dna), shortfall(lab, dna), shortfall(west, ise)]).toEqual([0, 0, 4]);
  });
});
