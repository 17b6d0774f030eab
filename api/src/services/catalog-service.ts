import { aliasedTable, asc, eq, sql } from 'drizzle-orm';

import { licenses, type DbHandle } from '@trueup/db';

/** One license as the catalog describes it: what a catalog CSV line states. */
export interface CatalogRow {
  readonly license: string;
  readonly entitlementTag: string | null;
  readonly productFamily: string | null;
  readonly unit: 'DEVICE' | 'USER' | 'COUNT';
  readonly kind: 'BASE' | 'ADD_ON';
  readonly requiredBaseLicense: string | null;
  readonly entitlementType: 'TERM' | 'PERPETUAL' | 'SUBSCRIPTION' | 'USAGE' | null;
}

/**
 * The catalog of one Smart Account: every license with its tag, family, unit, kind, required
 * base and entitlement type; bases first, then add-ons, each by name (so an import of the
 * exported file meets a base before the add-ons that need it).
 */
export function catalogRows(handle: DbHandle, smartAccountId: number): Promise<CatalogRow[]> {
  const base = aliasedTable(licenses, 'base');
  return handle.db
    .select({
      license: licenses.name,
      entitlementTag: licenses.entitlementTag,
      productFamily: licenses.productFamily,
      unit: licenses.unit,
      kind: licenses.kind,
      requiredBaseLicense: base.name,
      entitlementType: licenses.entitlementType,
    })
    .from(licenses)
    .leftJoin(base, eq(base.id, licenses.requiredBaseLicenseId))
    .where(eq(licenses.smartAccountId, smartAccountId))
    .orderBy(sql`${licenses.kind} = 'ADD_ON'`, asc(licenses.name), asc(licenses.id));
}
