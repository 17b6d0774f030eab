import { and, eq, sql } from 'drizzle-orm';

import { licenses, type Db } from '@trueup/db';

import {
  joinNameToTagNamedLicense,
  joinTagToNamedLicense,
  nameAmbiguousMessage,
  tagAmbiguousMessage,
  tagJoinedMessage,
  tagNamedRenamedMessage,
} from '../../domain/index.js';

import { builtinCatalogEntry } from './catalog.js';
import type { LicenseJoinNote } from './summary.js';

/** A license row as the resolver keeps it. */
export interface LicenseRow {
  readonly id: number;
  readonly name: string;
  readonly tag: string | null;
}

/** What a join lookup found: the license to use (if any), and what to tell the user. */
export interface JoinLookup {
  readonly row: LicenseRow | undefined;
  readonly note: Omit<LicenseJoinNote, 'file'> | undefined;
}

const NOTHING: JoinLookup = { row: undefined, note: undefined };

async function accountLicenses(tx: Db, smartAccountId: number): Promise<LicenseRow[]> {
  return tx
    .select({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag })
    .from(licenses)
    .where(eq(licenses.smartAccountId, smartAccountId));
}

/**
 * The license for an entitlement tag no license of the account carries, from a tag-only record.
 * A tag the built-in catalog knows names its license; otherwise the one license no source gave
 * a tag (untagged, or holding only the built-in catalog's placeholder for its name) whose name
 * reads as the same product takes the tag. Several such licenses: none, and the note says why.
 */
export async function licenseForUnknownTag(
  tx: Db,
  smartAccountId: number,
  tag: string,
): Promise<JoinLookup> {
  const entry = builtinCatalogEntry(null, tag);
  if (entry) {
    const [row] = await tx
      .select({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag })
      .from(licenses)
      .where(and(eq(licenses.smartAccountId, smartAccountId), eq(licenses.name, entry.name)));
    return { row, note: undefined };
  }
  const untagged = (await accountLicenses(tx, smartAccountId)).filter(
    (l) => l.tag === null || builtinCatalogEntry(l.name, null)?.entitlementTag === l.tag,
  );
  const join = joinTagToNamedLicense(tag, untagged);
  if (join.kind === 'NONE') return NOTHING;
  if (join.kind === 'AMBIGUOUS') {
    const names = join.candidates.map((c) => c.name).sort();
    return {
      row: undefined,
      note: {
        kind: 'AMBIGUOUS',
        entitlementTag: tag,
        licenses: names,
        message: tagAmbiguousMessage(tag, names, join.identity),
      },
    };
  }
  const { id, name } = join.license;
  await tx.update(licenses).set({ entitlementTag: tag }).where(eq(licenses.id, id));
  return {
    row: { id, name, tag },
    note: {
      kind: 'JOINED',
      entitlementTag: tag,
      licenses: [name],
      message: tagJoinedMessage(tag, name, join.identity),
    },
  };
}

/**
 * The license for a display name no license of the account has, from a name-only record: the
 * one license still named by its raw entitlement tag whose tag reads as the same product is
 * renamed (keeping its tag, taking what the built-in catalog knows of the name where it knows
 * nothing yet). Several such licenses: none, and the note says why.
 */
export async function licenseForUnknownName(
  tx: Db,
  smartAccountId: number,
  name: string,
): Promise<JoinLookup> {
  const tagNamed = await tx
    .select({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag })
    .from(licenses)
    .where(
      and(eq(licenses.smartAccountId, smartAccountId), eq(licenses.name, licenses.entitlementTag)),
    );
  if (tagNamed.length === 0) return NOTHING;
  const join = joinNameToTagNamedLicense(name, tagNamed);
  if (join.kind === 'NONE') return NOTHING;
  if (join.kind === 'AMBIGUOUS') {
    const tags = join.candidates.map((c) => c.name).sort();
    return {
      row: undefined,
      note: {
        kind: 'AMBIGUOUS',
        entitlementTag: tags.join(' '),
        licenses: tags,
        message: nameAmbiguousMessage(name, tags, join.identity),
      },
    };
  }
  const { id, name: tag } = join.license;
  const entry = builtinCatalogEntry(name, null);
  await tx
    .update(licenses)
    .set({
      name,
      productFamily: sql`coalesce(${licenses.productFamily}, ${entry?.productFamily ?? null})`,
      entitlementType: sql`coalesce(${licenses.entitlementType}, ${entry?.entitlementType ?? null})`,
    })
    .where(eq(licenses.id, id));
  return {
    row: { id, name, tag },
    note: {
      kind: 'RENAMED',
      entitlementTag: tag,
      licenses: [name],
      message: tagNamedRenamedMessage(tag, name, join.identity),
    },
  };
}
