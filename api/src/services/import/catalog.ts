import { SMALL_CATALOG } from '@trueup/db';

import type { EntitlementType } from '../../domain/index.js';

/** What the catalog says of a license: the relations Cisco's data never carries. */
export interface CatalogEntry {
  readonly name: string;
  readonly entitlementTag: string | null;
  readonly productFamily: string | null;
  readonly unit: 'DEVICE' | 'USER' | 'COUNT';
  readonly kind: 'BASE' | 'ADD_ON';
  readonly requiredBaseLicense: string | null;
  /** How Cisco sells it; null when the catalog does not know. */
  readonly entitlementType: EntitlementType | null;
}

/**
 * The built-in catalog: Catalyst 9200/9300/9500 and wireless Network ↔ DNA tiers, routing tiers,
 * Nexus, ISE, Secure Client and Webex, as shipped with the demo estate. Users extend or override
 * it by importing a `license-catalog-csv` file.
 */
export const BUILTIN_CATALOG: readonly CatalogEntry[] = SMALL_CATALOG.map((l) => ({
  name: l.name,
  entitlementTag: l.entitlementTag,
  productFamily: l.productFamily,
  unit: l.unit,
  kind: l.kind,
  requiredBaseLicense: l.baseName,
  entitlementType: l.termYears === null ? 'PERPETUAL' : 'TERM',
}));

const byName = new Map(BUILTIN_CATALOG.map((e) => [e.name.toLowerCase(), e]));
const byTag = new Map(
  BUILTIN_CATALOG.flatMap((e) => (e.entitlementTag ? [[e.entitlementTag, e] as const] : [])),
);

/** The built-in entry for a license, by name (case-insensitive) or entitlement tag. */
export function builtinCatalogEntry(
  name: string | null,
  tag: string | null,
): CatalogEntry | undefined {
  return (name ? byName.get(name.toLowerCase()) : undefined) ?? (tag ? byTag.get(tag) : undefined);
}
