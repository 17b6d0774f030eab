import { and, eq } from 'drizzle-orm';

import {
  entitlementLots,
  scenarioMoves,
  scenarios,
  transfers,
  type Db,
  type DbHandle,
} from '@trueup/db';

import {
  assert,
  checkActor,
  DomainError,
  selectLots,
  simulateReallocation,
  type IsoDate,
  type ReallocationLot,
  type ReallocationMove,
  type SimulationResult,
} from '../../domain/index.js';
import type { EntitlementRecord } from '../account-service.js';
import { refreshCurrentPositions } from '../current-positions.js';
import { inserted } from '../import/returning.js';
import { lotActiveAt } from '../position-sums.sql.js';

import { loadReallocationInput, type UnitPriceSource } from './reallocation-input.js';
import {
  checkEditable,
  lockSmartAccount,
  recordEvent,
  scenarioIn,
  toMoves,
  type ScenarioRecord,
  type TransferRecord,
} from './scenario-store.js';

export interface ApplyScenarioCommand {
  readonly smartAccountId: number;
  readonly id: number;
  /** The version the caller evaluated; a newer one means someone edited it since. */
  readonly expectedVersion: number;
  readonly actor: string;
  /** The moves take effect from this date (the position before it is history and stays). */
  readonly effectiveOn: IsoDate;
}

export interface AppliedScenario {
  readonly scenario: ScenarioRecord;
  readonly effectiveOn: IsoDate;
  readonly transfers: readonly TransferRecord[];
  /** The simulation the apply was validated with, against the live data inside the transaction. */
  readonly simulation: SimulationResult;
}

/** SMART lots of one Virtual Account × license active at `on`, locked until the transaction ends. */
async function movableLots(
  tx: Db,
  smartAccountId: number,
  move: ReallocationMove,
  on: IsoDate,
): Promise<EntitlementRecord[]> {
  return tx
    .select()
    .from(entitlementLots)
    .where(
      and(
        eq(entitlementLots.smartAccountId, smartAccountId),
        eq(entitlementLots.virtualAccountId, move.fromVirtualAccountId),
        eq(entitlementLots.licenseId, move.licenseId),
        eq(entitlementLots.source, 'SMART'),
        lotActiveAt(on),
      ),
    )
    .orderBy(entitlementLots.id)
    .for('update');
}

const asReallocationLot = (lot: EntitlementRecord): ReallocationLot => ({
  lotId: lot.id,
  virtualAccountId: lot.virtualAccountId,
  licenseId: lot.licenseId,
  licenseType: lot.licenseType,
  source: lot.source,
  quantity: lot.quantity,
  startDate: lot.startDate,
  endDate: lot.endDate,
});

/** A copy of `source`'s terms (dates, order, subscription) with its own VA, quantity and lineage. */
async function insertChild(
  tx: Db,
  source: EntitlementRecord,
  child: { virtualAccountId: number; quantity: number; effectiveFrom: IsoDate },
): Promise<EntitlementRecord> {
  const { id: _id, createdAt: _created, importRunId: _run, ...terms } = source;
  return inserted(
    await tx
      .insert(entitlementLots)
      .values({ ...terms, ...child, parentLotId: source.id, importRunId: null })
      .returning(),
    'a transferred lot',
  );
}

/**
 * Moves `quantity` units of one lot to another Virtual Account from `on`: the lot is superseded
 * on `on` (it stays as history), and two children with its terms replace it: the moved part in
 * the target and the rest (if any) in the source. Units are conserved at every date.
 */
async function splitLot(
  tx: Db,
  lot: EntitlementRecord,
  quantity: number,
  targetVirtualAccountId: number,
  on: IsoDate,
): Promise<EntitlementRecord> {
  assert(
    quantity > 0 && quantity <= lot.quantity,
    'EXCEEDS_LOT',
    'a transfer takes more than its lot',
    {
      lotId: lot.id,
    },
  );
  await tx.update(entitlementLots).set({ supersededOn: on }).where(eq(entitlementLots.id, lot.id));
  if (quantity < lot.quantity) {
    await insertChild(tx, lot, {
      virtualAccountId: lot.virtualAccountId,
      quantity: lot.quantity - quantity,
      effectiveFrom: on,
    });
  }
  return insertChild(tx, lot, {
    virtualAccountId: targetVirtualAccountId,
    quantity,
    effectiveFrom: on,
  });
}

