import { and, desc, eq, sql } from 'drizzle-orm';

import { snapshots, virtualAccounts, type DbHandle } from '@trueup/db';

import {
  DomainError,
  drift,
  findingChanges,
  isIsoDate,
  positionLine,
  rollup,
  type BillingType,
  type DriftLine,
  type Finding,
  type IsoDate,
  type PositionLine,
  type RollupGroup,
} from '../domain/index.js';

import { accountFindings } from './findings-service.js';
import { positionLines } from './position-service.js';

export type SnapshotRecord = typeof snapshots.$inferSelect;
export type RollupDimension = 'BUSINESS_UNIT' | 'REGION' | 'ENVIRONMENT';

/** Freezes the position at `asOf` under a label (a quarterly reconciliation run). */
export async function takeSnapshot(
  handle: DbHandle,
  command: { smartAccountId: number; label: string; asOf: IsoDate; includeClassic: boolean },
): Promise<SnapshotRecord> {
  const lines = await positionLines(handle, command);
  return handle.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: snapshots.id })
      .from(snapshots)
      .where(
        and(
          eq(snapshots.smartAccountId, command.smartAccountId),
          eq(snapshots.name, command.label),
        ),
      );
    if (existing) {
      throw new DomainError(
        'SNAPSHOT_EXISTS',
        `a snapshot named "${command.label}" already exists`,
        { label: command.label },
      );
    }
    const [snapshot] = await tx
      .insert(snapshots)
      .values({
        smartAccountId: command.smartAccountId,
        name: command.label,
        asOf: command.asOf,
        includeClassic: command.includeClassic,
      })
      .returning();
    if (!snapshot) throw new Error('inserting a snapshot returned no row');
    const col = (pick: (l: PositionLine) => number) => sql.param(lines.map(pick));
    const billing = sql.param(lines.map((l) => (l.billing === 'UNKNOWN' ? null : l.billing)));
    await tx.execute(sql`
      insert into snapshot_lines (smart_account_id, snapshot_id, virtual_account_id, license_id, owned, consumed, reserved, billing_type)
      select ${command.smartAccountId}, ${snapshot.id}, t.va, t.lic, t.owned, t.consumed, t.reserved, t.billing::billing_type
      from unnest(${col((l) => l.virtualAccountId)}::int[], ${col((l) => l.licenseId)}::int[],
        ${col((l) => l.owned)}::bigint[], ${col((l) => l.consumed)}::bigint[], ${col((l) => l.reserved)}::bigint[],
        ${billing}::text[])
        as t(va, lic, owned, consumed, reserved, billing)`);
    return snapshot;
  });
}

export async function snapshotsOf(
  handle: DbHandle,
  smartAccountId: number,
): Promise<SnapshotRecord[]> {
  return handle.db
    .select()
    .from(snapshots)
    .where(eq(snapshots.smartAccountId, smartAccountId))
    .orderBy(desc(snapshots.asOf), desc(snapshots.id));
}

/** A side of a drift: a snapshot label, or a date answered from the live (history-aware) data. */
async function side(
  handle: DbHandle,
  smartAccountId: number,
  ref: string,
): Promise<{ asOf: IsoDate; lines: PositionLine[] }> {
  const [snapshot] = await handle.db
    .select()
    .from(snapshots)
    .where(and(eq(snapshots.smartAccountId, smartAccountId), eq(snapshots.name, ref)));
  if (snapshot) {
    const rows = await handle.rows<Record<string, unknown>>(sql`
      select virtual_account_id, license_id, owned, consumed, reserved, billing_type::text
      from snapshot_lines
      where smart_account_id = ${smartAccountId} and snapshot_id = ${snapshot.id}`);
    // Frozen figures: owned is stored as it was (smart + classic when the snapshot included it).
    const lines = rows.map((r) =>
      positionLine(
        {
          virtualAccountId: Number(r.virtual_account_id),
          licenseId: Number(r.license_id),
          ownedSmart: Number(r.owned),
          ownedClassic: 0,
          consumed: Number(r.consumed),
          reserved: Number(r.reserved),
          billing: (r.billing_type as BillingType | null) ?? 'UNKNOWN',
        },
        { includeClassic: false },
      ),
    );
    return { asOf: snapshot.asOf, lines };
  }
  if (!isIsoDate(ref)) {
    throw new DomainError(
      'UNKNOWN_SNAPSHOT',
      `"${ref}" is neither a snapshot of this account nor a date (YYYY-MM-DD)`,
      { ref },
    );
  }
  return {
    asOf: ref,
    lines: await positionLines(handle, { smartAccountId, asOf: ref, includeClassic: true }),
  };
}

export interface DriftResult {
  readonly fromAsOf: IsoDate;
  readonly toAsOf: IsoDate;
  readonly lines: DriftLine[];
  /** Findings at the later side that were not at the earlier one, and the reverse. */
  readonly openedFindings: Finding[];
  readonly resolvedFindings: Finding[];
}

/** Per Virtual Account × license change between two snapshots or dates, with findings opened and resolved. */
export async function driftBetween(
  handle: DbHandle,
  query: { smartAccountId: number; from: string; to: string },
): Promise<DriftResult> {
  const [from, to] = await Promise.all([
    side(handle, query.smartAccountId, query.from),
    side(handle, query.smartAccountId, query.to),
  ]);
  // Findings are judged from the data as of each side's date (snapshots freeze the position only).
  const [before, after] = await Promise.all([
    accountFindings(handle, {
      smartAccountId: query.smartAccountId,
      asOf: from.asOf,
      includeClassic: true,
    }),
    accountFindings(handle, {
      smartAccountId: query.smartAccountId,
      asOf: to.asOf,
      includeClassic: true,
    }),
  ]);
  const changes = findingChanges(before, after);
  return {
    fromAsOf: from.asOf,
    toAsOf: to.asOf,
    lines: drift(from.lines, to.lines),
    openedFindings: changes.opened,
    resolvedFindings: changes.resolved,
  };
}

const TAG = {
  BUSINESS_UNIT: 'businessUnit',
  REGION: 'region',
  ENVIRONMENT: 'environment',
} as const;

/** The position grouped by a Virtual Account tag. */
export async function rollupBy(
  handle: DbHandle,
  query: { smartAccountId: number; asOf: IsoDate; by: RollupDimension; includeClassic: boolean },
): Promise<RollupGroup[]> {
  const [lines, vas] = await Promise.all([
    positionLines(handle, query),
    handle.db
      .select()
      .from(virtualAccounts)
      .where(eq(virtualAccounts.smartAccountId, query.smartAccountId)),
  ]);
  const tags = new Map(vas.map((va) => [va.id, va[TAG[query.by]] ?? null]));
  return rollup(lines, (id) => tags.get(id) ?? null);
}
