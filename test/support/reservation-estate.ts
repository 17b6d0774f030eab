import { sql } from 'drizzle-orm';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import type { DbHandle } from '../../db/src/index.js';

import { insertEstate, type EstateSpec, type InsertedEstate } from './estate.js';

/**
 * An estate for reservation tests: East holds SLR devices 0 and 1 and a cloud device 3, West a
 * PLR device 2; licenses L0 and L1; a classic PAK lot of 10 × L0 in East and a smart lot of
 * 4 × L0. Nothing is reserved yet.
 */
export const reservationEstate = (domain: string): EstateSpec => ({
  domain,
  virtualAccounts: [{ name: 'East' }, { name: 'West' }],
  licenses: [{ name: 'L0 DNA Advantage' }, { name: 'L1 Network Advantage' }],
  lots: [
    {
      va: 0,
      license: 0,
      quantity: 10,
      licenseType: 'PERPETUAL',
      startDate: '2025-01-01',
      endDate: null,
      source: 'CLASSIC_PAK',
    },
    {
      va: 0,
      license: 0,
      quantity: 4,
      licenseType: 'PERPETUAL',
      startDate: '2025-01-01',
      endDate: null,
      source: 'SMART',
    },
  ],
  instances: [
    { va: 0, mode: 'SLR' },
    { va: 0, mode: 'SLR' },
    { va: 1, mode: 'PLR' },
    { va: 0, mode: 'DIRECT_CLOUD' },
  ],
  usage: [],
  reservations: [],
});

/** Inserts a reservation estate and binds the services to the database ("today" fixed). */
export async function withReservationEstate(
  handle: DbHandle,
  domain: string,
  today = '2026-03-01',
): Promise<{ ids: InsertedEstate; services: Services }> {
  const ids = await insertEstate(handle.db, reservationEstate(domain));
  return { ids, services: createServices(handle, fixedClock(today)) };
}

/** Marks a device decommissioned (the estate builder has no status column). */
export async function decommission(handle: DbHandle, instanceId: number): Promise<void> {
  await handle.rows(
    sql`update product_instances set status = 'DECOMMISSIONED' where id = ${instanceId}`,
  );
}

/** Number of reservation events and reservations of one Smart Account. */
export async function trailCounts(
  handle: DbHandle,
  smartAccountId: number,
): Promise<{ events: number; reservations: number }> {
  const [row] = await handle.rows<{ events: number; reservations: number }>(sql`
    select (select count(*)::int from reservation_events where smart_account_id = ${smartAccountId}) as events,
           (select count(*)::int from reservations where smart_account_id = ${smartAccountId}) as reservations`);
  return { events: Number(row?.events), reservations: Number(row?.reservations) };
}

/** The message of a rejected promise, with its driver cause (drizzle wraps driver errors). */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
