import { inArray } from 'drizzle-orm';

import {
  entitlementLots,
  importRuns,
  lotConversions,
  reservationEvents,
  scenarios,
  snapshots,
  transfers,
  type DbHandle,
} from '@trueup/db';

import { priceRows } from './money/price-rows.js';

/**
 * Rows by table id for `node(id:)` / `nodes(ids:)`: one query per table and batch, whatever the
 * number of ids. Every row carries its `smartAccountId`, which the edge checks against the
 * caller's scope before showing anything; ids that name nothing are simply absent.
 */
export function nodeRows(handle: DbHandle) {
  const { db } = handle;
  return {
    entitlements: (ids: readonly number[]) =>
      db
        .select()
        .from(entitlementLots)
        .where(inArray(entitlementLots.id, [...ids])),
    scenarios: (ids: readonly number[]) =>
      db
        .select()
        .from(scenarios)
        .where(inArray(scenarios.id, [...ids])),
    importRuns: (ids: readonly number[]) =>
      db
        .select()
        .from(importRuns)
        .where(inArray(importRuns.id, [...ids])),
    snapshots: (ids: readonly number[]) =>
      db
        .select()
        .from(snapshots)
        .where(inArray(snapshots.id, [...ids])),
    reservationEvents: (ids: readonly number[]) =>
      db
        .select()
        .from(reservationEvents)
        .where(inArray(reservationEvents.id, [...ids])),
    classicConversions: (ids: readonly number[]) =>
      db
        .select()
        .from(lotConversions)
        .where(inArray(lotConversions.id, [...ids])),
    transfers: (ids: readonly number[]) =>
      db
        .select()
        .from(transfers)
        .where(inArray(transfers.id, [...ids])),
    priceBookEntries: (ids: readonly number[]) => priceRows(handle, { ids }),
  };
}

export type NodeRows = ReturnType<typeof nodeRows>;
