import { desc, eq } from 'drizzle-orm';

import {
  entitlementLots,
  lotConversions,
  virtualAccounts,
  type Db,
  type DbHandle,
} from '@trueup/db';

import {
  DomainError,
  checkActor,
  inAccount,
  parseIsoDate,
  planConversion,
  type IsoDate,
  type LotDraft,
} from '../../domain/index.js';
import type { EntitlementRecord } from '../account-service.js';
import { refreshCurrentPositions } from '../current-positions.js';
import { inserted } from '../import/returning.js';
import { lockLedgerOf } from '../ledger-lock.js';

/** One stored classic PAK conversion. */
export type LotConversionRecord = typeof lotConversions.$inferSelect;

export interface ConvertClassicLotsCommand {
  readonly smartAccountId: number;
  /** The CLASSIC_PAK lot to convert. */
  readonly lotId: number;
  /** How many units; the whole lot when absent. */
  readonly quantity?: number | undefined;
  /** The Virtual Account to convert into (same Smart Account); the lot's own when absent. */
  readonly intoVirtualAccountId?: number | undefined;
  readonly asOf: IsoDate;
  readonly actor: string;
  readonly note?: string | null | undefined;
}

/** What a conversion wrote: its record, the superseded source and the lots that replace it. */
export interface ClassicConversion {
  readonly conversion: LotConversionRecord;
  readonly sourceLot: EntitlementRecord;
  readonly smartLot: EntitlementRecord;
  readonly remainderLot: EntitlementRecord | null;
}

async function insertLot(tx: Db, source: EntitlementRecord, draft: LotDraft) {
  const { id: _id, createdAt: _created, importRunId: _run, ...terms } = source;
  return inserted(
    await tx
      .insert(entitlementLots)
      .values({ ...terms, ...draft, importRunId: null })
      .returning(),
    'a converted lot',
  );
}

/**
 * Converts (part of) a CLASSIC_PAK lot into Smart entitlement on `asOf`, in the chosen Virtual
 * Account of the same Smart Account (default the lot's), in one transaction: the source lot is superseded on `asOf` (kept as history), a
 * SMART lot of the converted quantity and a CLASSIC_PAK lot of the rest take its place (both
 * with `parentLotId` = the source), and an append-only `lot_conversions` row records who did it.
 * The unified position is unchanged at every date; smart-only owned rises by the quantity from
 * `asOf` on.
 */
export async function convertClassicLots(
  handle: DbHandle,
  command: ConvertClassicLotsCommand,
): Promise<ClassicConversion> {
  const actor = checkActor(command.actor);
  const asOf = parseIsoDate(command.asOf);
  return handle.db.transaction(async (tx) => {
    await lockLedgerOf(tx, command.smartAccountId);
    const [row] = await tx
      .select()
      .from(entitlementLots)
      .where(eq(entitlementLots.id, command.lotId))
      .for('update');
    const lot = inAccount(row, command.smartAccountId, 'UNKNOWN_LOT', 'entitlement lot');
    if (command.intoVirtualAccountId !== undefined) {
      await checkVirtualAccountIn(tx, command.intoVirtualAccountId, lot.smartAccountId);
    }
    const done = await convertLot(tx, lot, { ...command, actor, asOf });
    await refreshAfterConversions(tx, command.smartAccountId, [done]);
    return done;
  });
}

/** Brings the kept position of the Virtual Accounts conversions took from and into up to date. */
export async function refreshAfterConversions(
  tx: Db,
  smartAccountId: number,
  done: readonly ClassicConversion[],
): Promise<void> {
  await refreshCurrentPositions(tx, {
    smartAccountId,
    virtualAccountIds: done.flatMap((c) => [
      c.sourceLot.virtualAccountId,
      c.smartLot.virtualAccountId,
    ]),
  });
}

/** Throws UNKNOWN_VIRTUAL_ACCOUNT unless the Virtual Account belongs to the Smart Account. */
export async function checkVirtualAccountIn(
  tx: Db,
  virtualAccountId: number,
  smartAccountId: number,
): Promise<void> {
  const [row] = await tx
    .select({ smartAccountId: virtualAccounts.smartAccountId })
    .from(virtualAccounts)
    .where(eq(virtualAccounts.id, virtualAccountId));
  if (row?.smartAccountId !== smartAccountId) {
    throw new DomainError(
      'UNKNOWN_VIRTUAL_ACCOUNT',
      `Virtual Account #${virtualAccountId} is not in this Smart Account: PAK licenses convert only into a Virtual Account of their own Smart Account`,
      { virtualAccountId, smartAccountId },
    );
  }
}

/**
 * Converts (part of) one locked CLASSIC_PAK lot inside the caller's transaction: supersedes it,
 * writes the SMART lot (in `intoVirtualAccountId`, default the lot's) and the CLASSIC_PAK rest,
 * and the append-only `lot_conversions` record (the event; `virtualAccountId` = where the
 * converted units went).
 */
export async function convertLot(
  tx: Db,
  lot: EntitlementRecord,
  command: {
    readonly quantity?: number | undefined;
    readonly intoVirtualAccountId?: number | undefined;
    readonly asOf: IsoDate;
    readonly actor: string;
    readonly note?: string | null | undefined;
  },
): Promise<ClassicConversion> {
  const { asOf, actor } = command;
  const plan = planConversion({
    lot,
    quantity: command.quantity,
    asOf,
    intoVirtualAccountId: command.intoVirtualAccountId,
  });
  const sourceLot = inserted(
    await tx
      .update(entitlementLots)
      .set({ supersededOn: plan.supersedeSourceOn })
      .where(eq(entitlementLots.id, lot.id))
      .returning(),
    'the superseded lot',
  );
  const smartLot = await insertLot(tx, lot, plan.smartLot);
  const remainderLot = plan.remainderLot ? await insertLot(tx, lot, plan.remainderLot) : null;
  const conversion = inserted(
    await tx
      .insert(lotConversions)
      .values({
        smartAccountId: lot.smartAccountId,
        virtualAccountId: smartLot.virtualAccountId,
        licenseId: lot.licenseId,
        sourceLotId: lot.id,
        smartLotId: smartLot.id,
        remainderLotId: remainderLot?.id ?? null,
        quantity: plan.quantity,
        occurredOn: asOf,
        actor,
        note: command.note ?? null,
      })
      .returning(),
    'a lot conversion',
  );
  return { conversion, sourceLot, smartLot, remainderLot };
}

/** A Smart Account's conversions, newest first. */
export function conversionsOf(
  handle: DbHandle,
  smartAccountId: number,
): Promise<LotConversionRecord[]> {
  return handle.db
    .select()
    .from(lotConversions)
    .where(eq(lotConversions.smartAccountId, smartAccountId))
    .orderBy(desc(lotConversions.occurredOn), desc(lotConversions.id));
}
