import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';

import { licenses, satellites, smartAccounts, virtualAccounts, type Db } from '@trueup/db';

import { baseRequirement } from '../../domain/index.js';

import { builtinCatalogEntry } from './catalog.js';
import { licenseForUnknownName, licenseForUnknownTag, type JoinLookup } from './license-join.js';
import { inserted } from './returning.js';
import type { ImportCounts, LicenseJoinNote } from './summary.js';

/**
 * Finds or creates the named things records refer to (Virtual Accounts, licenses, satellites),
 * with a cache per import. Unknown ones are created; licenses take kind, unit, family and base
 * from the catalog when it knows them.
 */
export class NameResolver {
  private readonly virtualAccounts = new Map<string, number>();
  private readonly licensesByName = new Map<string, number>();
  private readonly licensesByTag = new Map<string, number>();
  private readonly satellites = new Map<string, number>();
  /** The file being written, named in the license joins it causes. */
  fileName = '';

  constructor(
    private readonly tx: Db,
    readonly smartAccountId: number,
    private readonly counts: ImportCounts,
    private readonly joins: LicenseJoinNote[] = [],
  ) {}

  async virtualAccount(name: string): Promise<number> {
    const cached = this.virtualAccounts.get(name);
    if (cached !== undefined) return cached;
    const sa = this.smartAccountId;
    const [found] = await this.tx
      .select({ id: virtualAccounts.id })
      .from(virtualAccounts)
      .where(and(eq(virtualAccounts.smartAccountId, sa), eq(virtualAccounts.name, name)));
    let id = found?.id;
    if (id === undefined) {
      const created = inserted(
        await this.tx
          .insert(virtualAccounts)
          .values({ smartAccountId: sa, name })
          .returning({ id: virtualAccounts.id }),
        'a Virtual Account',
      );
      id = created.id;
      this.counts.created.virtualAccounts++;
    }
    this.virtualAccounts.set(name, id);
    return id;
  }

  /** A license by display name, else by entitlement tag; created from the catalog when unknown. */
  async license(name: string | null, tag: string | null): Promise<number> {
    const cached = (name && this.licensesByName.get(name)) || (tag && this.licensesByTag.get(tag));
    if (cached) return cached;
    const sa = this.smartAccountId;
    const rows = await this.tx
      .select({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag })
      .from(licenses)
      .where(
        and(
          eq(licenses.smartAccountId, sa),
          name ? eq(licenses.name, name) : eq(licenses.entitlementTag, tag ?? ''),
        ),
      );
    let row = rows[0];
    if (!row && name && tag) {
      [row] = await this.tx
        .select({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag })
        .from(licenses)
        .where(and(eq(licenses.smartAccountId, sa), eq(licenses.entitlementTag, tag)));
    }
    if (!row && tag && !name) row = this.noted(await licenseForUnknownTag(this.tx, sa, tag));
    if (!row && name && !tag) {
      row = this.noted(await licenseForUnknownName(this.tx, sa, name));
      if (row) await this.takeBuiltinRelation(row.id, name);
    }
    if (row && name && tag && row.name === row.tag && row.name !== name) {
      // Found by its tag, still named by it: the record says its name.
      await this.tx.update(licenses).set({ name }).where(eq(licenses.id, row.id));
      row = { ...row, name };
    }
    if (row) {
      // A source's tag replaces none, or the built-in catalog's placeholder for the name.
      const placeholder = builtinCatalogEntry(row.name, null)?.entitlementTag ?? null;
      if (tag && row.tag !== tag && (!row.tag || (name && row.tag === placeholder)))
        await this.tx.update(licenses).set({ entitlementTag: tag }).where(eq(licenses.id, row.id));
    } else {
      row = await this.createLicense(name, tag);
    }
    if (name) this.licensesByName.set(name, row.id);
    if (tag) this.licensesByTag.set(tag, row.id);
    return row.id;
  }

  /**
   * The license a catalog line maps name ↔ tag, which wins over anything inferred: the license
   * of that name (else the one still named by the tag, renamed; else a new one) gets the tag,
   * and any other license of the account holding the tag (e.g. joined by identity) loses it.
   */
  async catalogLicense(name: string, tag: string): Promise<number> {
    const sa = this.smartAccountId;
    const select = { id: licenses.id, name: licenses.name, tag: licenses.entitlementTag };
    const [byName] = await this.tx
      .select(select)
      .from(licenses)
      .where(and(eq(licenses.smartAccountId, sa), eq(licenses.name, name)));
    let id = byName?.id;
    if (id === undefined) {
      const [tagNamed] = await this.tx
        .select(select)
        .from(licenses)
        .where(
          and(
            eq(licenses.smartAccountId, sa),
            eq(licenses.entitlementTag, tag),
            eq(licenses.name, tag),
          ),
        );
      if (tagNamed) {
        await this.tx.update(licenses).set({ name }).where(eq(licenses.id, tagNamed.id));
        id = tagNamed.id;
      } else {
        await this.releaseTag(tag, null);
        id = (await this.createLicense(name, tag)).id;
      }
    }
    await this.releaseTag(tag, id);
    await this.tx.update(licenses).set({ entitlementTag: tag }).where(eq(licenses.id, id));
    this.licensesByName.set(name, id);
    this.licensesByTag.set(tag, id);
    return id;
  }

