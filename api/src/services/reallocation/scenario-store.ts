import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import {
  scenarioEvents,
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
  type IsoDate,
  type ReallocationMove,
} from '../../domain/index.js';
import { inserted } from '../import/returning.js';
import { lockLedgerOf } from '../ledger-lock.js';

export type ScenarioRecord = typeof scenarios.$inferSelect;
export type ScenarioMoveRecord = typeof scenarioMoves.$inferSelect;
export type ScenarioEventRecord = typeof scenarioEvents.$inferSelect;
export type TransferRecord = typeof transfers.$inferSelect;
export type ScenarioStatus = ScenarioRecord['status'];
export type ScenarioEventType = 'CREATED' | 'EDITED' | 'APPLIED' | 'DISCARDED' | 'APPLY_REFUSED';

/**
 * Serialises writers of one Smart Account's ledger until the transaction ends: scenario applies
 * queue with each other and with imports into the same account (see `lockLedger`).
 */
export async function lockSmartAccount(tx: Db, smartAccountId: number): Promise<void> {
  await lockLedgerOf(tx, smartAccountId);
}

/** The scenario with this id in this Smart Account, locked for update when inside a write. */
export async function scenarioIn(
  db: Db,
  smartAccountId: number,
  id: number,
  forUpdate = false,
): Promise<ScenarioRecord> {
  const query = db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, id), eq(scenarios.smartAccountId, smartAccountId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  // Another account's scenario is reported exactly like one that does not exist.
  if (!row) throw new DomainError('UNKNOWN_SCENARIO', `no such scenario: ${id}`, { id });
  return row;
}

/** Refuses an edit, apply or discard of a scenario that moved on since the caller looked. */
export function checkEditable(scenario: ScenarioRecord, expectedVersion: number | null): void {
  assert(
    scenario.status === 'DRAFT',
    'SCENARIO_NOT_DRAFT',
    `scenario "${scenario.name}" is ${scenario.status.toLowerCase()}; only a draft can change`,
    { id: scenario.id, status: scenario.status },
  );
  if (expectedVersion === null) return;
  assert(
    scenario.version === expectedVersion,
    'SCENARIO_VERSION_CONFLICT',
    `scenario "${scenario.name}" is at version ${scenario.version}, not ${expectedVersion}: someone changed it; evaluate it again`,
    { id: scenario.id, version: scenario.version, expectedVersion },
  );
}

export async function recordEvent(
  db: Db,
  scenario: Pick<ScenarioRecord, 'id' | 'smartAccountId'>,
  event: { type: ScenarioEventType; version: number; actor: string; detail?: string | null },
): Promise<void> {
  await db.insert(scenarioEvents).values({
    smartAccountId: scenario.smartAccountId,
    scenarioId: scenario.id,
    eventType: event.type,
    version: event.version,
    actor: event.actor,
    detail: event.detail ?? null,
  });
}

async function replaceMoves(
  db: Db,
  scenario: Pick<ScenarioRecord, 'id' | 'smartAccountId'>,
  moves: readonly ReallocationMove[],
): Promise<void> {
  await db.delete(scenarioMoves).where(eq(scenarioMoves.scenarioId, scenario.id));
  if (moves.length === 0) return;
  await db.insert(scenarioMoves).values(
    moves.map((move, position) => ({
      smartAccountId: scenario.smartAccountId,
      scenarioId: scenario.id,
      position,
      licenseId: move.licenseId,
      licenseType: move.licenseType ?? null,
      quantity: move.quantity,
      fromVirtualAccountId: move.fromVirtualAccountId,
      toVirtualAccountId: move.toVirtualAccountId,
    })),
  );
}

export interface CreateScenarioRecord {
  readonly smartAccountId: number;
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly asOf: IsoDate;
  readonly author: string;
  readonly moves: readonly ReallocationMove[];
}

export async function insertScenario(
  handle: DbHandle,
  command: CreateScenarioRecord,
): Promise<ScenarioRecord> {
  const author = checkActor(command.author);
  const name = command.name.trim();
  assert(name.length > 0, 'MISSING_REFERENCE', 'a scenario needs a name', {});
  return handle.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: scenarios.id })
      .from(scenarios)
      .where(and(eq(scenarios.smartAccountId, command.smartAccountId), eq(scenarios.name, name)));
    assert(!existing, 'SCENARIO_EXISTS', `a scenario named "${name}" already exists`, { name });
    const scenario = inserted(
      await tx
        .insert(scenarios)
        .values({
          smartAccountId: command.smartAccountId,
          name,
          description: command.description ?? null,
          asOf: command.asOf,
          author,
        })
        .returning(),
      'a scenario',
    );
    await replaceMoves(tx, scenario, command.moves);
    await recordEvent(tx, scenario, {
      type: 'CREATED',
      version: scenario.version,
      actor: author,
      detail: `${command.moves.length} moves`,
    });
    return scenario;
  });
}

