import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';

import { entitlementLots, licenses, usageReports, type Db } from '@trueup/db';

import { lotTypeFromEvidence, type LicenseType } from '../../domain/index.js';
import type {
  CatalogRecord,
  ClassicPakRecord,
  IngestRecord,
  LedgerRecord,
} from '../../ingest/index.js';

import { AuthorizationBatch } from './authorization-batch.js';
import { writeCatalogEntry } from './catalog-writer.js';
import { writeAccountEvent } from './event-writer.js';
import { InstanceBatch } from './instance-batch.js';
import type { NameResolver } from './named-rows.js';
import { writePriceEntry } from './price-writer.js';
import type { ImportCounts } from './summary.js';

export interface WriteContext {
  readonly tx: Db;
  readonly names: NameResolver;
  readonly counts: ImportCounts;
  readonly asOf: string;
  readonly importRunId: number;
  readonly usageSource: 'CSSM_EXPORT' | 'SMART_LICENSING_API' | 'RUM_REPORT' | 'ON_PREM_SYNC';
  /** For records that name no Virtual Account. */
  readonly defaultVirtualAccount: string | undefined;
  /** The SSM On-Prem server an `onprem:<host>` import comes from; null for a cloud import. */
  readonly sourceSatellite: string | null;
}

/** The type of a lot with no stated type or dates: from the catalog, else the name, else UNKNOWN. */
async function undatedLotType(tx: Db, licenseId: number): Promise<LicenseType> {
  const [row] = await tx
    .select({ name: licenses.name, entitlementType: licenses.entitlementType })
    .from(licenses)
    .where(eq(licenses.id, licenseId));
  return lotTypeFromEvidence({
    entitlementType: row?.entitlementType ?? null,
    licenseName: row?.name ?? '',
    endDate: null,
  });
}

/**
 * Writes one file's records. A licenses export is a snapshot of the Virtual Accounts it lists:
 * their current SMART lots are superseded on the export's as-of (kept as history) and the new
 * lots count from then; a classic PAK list does the same for the account's CLASSIC_PAK lots.
 * SLR authorization codes are collected per device and reconciled at the end of the file.
 */
export class RecordWriter {
  private readonly replacedVirtualAccounts = new Set<number>();
  private replacedClassic = false;
  private readonly instances: InstanceBatch;
  private readonly authorizations: AuthorizationBatch;

  constructor(private readonly context: WriteContext) {
    this.instances = new InstanceBatch(context);
    this.authorizations = new AuthorizationBatch(context, this.instances);
  }

  async write(record: IngestRecord): Promise<void> {
    switch (record.kind) {
      case 'ledger':
        return this.ledger(record);
      case 'instance':
      case 'deviceUsage':
        return this.instances.add(record);
      case 'reservation':
      case 'emptyAuthorization':
        return this.authorizations.add(record);
      case 'classicPak':
        return this.classicPak(record);
      case 'catalog':
        return this.catalog(record);
      case 'price':
        return writePriceEntry(this.context, record);
      case 'accountEvent':
        return writeAccountEvent(this.context, record);
    }
  }

  async finish(): Promise<void> {
    await this.instances.flush();
    await this.authorizations.flush();
  }

  /** Marks the current lots of a scope superseded on the as-of; returns the new lots' effectiveFrom. */
  private async supersede(scope: ReturnType<typeof and>): Promise<string | null> {
    const { tx, asOf } = this.context;
    const replaced = await tx
      .update(entitlementLots)
      .set({ supersededOn: asOf })
      .where(
        and(
          scope,
          isNull(entitlementLots.supersededOn),
          or(
            isNull(entitlementLots.effectiveFrom),
            lt(entitlementLots.effectiveFrom, sql`${asOf}::date`),
          ),
        ),
      )
      .returning({ id: entitlementLots.id });
    this.context.counts.updated.supersededLots += replaced.length;
    return replaced.length > 0 ? asOf : null;
  }

  private effectiveFrom = new Map<number, string | null>();

  private async ledger(record: LedgerRecord): Promise<void> {
    const { tx, names, counts, asOf, importRunId } = this.context;
    const sa = names.smartAccountId;
    const va = await names.virtualAccount(record.virtualAccount);
    const license = await names.license(record.license, record.entitlementTag);
    if (!this.replacedVirtualAccounts.has(va)) {
      this.replacedVirtualAccounts.add(va);
      this.effectiveFrom.set(
        va,
        await this.supersede(
          and(
            eq(entitlementLots.smartAccountId, sa),
            eq(entitlementLots.virtualAccountId, va),
            eq(entitlementLots.source, 'SMART'),
          ),
        ),
      );
    }
    const effectiveFrom = this.effectiveFrom.get(va) ?? null;
    // A summary-level export states only a quantity: one undated lot, typed from evidence only;
    // so is a lot whose source gave no type and no end date.
    const stated = await Promise.all(
      record.lots.map(async (lot) =>
        lot.licenseType === 'UNKNOWN'
          ? { ...lot, licenseType: await undatedLotType(tx, license) }
          : lot,
      ),
    );
    const lots =
      stated.length > 0
        ? stated
        : [
            {
              quantity: record.owned,
              licenseType: await undatedLotType(tx, license),
              startDate: null,
              endDate: null,
              subscriptionId: null,
              orderNumber: null,
              sku: null,
            },
          ];
    counts.created.entitlementLotsOfUnknownType += lots.filter(
      (lot) => lot.licenseType === 'UNKNOWN',
    ).length;
    await tx.insert(entitlementLots).values(
      lots.map((lot) => ({
        smartAccountId: sa,
        virtualAccountId: va,
        licenseId: license,
        quantity: lot.quantity,
        licenseType: lot.licenseType,
        startDate: lot.startDate,
        endDate: lot.endDate,
        source: 'SMART' as const,
        subscriptionId: lot.subscriptionId,
        orderNumber: lot.orderNumber,
        sku: lot.sku,
        effectiveFrom,
        importRunId,
      })),
    );
    counts.created.entitlementLots += lots.length;
    await tx.insert(usageReports).values({
      smartAccountId: sa,
      virtualAccountId: va,
      licenseId: license,
      productInstanceId: null,
      quantity: record.consumed,
      reserved: record.reserved,
      billingType: record.billingType,
      source: this.context.usageSource,
      asOf,
      importRunId,
    });
    counts.created.usageReports++;
  }

  private async classicPak(record: ClassicPakRecord): Promise<void> {
    const { tx, names, counts, importRunId } = this.context;
    const sa = names.smartAccountId;
    const vaName = record.virtualAccount ?? this.context.defaultVirtualAccount ?? 'Classic PAK';
    const va = await names.virtualAccount(vaName);
    if (!this.replacedClassic) {
      this.replacedClassic = true;
      this.effectiveFrom.set(
        -1,
        await this.supersede(
          and(eq(entitlementLots.smartAccountId, sa), eq(entitlementLots.source, 'CLASSIC_PAK')),
        ),
      );
    }
    await tx.insert(entitlementLots).values({
      smartAccountId: sa,
      virtualAccountId: va,
      licenseId: await names.license(record.license, null),
      quantity: record.quantity,
      licenseType: 'PERPETUAL',
      source: 'CLASSIC_PAK',
      pakNumber: record.pakNumber,
      deviceSerial: record.deviceSerial,
      sku: record.sku,
      effectiveFrom: this.effectiveFrom.get(-1) ?? null,
      importRunId,
    });
    counts.created.entitlementLots++;
  }

  private async catalog(record: CatalogRecord): Promise<void> {
    await writeCatalogEntry(this.context, record);
  }
}
