import { eq } from 'drizzle-orm';

import { licenses } from '@trueup/db';

import { baseRequirement } from '../../domain/index.js';
import type { CatalogRecord } from '../../ingest/index.js';

import type { WriteContext } from './record-writer.js';

/**
 * Applies one catalog line: the license gets its tag, family, unit, kind, required base and
 * entitlement type (blank cells keep what the license has).
 */
export async function writeCatalogEntry(
  context: WriteContext,
  record: CatalogRecord,
): Promise<void> {
  const { tx, names, counts } = context;
  const id =
    record.license && record.entitlementTag
      ? await names.catalogLicense(record.license, record.entitlementTag)
      : await names.license(record.license, record.entitlementTag);
  const base = record.requiredBaseLicense
    ? await names.license(record.requiredBaseLicense, null)
    : null;
  await tx
    .update(licenses)
    .set({
      ...(record.entitlementTag ? { entitlementTag: record.entitlementTag } : {}),
      ...(record.productFamily ? { productFamily: record.productFamily } : {}),
      unit: record.unit,
      kind: record.licenseKind,
      requiredBaseLicenseId: base,
      ...(record.entitlementType ? { entitlementType: record.entitlementType } : {}),
    })
    .where(eq(licenses.id, id));
  counts.updated.licenses++;
  const related = {
    id,
    name: record.license ?? '',
    entitlementTag: record.entitlementTag,
    kind: record.licenseKind,
    requiredBaseLicenseId: base,
  };
  if (baseRequirement(related, () => undefined).kind === 'UNKNOWN') {
    counts.updated.addOnsWithUnknownBase++;
  }
}
