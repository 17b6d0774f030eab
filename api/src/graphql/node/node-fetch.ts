import DataLoader from 'dataloader';

import { canSee } from '../../services/access/access.js';
import type { Services } from '../../services/index.js';
import {
  toEntitlementGql,
  toLicenseGql,
  toProductInstanceGql,
  toSmartAccountGql,
  toVirtualAccountGql,
} from '../account/account.mapper.js';
import type { GqlContext } from '../context.js';
import { toAccountEventGql } from '../events/account-event.mapper.js';
import { toSnapshotGql } from '../history/history.mapper.js';
import { toImportRunGql } from '../import/import.mapper.js';
import { toPriceBookEntryGql } from '../money/money.mapper.js';
import { toScenarioGql, toTransferGql } from '../reallocation/reallocation.mapper.js';
import {
  toClassicConversionGql,
  toReservationEventGql,
  toReservationGql,
} from '../reservation/reservation.mapper.js';

import { fromGlobalId, type NodeType } from './global-id.js';
import type { NodeObject } from './node.type.js';

/** A GraphQL object tagged with the Node type it is (what resolveType reads). */
export type FoundNode = object & NodeObject;

type Scoped = { readonly id: number; readonly smartAccountId: number };
type Fetch = (ids: number[], ctx: GqlContext) => Promise<Map<number, object>>;

/** The rows the caller may see, mapped: another Smart Account's rows are absent, as unknown ids. */
async function visible<R extends Scoped>(
  ctx: GqlContext,
  rows: readonly R[],
  map: (row: R) => object | Promise<object>,
): Promise<Map<number, object>> {
  const seen = rows.filter((row) => canSee(ctx.access, row.smartAccountId));
  return new Map(await Promise.all(seen.map(async (row) => [row.id, await map(row)] as const)));
}

/** One batched read per type: each takes every id of its type in a `nodes` call at once. */
function fetchers(services: Services): Record<NodeType, Fetch> {
  const { accounts, reservations, nodes } = services;
  const today = () => services.position.asOfOrToday(null);
  return {
    SmartAccount: async (ids, ctx) => {
      const wanted = new Set(ids);
      const rows = (await accounts.listSmartAccounts()).filter((a) => wanted.has(a.id));
      return visible(
        ctx,
        rows.map((a) => ({ ...a, smartAccountId: a.id })),
        toSmartAccountGql,
      );
    },
    VirtualAccount: async (ids, ctx) =>
      visible(ctx, await accounts.virtualAccountsByIds(ids), toVirtualAccountGql),
    License: async (ids, ctx) => visible(ctx, await accounts.licensesByIds(ids), toLicenseGql),
    ProductInstance: async (ids, ctx) =>
      visible(ctx, await reservations.instancesByIds(ids), toProductInstanceGql),
    // Read as of today, as the reservations list reads it by default.
    Reservation: async (ids, ctx) =>
      visible(ctx, await reservations.reservationsByIds(ids), (r) => toReservationGql(r, today())),
    Entitlement: async (ids, ctx) => visible(ctx, await nodes.entitlements(ids), toEntitlementGql),
    Scenario: async (ids, ctx) => visible(ctx, await nodes.scenarios(ids), toScenarioGql),
    ImportRun: async (ids, ctx) => visible(ctx, await nodes.importRuns(ids), toImportRunGql),
    Snapshot: async (ids, ctx) => visible(ctx, await nodes.snapshots(ids), toSnapshotGql),
    PriceBookEntry: async (ids, ctx) =>
      visible(ctx, await nodes.priceBookEntries(ids), toPriceBookEntryGql),
    // quantityAfter is read from the reservation's trail (stored, or its running sum).
    ReservationEvent: async (ids, ctx) =>
      visible(ctx, await nodes.reservationEvents(ids), async (row) => {
        const trail = await ctx.loaders.reservations.eventsOf.load(row.reservationId);
        const event = trail.find((e) => e.id === row.id);
        return toReservationEventGql({ ...row, quantityAfter: event?.quantityAfter ?? 0 });
      }),
    ClassicConversion: async (ids, ctx) =>
      visible(ctx, await nodes.classicConversions(ids), toClassicConversionGql),
    Transfer: async (ids, ctx) =>
      visible(ctx, await nodes.transfers(ids), async (t) =>
        toTransferGql(await ctx.loaders.scenarios.namesOf.load(t.smartAccountId), t),
      ),
    AccountEvent: async (ids, ctx) =>
      visible(ctx, await services.events.byIds(ids), toAccountEventGql),
  };
}

const loaders = new WeakMap<GqlContext, DataLoader<string, FoundNode | null>>();

/**
 * The request's loader of global ids: every id of one `nodes` call (and of `node` calls in the
 * same request) is read with one query per type, not one per id. Ids that are not global ids,
 * name nothing, or name something outside the token's Smart Accounts all load as null.
 */
export function nodeLoader(
  services: Services,
  ctx: GqlContext,
): DataLoader<string, FoundNode | null> {
  const existing = loaders.get(ctx);
  if (existing) return existing;
  const fetch = fetchers(services);
  const loader = new DataLoader<string, FoundNode | null>(async (globalIds) => {
    const parsed = globalIds.map(fromGlobalId);
    const byType = new Map<NodeType, number[]>();
    for (const p of parsed) if (p) byType.set(p.type, [...(byType.get(p.type) ?? []), p.id]);
    const found = new Map(
      await Promise.all(
        [...byType].map(async ([type, ids]) => [type, await fetch[type](ids, ctx)] as const),
      ),
    );
    return parsed.map((p) => {
      const object = p && found.get(p.type)?.get(p.id);
      return p && object ? { ...object, __nodeType: p.type } : null;
    });
  });
  loaders.set(ctx, loader);
  return loader;
}