function conflictMessage(simulation: SimulationResult): string {
  const reasons = simulation.moves.flatMap((move) =>
    move.warnings.filter((w) => w.blocking).map((w) => `move ${move.index + 1}: ${w.message}`),
  );
  return `the live position no longer supports this scenario (${reasons.join('; ')}); evaluate it again`;
}

/**
 * Applies a scenario in one transaction: locks the Smart Account's ledger, re-reads the live
 * position at `effectiveOn`, re-validates every move (a surplus someone else consumed since the
 * scenario was evaluated is a REALLOCATION_CONFLICT, never an oversubscription), splits lots with
 * lineage, writes one transfer row per lot split and the audit event. A refusal is recorded in
 * the scenario's trail after the rollback, and nothing else changes.
 */
export async function applyScenario(
  handle: DbHandle,
  command: ApplyScenarioCommand,
  unitPrices: UnitPriceSource,
): Promise<AppliedScenario> {
  const actor = checkActor(command.actor);
  const on = command.effectiveOn;
  try {
    return await handle.db.transaction(async (tx) => {
      await lockSmartAccount(tx, command.smartAccountId);
      const scenario = await scenarioIn(tx, command.smartAccountId, command.id, true);
      checkEditable(scenario, command.expectedVersion);
      const moves = toMoves(
        await tx
          .select()
          .from(scenarioMoves)
          .where(eq(scenarioMoves.scenarioId, scenario.id))
          .orderBy(scenarioMoves.position),
      );
      assert(moves.length > 0, 'MISSING_REFERENCE', 'the scenario has no moves to apply', {
        id: scenario.id,
      });
      const input = await loadReallocationInput(
        handle,
        { smartAccountId: scenario.smartAccountId, asOf: on, unitPrices },
        tx,
      );
      const simulation = simulateReallocation(input, moves);
      if (!simulation.feasible) {
        throw new DomainError('REALLOCATION_CONFLICT', conflictMessage(simulation), {
          id: scenario.id,
        });
      }
      const written: TransferRecord[] = [];
      for (const move of moves) {
        const lots = await movableLots(tx, scenario.smartAccountId, move, on);
        const selection = selectLots(lots.map(asReallocationLot), move.quantity, move.licenseType);
        const byId = new Map(lots.map((lot) => [lot.id, lot]));
        for (const allocation of selection.allocations) {
          const lot = byId.get(allocation.lotId ?? -1);
          if (!lot) throw new Error(`lot selection returned an unknown lot ${allocation.lotId}`);
          const target = await splitLot(tx, lot, allocation.quantity, move.toVirtualAccountId, on);
          written.push(
            inserted(
              await tx
                .insert(transfers)
                .values({
                  smartAccountId: scenario.smartAccountId,
                  scenarioId: scenario.id,
                  licenseId: move.licenseId,
                  licenseType: lot.licenseType,
                  quantity: allocation.quantity,
                  fromVirtualAccountId: move.fromVirtualAccountId,
                  toVirtualAccountId: move.toVirtualAccountId,
                  sourceLotId: lot.id,
                  targetLotId: target.id,
                  effectiveOn: on,
                  actor,
                })
                .returning(),
              'a transfer',
            ),
          );
        }
      }
      const applied = inserted(
        await tx
          .update(scenarios)
          .set({
            status: 'APPLIED',
            version: scenario.version + 1,
            appliedAt: new Date(),
            appliedBy: actor,
            appliedOn: on,
          })
          .where(eq(scenarios.id, scenario.id))
          .returning(),
        'an applied scenario',
      );
      await refreshCurrentPositions(tx, {
        smartAccountId: scenario.smartAccountId,
        virtualAccountIds: moves.flatMap((m) => [m.fromVirtualAccountId, m.toVirtualAccountId]),
      });
      await recordEvent(tx, scenario, {
        type: 'APPLIED',
        version: applied.version,
        actor,
        detail: `${moves.length} moves, ${written.length} lot transfers, effective ${on}`,
      });
      return { scenario: applied, effectiveOn: on, transfers: written, simulation };
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'REALLOCATION_CONFLICT') {
      await recordEvent(
        handle.db,
        { id: command.id, smartAccountId: command.smartAccountId },
        { type: 'APPLY_REFUSED', version: command.expectedVersion, actor, detail: error.message },
      );
    }
    throw error;
  }
}