  /** Takes `tag` off every license of the account but `keep`. */
  private async releaseTag(tag: string, keep: number | null): Promise<void> {
    await this.tx
      .update(licenses)
      .set({ entitlementTag: null })
      .where(
        and(
          eq(licenses.smartAccountId, this.smartAccountId),
          eq(licenses.entitlementTag, tag),
          keep === null ? undefined : ne(licenses.id, keep),
        ),
      );
  }

  /**
   * A tag-named license just given a name the built-in catalog knows takes the catalog's kind,
   * unit and base, as if created by that name, unless something already set a base.
   */
  private async takeBuiltinRelation(id: number, name: string): Promise<void> {
    const entry = builtinCatalogEntry(name, null);
    if (!entry) return;
    const base = entry.requiredBaseLicense
      ? await this.license(entry.requiredBaseLicense, null)
      : null;
    await this.tx
      .update(licenses)
      .set({ kind: entry.kind, unit: entry.unit, requiredBaseLicenseId: base })
      .where(and(eq(licenses.id, id), isNull(licenses.requiredBaseLicenseId)));
  }

  /** Records a join lookup's note (never silent) and returns the license it found. */
  private noted(lookup: JoinLookup) {
    const { note } = lookup;
    if (note) {
      this.joins.push({ ...note, file: this.fileName });
      if (note.kind === 'AMBIGUOUS') this.counts.skipped.licenseTagJoinsAmbiguous++;
      else this.counts.updated.licenseTagsJoined++;
    }
    return lookup.row;
  }

  private async createLicense(name: string | null, tag: string | null) {
    const entry = builtinCatalogEntry(name, tag);
    const displayName = name ?? entry?.name ?? tag ?? 'unnamed license';
    const base = entry?.requiredBaseLicense
      ? await this.license(entry.requiredBaseLicense, null)
      : null;
    const created = inserted(
      await this.tx
        .insert(licenses)
        .values({
          smartAccountId: this.smartAccountId,
          name: displayName,
          entitlementTag: tag ?? entry?.entitlementTag ?? null,
          productFamily: entry?.productFamily ?? null,
          unit: entry?.unit ?? 'DEVICE',
          kind: entry?.kind ?? 'BASE',
          requiredBaseLicenseId: base,
          entitlementType: entry?.entitlementType ?? null,
        })
        .returning({ id: licenses.id, name: licenses.name, tag: licenses.entitlementTag }),
      'a license',
    );
    this.counts.created.licenses++;
    const license = { ...created, entitlementTag: created.tag, kind: entry?.kind ?? 'BASE' };
    if (
      baseRequirement({ ...license, requiredBaseLicenseId: base }, () => undefined).kind ===
      'UNKNOWN'
    ) {
      this.counts.created.addOnsWithUnknownBase++;
    }
    return created;
  }

  async satellite(name: string): Promise<number> {
    const cached = this.satellites.get(name);
    if (cached !== undefined) return cached;
    const sa = this.smartAccountId;
    const [found] = await this.tx
      .select({ id: satellites.id })
      .from(satellites)
      .where(and(eq(satellites.smartAccountId, sa), eq(satellites.name, name)));
    let id = found?.id;
    if (id === undefined) {
      id = inserted(
        await this.tx
          .insert(satellites)
          .values({ smartAccountId: sa, name })
          .returning({ id: satellites.id }),
        'a satellite',
      ).id;
      this.counts.created.satellites++;
    }
    this.satellites.set(name, id);
    return id;
  }
}

/**
 * Records that an SSM On-Prem server synced with Cisco on `date` (an import from it as of that
 * day), creating it if new: its last sync moves to that date's UTC midnight, never back.
 */
export async function recordSatelliteSync(
  tx: Db,
  names: NameResolver,
  counts: ImportCounts,
  host: string,
  date: string,
): Promise<void> {
  const createdBefore = counts.created.satellites;
  const id = await names.satellite(host);
  const syncedAt = sql`${date}::date::timestamp at time zone 'UTC'`;
  const moved = await tx
    .update(satellites)
    .set({ lastSyncAt: syncedAt, hostname: sql`coalesce(${satellites.hostname}, ${host})` })
    .where(
      and(
        eq(satellites.id, id),
        or(isNull(satellites.lastSyncAt), lt(satellites.lastSyncAt, syncedAt)),
      ),
    )
    .returning({ id: satellites.id });
  if (moved.length > 0 && counts.created.satellites === createdBefore) counts.updated.satellites++;
}

/** Finds the Smart Account by domain, creating it (named `name`, else the domain) if absent. */
export async function ensureSmartAccount(
  tx: Db,
  domain: string,
  name: string | undefined,
): Promise<{ id: number; created: boolean }> {
  const [found] = await tx
    .select({ id: smartAccounts.id })
    .from(smartAccounts)
    .where(eq(smartAccounts.domain, domain));
  if (found) return { id: found.id, created: false };
  const created = inserted(
    await tx
      .insert(smartAccounts)
      .values({ domain, name: name ?? domain })
      .returning({ id: smartAccounts.id }),
    'a Smart Account',
  );
  return { id: created.id, created: true };
}
