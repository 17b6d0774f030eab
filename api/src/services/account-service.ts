import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';

import {
  entitlementLots,
  licenses,
  productInstances,
  satellites,
  smartAccounts,
  virtualAccounts,
  type DbHandle,
} from '@trueup/db';

import { DomainError, type ConnectionMode } from '../domain/index.js';

import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from './pagination.js';

export type SmartAccountRecord = typeof smartAccounts.$inferSelect;
export type VirtualAccountRecord = typeof virtualAccounts.$inferSelect;
export type LicenseRecord = typeof licenses.$inferSelect;
export type EntitlementRecord = typeof entitlementLots.$inferSelect;
export type ProductInstanceRecord = typeof productInstances.$inferSelect & {
  satelliteName: string | null;
};

export interface ProductInstanceFilter {
  readonly connectionModes?: readonly ConnectionMode[] | undefined;
  readonly statuses?: readonly ('ACTIVE' | 'DECOMMISSIONED')[] | undefined;
  /** Case-insensitive substring of the instance name, hostname or serial. */
  readonly search?: string | undefined;
}

/** Reads of accounts, licenses, lots and instances. Batch methods take many ids (DataLoader). */
export function accountService(handle: DbHandle) {
  const { db } = handle;
  // Every GraphQL request names its Smart Account: the statement is built once, not per call.
  const byDomain = db
    .select()
    .from(smartAccounts)
    .where(eq(smartAccounts.domain, sql.placeholder('domain')))
    .prepare('smart_account_by_domain');
  return {
    listSmartAccounts: () => db.select().from(smartAccounts).orderBy(asc(smartAccounts.domain)),

    async smartAccountByDomain(domain: string): Promise<SmartAccountRecord | undefined> {
      const [row] = await byDomain.execute({ domain });
      return row;
    },

    /** The Smart Account with this domain, or UNKNOWN_SMART_ACCOUNT. */
    async requireSmartAccount(domain: string): Promise<SmartAccountRecord> {
      const [row] = await byDomain.execute({ domain });
      if (!row) {
        throw new DomainError('UNKNOWN_SMART_ACCOUNT', `no Smart Account with domain "${domain}"`, {
          domain,
        });
      }
      return row;
    },

    /** Virtual Accounts of each Smart Account, by name. */
    virtualAccountsOf: (smartAccountIds: readonly number[]) =>
      db
        .select()
        .from(virtualAccounts)
        .where(inArray(virtualAccounts.smartAccountId, [...smartAccountIds]))
        .orderBy(asc(virtualAccounts.name)),

    virtualAccountsByIds: (ids: readonly number[]) =>
      db
        .select()
        .from(virtualAccounts)
        .where(inArray(virtualAccounts.id, [...ids])),

    licensesOf: (smartAccountIds: readonly number[]) =>
      db
        .select()
        .from(licenses)
        .where(inArray(licenses.smartAccountId, [...smartAccountIds]))
        .orderBy(asc(licenses.name)),

    licensesByIds: (ids: readonly number[]) =>
      db
        .select()
        .from(licenses)
        .where(inArray(licenses.id, [...ids])),

    /** Entitlement lots of each Virtual Account (all of them, whatever their dates). */
    entitlementsOf: (virtualAccountIds: readonly number[]) =>
      db
        .select()
        .from(entitlementLots)
        .where(inArray(entitlementLots.virtualAccountId, [...virtualAccountIds]))
        .orderBy(asc(entitlementLots.id)),

    /** Product instances of one Virtual Account, keyset-paged by id. */
    async productInstancePage(query: {
      smartAccountId: number;
      virtualAccountId: number;
      filter?: ProductInstanceFilter | undefined;
      page: PageRequest;
    }): Promise<Page<ProductInstanceRecord>> {
      const size = pageSize(query.page.first);
      const after = query.page.after
        ? decodeCursor(query.page.after, ['number'] as const)[0]
        : null;
      const filter = query.filter ?? {};
      const conditions: (SQL | undefined)[] = [
        eq(productInstances.smartAccountId, query.smartAccountId),
        eq(productInstances.virtualAccountId, query.virtualAccountId),
        filter.connectionModes
          ? inArray(productInstances.connectionMode, [...filter.connectionModes])
          : undefined,
        filter.statuses ? inArray(productInstances.status, [...filter.statuses]) : undefined,
        filter.search
          ? or(
              ilike(productInstances.name, `%${filter.search}%`),
              ilike(productInstances.hostname, `%${filter.search}%`),
              ilike(productInstances.udiSerial, `%${filter.search}%`),
            )
          : undefined,
      ];
      const where = and(...conditions);
      const [count] = await db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(productInstances)
        .where(where);
      const rows = await db
        .select({ instance: productInstances, satelliteName: satellites.name })
        .from(productInstances)
        .leftJoin(satellites, eq(satellites.id, productInstances.satelliteId))
        .where(after === null ? where : and(where, gt(productInstances.id, after)))
        .orderBy(asc(productInstances.id))
        .limit(size + 1);
      return toPage(
        rows.map((r) => ({ ...r.instance, satelliteName: r.satelliteName })),
        size,
        { totalCount: count?.n ?? 0, hasPrevious: after !== null, keyOf: (r) => [r.id] },
      );
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