export interface EditScenarioRecord {
  readonly smartAccountId: number;
  readonly id: number;
  readonly expectedVersion: number;
  readonly actor: string;
  readonly name?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly asOf?: IsoDate | null | undefined;
  /** Replaces every move when present. */
  readonly moves?: readonly ReallocationMove[] | null | undefined;
}

export async function editScenario(
  handle: DbHandle,
  command: EditScenarioRecord,
): Promise<ScenarioRecord> {
  const actor = checkActor(command.actor);
  return handle.db.transaction(async (tx) => {
    const scenario = await scenarioIn(tx, command.smartAccountId, command.id, true);
    checkEditable(scenario, command.expectedVersion);
    if (command.moves) await replaceMoves(tx, scenario, command.moves);
    const updated = inserted(
      await tx
        .update(scenarios)
        .set({
          version: scenario.version + 1,
          updatedAt: new Date(),
          ...(command.name ? { name: command.name.trim() } : {}),
          ...(command.description !== undefined ? { description: command.description } : {}),
          ...(command.asOf ? { asOf: command.asOf } : {}),
        })
        .where(eq(scenarios.id, scenario.id))
        .returning(),
      'an edited scenario',
    );
    await recordEvent(tx, scenario, { type: 'EDITED', version: updated.version, actor });
    return updated;
  });
}

export async function discardScenario(
  handle: DbHandle,
  command: {
    smartAccountId: number;
    id: number;
    expectedVersion?: number | null | undefined;
    actor: string;
  },
): Promise<ScenarioRecord> {
  const actor = checkActor(command.actor);
  return handle.db.transaction(async (tx) => {
    const scenario = await scenarioIn(tx, command.smartAccountId, command.id, true);
    checkEditable(scenario, command.expectedVersion ?? null);
    const updated = inserted(
      await tx
        .update(scenarios)
        .set({ status: 'DISCARDED', version: scenario.version + 1, discardedAt: new Date() })
        .where(eq(scenarios.id, scenario.id))
        .returning(),
      'a discarded scenario',
    );
    await recordEvent(tx, scenario, { type: 'DISCARDED', version: updated.version, actor });
    return updated;
  });
}

/** The moves of a scenario, in order, as domain moves. */
export function toMoves(rows: readonly ScenarioMoveRecord[]): ReallocationMove[] {
  return rows.map((row) => ({
    licenseId: row.licenseId,
    quantity: row.quantity,
    fromVirtualAccountId: row.fromVirtualAccountId,
    toVirtualAccountId: row.toVirtualAccountId,
    ...(row.licenseType ? { licenseType: row.licenseType } : {}),
  }));
}

/** Reads for the edges (GraphQL batches them through DataLoaders). */
export function scenarioReads(handle: DbHandle) {
  const { db } = handle;
  return {
    list: (smartAccountId: number, statuses?: readonly ScenarioStatus[] | null) =>
      db
        .select()
        .from(scenarios)
        .where(
          and(
            eq(scenarios.smartAccountId, smartAccountId),
            statuses ? inArray(scenarios.status, [...statuses]) : undefined,
          ),
        )
        .orderBy(desc(scenarios.createdAt), desc(scenarios.id)),
    byId: (smartAccountId: number, id: number) => scenarioIn(db, smartAccountId, id),
    movesOf: (scenarioIds: readonly number[]) =>
      db
        .select()
        .from(scenarioMoves)
        .where(inArray(scenarioMoves.scenarioId, [...scenarioIds]))
        .orderBy(asc(scenarioMoves.scenarioId), asc(scenarioMoves.position)),
    eventsOf: (scenarioIds: readonly number[]) =>
      db
        .select()
        .from(scenarioEvents)
        .where(inArray(scenarioEvents.scenarioId, [...scenarioIds]))
        .orderBy(asc(scenarioEvents.scenarioId), asc(scenarioEvents.id)),
    transfersOf: (scenarioIds: readonly number[]) =>
      db
        .select()
        .from(transfers)
        .where(inArray(transfers.scenarioId, [...scenarioIds]))
        .orderBy(asc(transfers.scenarioId), asc(transfers.id)),
  };
}
