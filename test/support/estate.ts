import {
  entitlementLots,
  licenses,
  productInstances,
  reservationEvents,
  reservations,
  smartAccounts,
  usageReports,
  virtualAccounts,
  type Db,
} from '../../db/src/index.js';

/** A small estate described by indexes, for tests that need exact, known data. */
export interface EstateSpec {
  readonly domain: string;
  readonly virtualAccounts: readonly { name: string; region?: string; businessUnit?: string }[];
  readonly licenses: readonly { name: string; productFamily?: string }[];
  readonly lots: readonly {
    va: number;
    license: number;
    quantity: number;
    licenseType: 'TERM' | 'PERPETUAL';
    startDate: string | null;
    endDate: string | null;
    source: 'SMART' | 'CLASSIC_PAK';
    effectiveFrom?: string | null;
    supersededOn?: string | null;
  }[];
  readonly instances: readonly { va: number; mode: 'DIRECT_CLOUD' | 'ON_PREM' | 'SLR' | 'PLR' }[];
  /**
   * `instance: null` = a ledger row for the Virtual Account; `reserved` and `billing` are the
   * ledger's stated figures (null / absent: not stated).
   */
  readonly usage: readonly {
    va: number;
    license: number;
    instance: number | null;
    quantity: number;
    asOf: string;
    reserved?: number | null;
    billing?: 'PREPAID' | 'USAGE' | 'SUBSCRIPTION' | null;
  }[];
  readonly reservations: readonly {
    instance: number;
    license: number;
    events: readonly { delta: number; on: string }[];
    /** The reserved entitlement's terms (as an authorization code states them); default none. */
    licenseType?: 'TERM' | 'PERPETUAL' | null;
    endDate?: string | null;
  }[];
}

export interface InsertedEstate {
  readonly smartAccountId: number;
  readonly virtualAccountIds: number[];
  readonly licenseIds: number[];
  readonly instanceIds: number[];
}

/** Inserts an estate with plain drizzle inserts; returns the generated ids by index. */
export async function insertEstate(db: Db, spec: EstateSpec): Promise<InsertedEstate> {
  const [sa] = await db
    .insert(smartAccounts)
    .values({ domain: spec.domain, name: spec.domain })
    .returning();
  const smartAccountId = sa!.id;
  const vas = await db
    .insert(virtualAccounts)
    .values(
      spec.virtualAccounts.map((v) => ({
        smartAccountId,
        name: v.name,
        region: v.region ?? null,
        businessUnit: v.businessUnit ?? null,
      })),
    )
    .returning({ id: virtualAccounts.id });
  const lics = await db
    .insert(licenses)
    .values(
      spec.licenses.map((l) => ({
        smartAccountId,
        name: l.name,
        productFamily: l.productFamily ?? null,
      })),
    )
    .returning({ id: licenses.id });
  const vaId = (i: number) => vas[i]!.id;
  const licId = (i: number) => lics[i]!.id;
  if (spec.lots.length > 0) {
    await db.insert(entitlementLots).values(
      spec.lots.map((lot) => ({
        smartAccountId,
        virtualAccountId: vaId(lot.va),
        licenseId: licId(lot.license),
        quantity: lot.quantity,
        licenseType: lot.licenseType,
        startDate: lot.startDate,
        endDate: lot.endDate,
        source: lot.source,
        effectiveFrom: lot.effectiveFrom ?? null,
        supersededOn: lot.supersededOn ?? null,
      })),
    );
  }
  const instances =
    spec.instances.length === 0
      ? []
      : await db
          .insert(productInstances)
          .values(
            spec.instances.map((inst, i) => ({
              smartAccountId,
              virtualAccountId: vaId(inst.va),
              name: `UDI_PID:C9300-24P; UDI_SN:TST${i}; `,
              udiPid: 'C9300-24P',
              udiSerial: `TST${i}`,
              connectionMode: inst.mode,
            })),
          )
          .returning({ id: productInstances.id });
  const instanceId = (i: number) => instances[i]!.id;
  if (spec.usage.length > 0) {
    await db.insert(usageReports).values(
      spec.usage.map((u) => ({
        smartAccountId,
        virtualAccountId: vaId(u.va),
        licenseId: licId(u.license),
        productInstanceId: u.instance === null ? null : instanceId(u.instance),
        quantity: u.quantity,
        reserved: u.reserved ?? null,
        billingType: u.billing ?? null,
        source: 'DEMO' as const,
        asOf: u.asOf,
      })),
    );
  }
  for (const r of spec.reservations) {
    const inst = spec.instances[r.instance]!;
    const [reservation] = await db
      .insert(reservations)
      .values({
        smartAccountId,
        virtualAccountId: vaId(inst.va),
        productInstanceId: instanceId(r.instance),
        licenseId: licId(r.license),
        reservationType: inst.mode === 'PLR' ? 'PLR' : 'SLR',
        licenseType: r.licenseType ?? null,
        endDate: r.endDate ?? null,
      })
      .returning({ id: reservations.id });
    if (r.events.length > 0) {
      await db.insert(reservationEvents).values(
        r.events.map((e) => ({
          smartAccountId,
          reservationId: reservation!.id,
          eventType: e.delta >= 0 ? ('RESERVE' as const) : ('RETURN' as const),
          quantityDelta: e.delta,
          occurredOn: e.on,
        })),
      );
    }
  }
  return {
    smartAccountId,
    virtualAccountIds: vas.map((v) => v.id),
    licenseIds: lics.map((l) => l.id),
    instanceIds: instances.map((i) => i.id),
  };
}
