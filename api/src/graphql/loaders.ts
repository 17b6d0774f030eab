import DataLoader from 'dataloader';

import type { IsoDate, Money } from '../domain/index.js';
import type {
  EntitlementRecord,
  LicenseRecord,
  NamedPositionLine,
  PriceBookEntryRecord,
  Services,
  VirtualAccountRecord,
} from '../services/index.js';

import { createScenarioLoaders } from './reallocation/scenario.loaders.js';
import { createReservationLoaders } from './reservation/reservation.loaders.js';

export interface VirtualAccountPositionKey {
  readonly smartAccountId: number;
  readonly virtualAccountId: number;
  readonly virtualAccountName: string;
  readonly asOf: IsoDate;
  readonly includeClassic: boolean;
}

/** Groups rows by a key, in the order of `keys` (DataLoader's contract). */
function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byId<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): (T | Error)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? new Error(`no row with id ${id}`));
}

/** One batched query per field and request, whatever the number of parents (no N+1). */
export function createLoaders(services: Services) {
  const { accounts, position, money } = services;
  return {
    /** Unit true-up prices of a Smart Account at a date: one query per (account, date). */
    unitPrices: new DataLoader<string, Map<number, Money>>(async (keys) =>
      Promise.all(
        keys.map((key) => {
          const [smartAccountId, asOf] = key.split('|');
          return money.unitTrueUpPrices(Number(smartAccountId), asOf as IsoDate);
        }),
      ),
    ),
    /** Price book entries in force per license at a date: one query per date. */
    pricesOfLicense: new DataLoader<string, PriceBookEntryRecord[]>(async (keys) => {
      const byDate = new Map<string, number[]>();
      for (const key of keys) {
        const [licenseId, asOf = ''] = key.split('|');
        byDate.set(asOf, [...(byDate.get(asOf) ?? []), Number(licenseId)]);
      }
      const found = new Map<string, PriceBookEntryRecord[]>();
      for (const [asOf, ids] of byDate) {
        for (const entry of await money.priceBook.entriesOfLicenses(ids, asOf as IsoDate)) {
          const key = `${entry.licenseId}|${asOf}`;
          found.set(key, [...(found.get(key) ?? []), entry]);
        }
      }
      return keys.map((key) => found.get(key) ?? []);
    }),
    /** Reservation fields (trails, devices, standing): see reservation/reservation.loaders.ts. */
    reservations: createReservationLoaders(services),
    /** Scenario fields (moves, trail, transfers, names): see reallocation/scenario.loaders.ts. */
    scenarios: createScenarioLoaders(services),
    virtualAccountById: new DataLoader<number, VirtualAccountRecord>(async (ids) =>
      byId(ids, await accounts.virtualAccountsByIds(ids)),
    ),
    licenseById: new DataLoader<number, LicenseRecord>(async (ids) =>
      byId(ids, await accounts.licensesByIds(ids)),
    ),
    virtualAccountsOf: new DataLoader<number, VirtualAccountRecord[]>(async (ids) =>
      groupBy(ids, await accounts.virtualAccountsOf(ids), (r) => r.smartAccountId),
    ),
    licensesOf: new DataLoader<number, LicenseRecord[]>(async (ids) =>
      groupBy(ids, await accounts.licensesOf(ids), (r) => r.smartAccountId),
    ),
    entitlementsOf: new DataLoader<number, EntitlementRecord[]>(async (ids) =>
      groupBy(ids, await accounts.entitlementsOf(ids), (r) => r.virtualAccountId),
    ),
    /** Positions of many Virtual Accounts: one read of the named lines per (account, date, view). */
    virtualAccountPosition: new DataLoader<VirtualAccountPositionKey, NamedPositionLine[], string>(
      async (keys) => {
        const batches = new Map<string, VirtualAccountPositionKey[]>();
        for (const key of keys) {
          const batch = `${key.smartAccountId}|${key.asOf}|${key.includeClassic}`;
          const existing = batches.get(batch);
          if (existing) existing.push(key);
          else batches.set(batch, [key]);
        }
        const results = new Map<string, NamedPositionLine[]>();
        for (const batchKeys of batches.values()) {
          const [first] = batchKeys;
          if (!first) continue;
          const lines = await position.named({
            smartAccountId: first.smartAccountId,
            asOf: first.asOf,
            includeClassic: first.includeClassic,
            virtualAccountNames: batchKeys.map((k) => k.virtualAccountName),
          });
          const perAccount = groupBy(
            batchKeys.map((k) => k.virtualAccountId),
            lines,
            (l) => l.virtualAccountId,
          );
          batchKeys.forEach((key, i) => results.set(cacheKey(key), perAccount[i] ?? []));
        }
        return keys.map((k) => results.get(cacheKey(k)) ?? []);
      },
      { cacheKeyFn: (key) => cacheKey(key) },
    ),
  };
}

const cacheKey = (k: VirtualAccountPositionKey) =>
  `${k.smartAccountId}|${k.virtualAccountId}|${k.asOf}|${k.includeClassic}`;

export type Loaders = ReturnType<typeof createLoaders>;
