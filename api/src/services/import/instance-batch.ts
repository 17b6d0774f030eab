import { and, eq, inArray } from 'drizzle-orm';

import { productInstances } from '@trueup/db';

import { resolveConnection, type Connection, type ConnectionMode } from '../../domain/index.js';
import type { DeviceUsageRecord, InstanceRecord, ReservationRecord } from '../../ingest/index.js';

import {
  advanceLastContact,
  insertUsageRows,
  storedConnections,
  upsertInstanceRows,
  type InstanceRow,
  type UsageRow,
} from './bulk-sql.js';
import type { WriteContext } from './record-writer.js';
import { inserted } from './returning.js';

const BATCH = 2000;

type InstanceKey = string;
const udiKey = (pid: string | null, serial: string | null, name: string | null): InstanceKey =>
  pid && serial ? `udi:${pid}\u0000${serial}` : `name:${name ?? ''}`;
/** A stored row's identity, its unique key: (UDI PID or '', serial or name). */
const rowKey = (pid: string, serial: string): string => `${pid}\u0000${serial}`;

/**
 * Product instances and their per-license usage, written in batches of a few thousand rows
 * (one upsert per batch, one insert of usage rows), so a million-row export is a few hundred
 * statements inside the import's transaction rather than a million.
 */
export class InstanceBatch {
  private instances: InstanceRecord[] = [];
  private usage: DeviceUsageRecord[] = [];

  constructor(private readonly context: WriteContext) {}

