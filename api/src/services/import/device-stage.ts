import { sql } from 'drizzle-orm';

import { openCopy, type CopySink, type Db } from '@trueup/db';

import { connectionBeforeStored } from '../../domain/index.js';
import type { DeviceUsageRecord, InstanceRecord } from '../../ingest/index.js';

import { ImportInputError } from './instance-batch.js';

/** The temporary table a devices file is copied into before the set-based apply. */
export const STAGE = 'import_device_stage';
const NULL_KEY = '\u0002';

/**
 * One staging row: an instance (`i`: its unique key, names still unresolved, the connection as
 * far as the file decides it) or a usage row (`u`: the device as the file identifies it).
 */
const STAGE_COLUMNS = [
  'seq',
  'kind',
  'va',
  'name',
  'pid',
  'serial',
  'host',
  'ptype',
  'mode',
  'rule',
  'sat',
  'status',
  'contact',
  'lkey',
  'lic',
  'tag',
  'qty',
  'd',
] as const;

const licenseKey = (name: string | null, tag: string | null) =>
  `${name ?? NULL_KEY}\u0001${tag ?? NULL_KEY}`;

/**
 * The staging side of a devices import: records become rows of a temporary table through
 * `COPY` (memory holds one chunk), in file order (`seq`). Nothing is resolved here: names are
 * resolved once per distinct name when the rows are applied (`device-apply.ts`).
 */
export class DeviceStage {
  private sink: CopySink | null = null;
  private seq = 0;

  constructor(
    private readonly tx: Db,
    private readonly defaultVirtualAccount: string | undefined,
    private readonly sourceSatellite: string | null,
  ) {}

  /** Creates (or empties) the staging table and opens the COPY into it. */
  async open(): Promise<void> {
    await this.tx.execute(
      sql.raw(`create temporary table if not exists ${STAGE} (
        seq bigint, kind char(1), va text, name text, pid text, serial text, host text,
        ptype text, mode text, rule text, sat text, status text, contact text, lkey text,
        lic text, tag text, qty int, d text) on commit drop`),
    );
    await this.tx.execute(sql.raw(`truncate ${STAGE}`));
    this.sink = await openCopy(this.tx, STAGE, STAGE_COLUMNS);
  }

  writeInstance(record: InstanceRecord): Promise<void> | undefined {
    return this.sinkOrThrow().write(this.instanceRow(record));
  }

  writeUsage(record: DeviceUsageRecord): Promise<void> | undefined {
    return this.sinkOrThrow().write(this.usageRow(record));
  }

  /** Ends the COPY (before any other statement on the connection); returns the rows staged. */
  async close(): Promise<number> {
    const sink = this.sink;
    this.sink = null;
    return sink ? await sink.end() : 0;
  }

  /** Cancels the COPY (an error mid-file): the transaction then rolls back. */
  async abort(error: Error): Promise<void> {
    await this.sink?.abort(error);
    this.sink = null;
  }

  private sinkOrThrow(): CopySink {
    if (!this.sink) throw new Error('DeviceStage: write before open');
    return this.sink;
  }

  private instanceRow(r: InstanceRecord) {
    const va = r.virtualAccount ?? this.defaultVirtualAccount;
    if (!va) {
      throw new ImportInputError(
        `the instance ${r.name} (line ${r.at.line}) names no Virtual Account and none was given: pass --virtual-account`,
      );
    }
    const connection = connectionBeforeStored({
      stated: r.connectionMode,
      satellite: r.satellite,
      sourceSatellite: this.sourceSatellite,
    });
    const fixed = 'mode' in connection;
    return [
      ++this.seq,
      'i',
      va,
      r.name,
      // Without a UDI the instance name is its identity (hostname-named products).
      r.udiPid ?? '',
      r.udiSerial ?? r.name,
      r.hostname,
      r.productType,
      fixed ? connection.mode : null,
      fixed ? 'FIXED' : connection.rule,
      fixed ? connection.satellite : null,
      r.status ?? 'ACTIVE',
      r.lastContactAt,
      null,
      null,
      null,
      null,
      null,
    ];
  }

  private usageRow(r: DeviceUsageRecord) {
    return [
      ++this.seq,
      'u',
      r.virtualAccount,
      r.instance.name,
      r.instance.udiPid,
      r.instance.udiSerial,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      licenseKey(r.license, r.entitlementTag),
      r.license,
      r.entitlementTag,
      r.quantity,
      r.asOf,
    ];
  }
}
