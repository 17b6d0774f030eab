import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';

import { accountEvents, satellites } from '@trueup/db';

import type { AccountEventRecord } from '../../ingest/index.js';

import type { WriteContext } from './record-writer.js';

/** Event kinds that prove a satellite talked to CSSM at the event's time. */
const SYNC_KINDS = new Set(['SATELLITE_SYNC_NETWORK', 'SATELLITE_SYNC_FILE']);

/**
 * Stores one Event Log row in `account_events`, unless the account already has it (same natural
 * key: a re-import or an overlapping export adds nothing). A satellite sync moves the named
 * satellite's `last_sync_at` forward to the event's time (never backwards), creating the
 * satellite when Trueup did not know it; an unnamed sync dates nothing.
 */
export async function writeAccountEvent(
  context: WriteContext,
  record: AccountEventRecord,
): Promise<void> {
  const { tx, names, counts, importRunId } = context;
  const sa = names.smartAccountId;
  const occurredAt = new Date(record.occurredAt);
  const added = await tx
    .insert(accountEvents)
    .values({
      smartAccountId: sa,
      virtualAccountName: record.virtualAccount ?? context.defaultVirtualAccount ?? null,
      kind: record.eventKind,
      occurredAt,
      userName: record.user,
      message: record.message,
      license: record.license,
      quantity: record.quantity,
      device: record.device,
      udiPid: record.udiPid,
      udiSerial: record.udiSerial,
      fromVirtualAccount: record.fromVirtualAccount,
      toVirtualAccount: record.toVirtualAccount,
      satellite: record.satellite,
      naturalKey: record.naturalKey,
      importRunId,
    })
    .onConflictDoNothing({ target: [accountEvents.smartAccountId, accountEvents.naturalKey] })
    .returning({ id: accountEvents.id });
  if (added.length > 0) {
    counts.created.accountEvents++;
    if (record.eventKind === 'OTHER') counts.created.accountEventsNotUnderstood++;
  }
  if (!SYNC_KINDS.has(record.eventKind) || record.satellite === null) return;
  const createdBefore = counts.created.satellites;
  const satellite = await names.satellite(record.satellite);
  const moved = await tx
    .update(satellites)
    .set({ lastSyncAt: occurredAt })
    .where(
      and(
        eq(satellites.id, satellite),
        or(
          isNull(satellites.lastSyncAt),
          lt(satellites.lastSyncAt, sql`${occurredAt.toISOString()}::timestamptz`),
        ),
      ),
    )
    .returning({ id: satellites.id });
  // A satellite this import first named counts as created, not also as synced.
  if (moved.length > 0 && counts.created.satellites === createdBefore) counts.updated.satellites++;
}
