import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';

import {
  entitlementLots,
  licenses,
  reservationEvents,
  reservations,
  usageReports,
  type Db,
} from '@trueup/db';

import { lotTypeFromEvidence, type LicenseType } from '../../domain/index.js';
import type {
  CatalogRecord,
  ClassicPakRecord,
  IngestRecord,
  LedgerRecord,
  ReservationRecord,
} from '../../ingest/index.js';

import { writeCatalogEntry } from './catalog-writer.js';
import { InstanceBatch } from './instance-batch.js';
import { writePriceEntry } from './price-writer.js';
import type { NameResolver } from './resolver.js';
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
 */
export class RecordWriter {
  private readonly replacedVirtualAccounts = new Set<number>();
  private replacedClassic = false;
  private readonly instances: InstanceBatch;

  constructor(private readonly context: WriteContext) {
    this.instances = new InstanceBatch(context);
  }

  async write(record: IngestRecord): Promise<void> {
    switch (record.kind) {
      case 'ledger':
        return this.ledger(record);
      case 'instance':
      case 'deviceUsage':
        return this.instances.add(record);
      case 'reservation':
        return this.reservation(record);
      case 'classicPak':
        return this.classicPak(record);
      case 'catalog':
        return this.catalog(record);
      case 'price':
        return writePriceEntry(this.context, record);
    }
  }

  async finish(): Promise<void> {
    await this.instances.flush();
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
      quantity: record.inUse,
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

  private async reservation(record: ReservationRecord): Promise<void> {
    const { tx, names, counts, asOf } = this.context;
    const sa = names.smartAccountId;
    const instance = await this.instances.ensureReservedInstance(record);
    const license = await names.license(record.license, record.entitlementTag);
    const [existing] = await tx
      .select({
        id: reservations.id,
        held: sql<number>`coalesce((select sum(quantity_delta) from reservation_events e where e.reservation_id = ${reservations.id}), 0)::int`.mapWith(
          Number,
        ),
      })
      .from(reservations)
      .where(
        and(
          eq(reservations.smartAccountId, sa),
          eq(reservations.productInstanceId, instance.id),
          eq(reservations.licenseId, license),
        ),
      );
    let id = existing?.id;
    if (id === undefined) {
      [{ id }] = (await tx
        .insert(reservations)
        .values({
          smartAccountId: sa,
          virtualAccountId: instance.virtualAccountId,
          productInstanceId: instance.id,
          licenseId: license,
          reservationType: record.reservationType,
          authorizationCode: record.authorizationCode,
        })
        .returning({ id: reservations.id })) as [{ id: number }];
      counts.created.reservations++;
    }
    const delta = record.quantity - (existing?.held ?? 0);
    if (delta === 0) return;
    await tx.insert(reservationEvents).values({
      smartAccountId: sa,
      reservationId: id,
      eventType: existing ? 'UPDATE' : 'RESERVE',
      quantityDelta: delta,
      occurredOn: asOf,
      actor: 'import',
      note: 'SLR authorization code import',
    });
    counts.created.reservationEvents++;
  }

  private async catalog(record: CatalogRecord): Promise<void> {
    await writeCatalogEntry(this.context, record);
  }
}