  async add(record: InstanceRecord | DeviceUsageRecord): Promise<void> {
    if (record.kind === 'instance') this.instances.push(record);
    else this.usage.push(record);
    if (this.instances.length + this.usage.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const instances = this.instances;
    const usage = this.usage;
    this.instances = [];
    this.usage = [];
    const ids = await this.upsertInstances(instances);
    await this.insertUsage(usage, ids);
  }

  private async upsertInstances(
    records: InstanceRecord[],
  ): Promise<Map<InstanceKey, { id: number; virtualAccountId: number }>> {
    const { tx, names, counts } = this.context;
    const sa = names.smartAccountId;
    const result = new Map<InstanceKey, { id: number; virtualAccountId: number }>();
    if (records.length === 0) return result;
    // One row per device: a device listed twice in a batch (e.g. under two Virtual Accounts)
    // keeps its last listing, as a re-registration would; an upsert cannot touch a row twice.
    const latest = new Map(records.map((r) => [udiKey(r.udiPid, r.udiSerial, r.name), r]));
    const stored = await this.storedConnections([...latest.values()]);
    const sourceSatellite = await this.sourceSatelliteId();
    const rows: InstanceRow[] = [];
    for (const r of latest.values()) {
      const vaName = r.virtualAccount ?? this.context.defaultVirtualAccount;
      if (!vaName) {
        throw new ImportInputError(
          `the instance ${r.name} (line ${r.at.line}) names no Virtual Account and none was given: pass --virtual-account`,
          'virtualAccount',
        );
      }
      const connection = resolveConnection({
        stated: r.connectionMode,
        satellite: r.satellite ? await names.satellite(r.satellite) : null,
        sourceSatellite,
        stored: stored.get(rowKey(r.udiPid ?? '', r.udiSerial ?? r.name)) ?? null,
      });
      rows.push({
        virtualAccountId: await names.virtualAccount(vaName),
        name: r.name,
        // Without a UDI the instance name is its identity (hostname-named products).
        udiPid: r.udiPid ?? '',
        udiSerial: r.udiSerial ?? r.name,
        hostname: r.hostname,
        productType: r.productType,
        connectionMode: connection.mode,
        status: r.status ?? 'ACTIVE',
        lastContactAt: r.lastContactAt,
        satelliteId: connection.satellite,
      });
    }
    const written = await upsertInstanceRows(
      tx,
      { smartAccountId: sa, importRunId: this.context.importRunId },
      rows,
    );
    for (const w of written) {
      if (w.inserted) counts.created.productInstances++;
      else counts.updated.productInstances++;
      const value = { id: w.id, virtualAccountId: w.virtualAccountId };
      result.set(
        w.udiPid ? udiKey(w.udiPid, w.udiSerial, w.name) : udiKey(null, null, w.name),
        value,
      );
    }
    return result;
  }

  /** The stored connection of the devices of a batch that are already registered, by key. */
  private async storedConnections(
    records: readonly InstanceRecord[],
  ): Promise<Map<string, Connection<number>>> {
    const keys = records.map((r) => ({ udiPid: r.udiPid ?? '', udiSerial: r.udiSerial ?? r.name }));
    const found = await storedConnections(this.context.tx, this.context.names.smartAccountId, keys);
    return new Map(
      found.map((f) => [rowKey(f.udiPid, f.udiSerial), { mode: f.mode, satellite: f.satelliteId }]),
    );
  }

  /** The satellite of an `onprem:<host>` import (null for a cloud one). */
  private async sourceSatelliteId(): Promise<number | null> {
    const host = this.context.sourceSatellite;
    return host === null ? null : this.context.names.satellite(host);
  }

  /** Usage rows, each bound to its instance (from this batch or already in the database). */
  private async insertUsage(
    records: DeviceUsageRecord[],
    known: Map<InstanceKey, { id: number; virtualAccountId: number }>,
  ): Promise<void> {
    if (records.length === 0) return;
    const { tx, names, counts, asOf, importRunId, usageSource } = this.context;
    const sa = names.smartAccountId;
    const missing = records.filter(
      (r) => !known.has(udiKey(r.instance.udiPid, r.instance.udiSerial, r.instance.name)),
    );
    const serials = [...new Set(missing.map((r) => r.instance.udiSerial ?? r.instance.name ?? ''))];
    if (serials.length > 0) {
      const found = await tx
        .select({
          id: productInstances.id,
          va: productInstances.virtualAccountId,
          pid: productInstances.udiPid,
          serial: productInstances.udiSerial,
          name: productInstances.name,
        })
        .from(productInstances)
        .where(
          and(
            eq(productInstances.smartAccountId, sa),
            inArray(productInstances.udiSerial, serials),
          ),
        );
      for (const f of found)
        known.set(f.pid ? udiKey(f.pid, f.serial, f.name) : udiKey(null, null, f.name), {
          id: f.id,
          virtualAccountId: f.va,
        });
    }
    const rows: UsageRow[] = [];
    const contacts = new Map<number, string>();
    for (const r of records) {
      let instance = known.get(udiKey(r.instance.udiPid, r.instance.udiSerial, r.instance.name));
      if (!instance && r.instance.udiPid && r.instance.udiSerial) {
        // Known only from its usage: connected as the import's source says.
        const connection = resolveConnection({
          stated: null,
          satellite: null,
          sourceSatellite: await this.sourceSatelliteId(),
          stored: null,
        });
        instance = await this.ensure(
          r.instance.udiPid,
          r.instance.udiSerial,
          r.virtualAccount,
          connection.mode,
          connection.satellite,
        );
        known.set(udiKey(r.instance.udiPid, r.instance.udiSerial, null), instance);
      }
      if (!instance) continue; // a usage row for a device we cannot identify is reported by the parser
      // A RUM report is the device's own measurement: its date is the device's last contact.
      if (usageSource === 'RUM_REPORT' && r.asOf !== null) {
        const previous = contacts.get(instance.id);
        if (previous === undefined || r.asOf > previous) contacts.set(instance.id, r.asOf);
      }
      rows.push({
        virtualAccountId: r.virtualAccount
          ? await names.virtualAccount(r.virtualAccount)
          : instance.virtualAccountId,
        licenseId: await names.license(r.license, r.entitlementTag),
        productInstanceId: instance.id,
        quantity: r.quantity,
        asOf: r.asOf ?? asOf,
      });
    }
    if (rows.length > 0) {
      await insertUsageRows(tx, { smartAccountId: sa, importRunId, source: usageSource }, rows);
    }
    if (contacts.size > 0) await advanceLastContact(tx, sa, contacts);
    counts.created.usageReports += rows.length;
  }

  /** The instance an SLR/PLR reservation sits on, registered as such when first seen. */
  async ensureReservedInstance(
    record: Pick<ReservationRecord, 'instance' | 'reservationType'>,
  ): Promise<{ id: number; virtualAccountId: number }> {
    await this.flush();
    return this.ensure(
      record.instance.udiPid,
      record.instance.udiSerial,
      null,
      record.reservationType,
      null,
    );
  }

  private async ensure(
    udiPid: string,
    udiSerial: string,
    virtualAccount: string | null,
    mode: ConnectionMode,
    satelliteId: number | null,
  ) {
    const { tx, names, counts } = this.context;
    const sa = names.smartAccountId;
    const [found] = await tx
      .select({ id: productInstances.id, virtualAccountId: productInstances.virtualAccountId })
      .from(productInstances)
      .where(
        and(
          eq(productInstances.smartAccountId, sa),
          eq(productInstances.udiPid, udiPid),
          eq(productInstances.udiSerial, udiSerial),
        ),
      );
    if (found) {
      if (mode === 'SLR' || mode === 'PLR')
        await tx
          .update(productInstances)
          .set({ connectionMode: mode })
          .where(eq(productInstances.id, found.id));
      return found;
    }
    const vaName = virtualAccount ?? this.context.defaultVirtualAccount;
    if (!vaName)
      throw new ImportInputError(
        `the device ${udiPid} ${udiSerial} is not registered and the file names no Virtual Account: pass --virtual-account`,
        'virtualAccount',
      );
    const created = inserted(
      await tx
        .insert(productInstances)
        .values({
          smartAccountId: sa,
          virtualAccountId: await names.virtualAccount(vaName),
          name: `UDI_PID:${udiPid}; UDI_SN:${udiSerial}; `,
          udiPid,
          udiSerial,
          connectionMode: mode,
          satelliteId,
          importRunId: this.context.importRunId,
        })
        .returning({
          id: productInstances.id,
          virtualAccountId: productInstances.virtualAccountId,
        }),
      'a product instance',
    );
    counts.created.productInstances++;
    return created;
  }
}

/** An import that cannot proceed for a reason the user can fix (not a file-content issue). */
export class ImportInputError extends Error {
  readonly code = 'IMPORT_INPUT';
  /** The import input at fault (importData's input field), when one is. */
  constructor(
    message: string,
    readonly field: 'sourceSystem' | 'virtualAccount' | null = null,
  ) {
    super(message);
  }
}
