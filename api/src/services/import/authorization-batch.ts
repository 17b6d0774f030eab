import { and, eq, sql } from 'drizzle-orm';

import { reservationEvents, reservations } from '@trueup/db';

import { planAuthorization, type AuthorizationChange } from '../../domain/index.js';
import type { EmptyAuthorizationRecord, ReservationRecord } from '../../ingest/index.js';

import type { InstanceBatch } from './instance-batch.js';
import type { WriteContext } from './record-writer.js';
import { inserted } from './returning.js';

/** One authorization code of one device: its entitlement records, in file order. */
interface Code {
  readonly issuedOn: string;
  readonly records: ReservationRecord[];
}

interface Holding {
  readonly reservationId: number;
  readonly licenseId: number;
  readonly held: number;
  readonly latest: string | null;
}

/**
 * Collects a file's SLR authorization records by device and code (the parser yields one record
 * per entitlement), then reconciles each device with its codes, oldest first: every code is the
 * device's whole reservation set as of the day it was issued (see `planAuthorization`). Events
 * are dated by the code, not by the import's as-of.
 */
export class AuthorizationBatch {
  private readonly devices = new Map<string, Map<string, Code>>();
  /** Each device's first record, naming the device. */
  private readonly firstRecords = new Map<string, ReservationRecord | EmptyAuthorizationRecord>();

  constructor(
    private readonly context: WriteContext,
    private readonly instances: InstanceBatch,
  ) {}

  /** Adds one entitlement of a code, or a code that reserves nothing (`emptyAuthorization`). */
  add(record: ReservationRecord | EmptyAuthorizationRecord): void {
    const device = `${record.instance.udiPid}\u0000${record.instance.udiSerial}`;
    let codes = this.devices.get(device);
    if (!codes) {
      this.devices.set(device, (codes = new Map()));
      this.firstRecords.set(device, record);
    }
    const issuedOn = record.issuedOn ?? this.context.asOf;
    const key = record.authorizationCode ?? issuedOn;
    const records = record.kind === 'reservation' ? [record] : [];
    const code = codes.get(key);
    if (code) code.records.push(...records);
    else codes.set(key, { issuedOn, records });
  }

  async flush(): Promise<void> {
    for (const [device, codes] of this.devices) {
      const ordered = [...codes.values()].sort((a, b) =>
        a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0,
      );
      const first = this.firstRecords.get(device);
      if (!first) continue;
      const instance = await this.instances.ensureReservedInstance(first);
      for (const code of ordered) await this.apply(instance, code);
    }
    this.devices.clear();
    this.firstRecords.clear();
  }

  private async apply(instance: { id: number; virtualAccountId: number }, code: Code) {
    const { names, counts } = this.context;
    const licensed: { record: ReservationRecord; licenseId: number }[] = [];
    for (const record of code.records) {
      licensed.push({
        record,
        licenseId: await names.license(record.license, record.entitlementTag),
      });
    }
    const holdings = await this.holdingsOf(instance.id);
    const latestOnDevice = holdings.reduce<string | null>(
      (latest, h) =>
        h.latest !== null && (latest === null || h.latest > latest) ? h.latest : latest,
      null,
    );
    const plan = planAuthorization({
      instanceId: instance.id,
      issuedOn: code.issuedOn,
      latestOnDevice,
      holdings,
      authorized: licensed.map((l) => ({ licenseId: l.licenseId, quantity: l.record.quantity })),
    });
    if (plan.outcome === 'OLDER') {
      counts.skipped.olderAuthorizationCodes++;
      return;
    }
    const ids = new Map(holdings.map((h) => [h.licenseId, h.reservationId]));
    // The code states the terms of what it names (the last line wins for a repeated license).
    const terms = new Map(licensed.map((l) => [l.licenseId, l.record]));
    for (const [licenseId, record] of terms) {
      const id = ids.get(licenseId);
      if (id === undefined) ids.set(licenseId, await this.create(instance, licenseId, record));
      else await this.restate(id, record);
    }
    for (const change of plan.changes) {
      // Every change is of a license the code names or the device holds: both have an id now.
      const id = ids.get(change.licenseId);
      if (id === undefined) throw new Error(`no reservation of license ${change.licenseId}`);
      await this.event(id, change, code);
    }
  }

  /** Every reservation of the device with Σ of its trail and the day of its latest event. */
  private async holdingsOf(instanceId: number): Promise<Holding[]> {
    const { tx, names } = this.context;
    const rows = await tx
      .select({
        reservationId: reservations.id,
        licenseId: reservations.licenseId,
        held: sql<number>`coalesce(sum(${reservationEvents.quantityDelta}), 0)::bigint`.mapWith(
          Number,
        ),
        latest: sql<string | null>`max(${reservationEvents.occurredOn})::text`,
      })
      .from(reservations)
      .leftJoin(
        reservationEvents,
        and(
          eq(reservationEvents.smartAccountId, reservations.smartAccountId),
          eq(reservationEvents.reservationId, reservations.id),
        ),
      )
      .where(
        and(
          eq(reservations.smartAccountId, names.smartAccountId),
          eq(reservations.productInstanceId, instanceId),
        ),
      )
      .groupBy(reservations.id)
      .orderBy(reservations.licenseId);
    return rows;
  }

  private async create(
    instance: { id: number; virtualAccountId: number },
    licenseId: number,
    record: ReservationRecord,
  ): Promise<number> {
    const { tx, names, counts } = this.context;
    const row = inserted(
      await tx
        .insert(reservations)
        .values({
          smartAccountId: names.smartAccountId,
          virtualAccountId: instance.virtualAccountId,
          productInstanceId: instance.id,
          licenseId,
          reservationType: record.reservationType,
          ...termsOf(record),
        })
        .returning({ id: reservations.id }),
      'a reservation',
    );
    counts.created.reservations++;
    return row.id;
  }

  private async restate(id: number, record: ReservationRecord): Promise<void> {
    await this.context.tx.update(reservations).set(termsOf(record)).where(eq(reservations.id, id));
  }

  private async event(reservationId: number, change: AuthorizationChange, code: Code) {
    const { tx, names, counts } = this.context;
    await tx.insert(reservationEvents).values({
      smartAccountId: names.smartAccountId,
      reservationId,
      eventType: change.plan.eventType,
      quantityDelta: change.plan.quantityDelta,
      quantityAfter: change.plan.quantityAfter,
      fromProductInstanceId: change.plan.fromInstanceId,
      toProductInstanceId: change.plan.toInstanceId,
      occurredOn: code.issuedOn,
      actor: 'import',
      note: `SLR authorization code of ${code.issuedOn}`,
    });
    counts.created.reservationEvents++;
  }
}

const termsOf = (record: ReservationRecord) => ({
  authorizationCode: record.authorizationCode,
  licenseType: record.licenseType,
  startDate: record.startDate,
  endDate: record.endDate,
});
