import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';

import { accountEvents, productInstances, reservations, type DbHandle } from '@trueup/db';

import { DomainError } from '../../domain/index.js';
import { ACCOUNT_EVENT_KINDS } from '../../ingest/csv/event-messages.js';
import type { AccountEventKind, AccountEventRecord } from '../../ingest/index.js';
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from '../pagination.js';

export { ACCOUNT_EVENT_KINDS };
export type AccountEventKindName = AccountEventKind;

/**
 * One stored Event Log row: the fields of the imported record (`AccountEventRecord`: time,
 * user, message and what the message names), with its id, kind and import run.
 */
export interface AccountEventView extends Omit<
  AccountEventRecord,
  'kind' | 'at' | 'eventKind' | 'naturalKey'
> {
  readonly id: number;
  readonly kind: AccountEventKindName;
  readonly importRunId: number | null;
}

/** A device's SLR event from the log, for the reservation it concerns. */
export interface ReservationLogEvent extends AccountEventView {
  readonly reservationId: number;
}

const a = accountEvents;
const columns = {
  id: a.id,
  kind: a.kind,
  occurredAt: a.occurredAt,
  user: a.userName,
  message: a.message,
  virtualAccount: a.virtualAccountName,
  license: a.license,
  quantity: a.quantity,
  device: a.device,
  udiPid: a.udiPid,
  udiSerial: a.udiSerial,
  fromVirtualAccount: a.fromVirtualAccount,
  toVirtualAccount: a.toVirtualAccount,
  satellite: a.satellite,
  importRunId: a.importRunId,
};

type Row = Omit<AccountEventView, 'kind' | 'occurredAt'> & { kind: string; occurredAt: Date };

const toView = (row: Row): AccountEventView => ({
  ...row,
  kind: row.kind as AccountEventKindName,
  occurredAt: row.occurredAt.toISOString(),
});

function checkKind(kind: string): AccountEventKindName {
  if ((ACCOUNT_EVENT_KINDS as readonly string[]).includes(kind))
    return kind as AccountEventKindName;
  throw new DomainError('INVALID_EVENT_KIND', `unknown event kind "${kind}"`, { kind });
}

/** Reads of the Event Log rows a Smart Account imported. */
export function accountEventService(handle: DbHandle) {
  const { db } = handle;
  return {
    kinds: ACCOUNT_EVENT_KINDS,

    /** Rows by id with their Smart Account (for node(id:), which checks the scope). */
    async byIds(
      ids: readonly number[],
    ): Promise<(AccountEventView & { smartAccountId: number })[]> {
      const rows = await db
        .select({ ...columns, smartAccountId: a.smartAccountId })
        .from(a)
        .where(inArray(a.id, [...ids]));
      return rows.map((row) => ({ ...toView(row), smartAccountId: row.smartAccountId }));
    },

    /** The account's log, newest first (time, then id), optionally of one kind; keyset-paged. */
    async page(query: {
      smartAccountId: number;
      kind?: string | null | undefined;
      page: PageRequest;
    }): Promise<Page<AccountEventView>> {
      const size = pageSize(query.page.first);
      const after = query.page.after
        ? decodeCursor(query.page.after, ['string', 'number'] as const)
        : null;
      const scope = and(
        eq(a.smartAccountId, query.smartAccountId),
        query.kind ? eq(a.kind, checkKind(query.kind)) : undefined,
      );
      const [count] = await db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(a)
        .where(scope);
      const afterTime = after ? new Date(after[0]) : null;
      if (afterTime && Number.isNaN(afterTime.getTime()))
        throw new DomainError('INVALID_CURSOR', 'the cursor is not one this API issued', {});
      const rows = await db
        .select(columns)
        .from(a)
        .where(
          after && afterTime
            ? and(
                scope,
                sql`(${a.occurredAt}, ${a.id}) < (${afterTime.toISOString()}::timestamptz, ${after[1]})`,
              )
            : scope,
        )
        .orderBy(desc(a.occurredAt), desc(a.id))
        .limit(size + 1);
      return toPage(rows.map(toView), size, {
        totalCount: count?.n ?? 0,
        hasPrevious: after !== null,
        keyOf: (row) => [row.occurredAt, row.id],
      });
    },

    /**
     * The SLR events (reserve, update, return, transfer) the log records for the device of each
     * reservation, oldest first: matched on the device's UDI serial (and PID when both sides
     * state one). This is the log's dating of the trail, beside the import-recorded one.
     */
    async ofReservations(reservationIds: readonly number[]): Promise<ReservationLogEvent[]> {
      if (reservationIds.length === 0) return [];
      const rows = await db
        .select({ ...columns, reservationId: reservations.id })
        .from(reservations)
        .innerJoin(productInstances, eq(productInstances.id, reservations.productInstanceId))
        .innerJoin(
          a,
          and(
            eq(a.smartAccountId, reservations.smartAccountId),
            eq(a.udiSerial, productInstances.udiSerial),
            like(a.kind, 'SLR\\_%'),
            sql`(${a.udiPid} is null or ${productInstances.udiPid} is null or upper(${a.udiPid}) = upper(${productInstances.udiPid}))`,
          ),
        )
        .where(inArray(reservations.id, [...reservationIds]))
        .orderBy(asc(a.occurredAt), asc(a.id));
      return rows.map((row) => ({ ...toView(row), reservationId: row.reservationId }));
    },
  };
}

export type AccountEventService = ReturnType<typeof accountEventService>;
