import { sql } from 'drizzle-orm';

import { openCopy, type CopySink, type Db } from '@trueup/db';

import { connectionBeforeStored } from '../../domain/index.js';
import type { DeviceUsageRecord, InstanceRecord } from '../../ingest/index.js';

import { ImportInputError } from './instance-batch.js';

/** The temporary table a devices file is copied into before the set-based apply. */
export const STAGE = 'import_device_stage';
const NULL_KEY = '\u0002';
const licenseKey = (name: string | null, tag: string | null) =>
  `${name ?? NULL_KEY}\u0001${tag ?? NULL_KEY}`;

/**
 * One staging row: an instance (`i`: its unique key, the connection as far as the file decides
 * it) or a usage row (`u`: the device as the file identifies it; its name only when it has no
 * UDI). Virtual Accounts, satellites and licenses are numbers: their index in the file's list of
 * distinct names (`StagedNames`), resolved to ids once per name when the rows are applied.
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
  'lic',
  'qty',
  'd',
] as const;

/** The distinct names a staged file uses, in the order the file first uses them. */
export interface StagedNames {
  readonly virtualAccounts: readonly string[];
  readonly satellites: readonly string[];
  readonly licenses: readonly { readonly name: string | null; readonly tag: string | null }[];
}

/** Indexes of distinct keys in first-use order (a file names few: memory stays flat). */
class KeyIndex<T> {
  private readonly index = new Map<string, number>();
  readonly values: T[] = [];
  of(key: string, value: T): number {
    let ix = this.index.get(key);
    if (ix === undefined) {
      ix = this.values.push(value) - 1;
      this.index.set(key, ix);
    }
    return ix;
  }
}

/**
 * The staging side of a devices import: records become rows of a temporary table through
 * `COPY` (memory holds one chunk), in file order (`seq`). Nothing is resolved here: names are
 * resolved once per distinct name when the rows are applied (`device-apply.ts`).
 */
export class DeviceStage {
  private sink: CopySink | null = null;
  private seq = 0;
  private readonly vas = new KeyIndex<string>();
  private readonly sats = new KeyIndex<string>();
  private readonly licenses = new KeyIndex<{ name: string | null; tag: string | null }>();

  /** The distinct names of the rows staged so far. */
  names(): StagedNames {
    return {
      virtualAccounts: this.vas.values,
      satellites: this.sats.values,
      licenses: this.licenses.values,
    };
  }

  constructor(
    private readonly tx: Db,
    private readonly defaultVirtualAccount: string | undefined,
    private readonly sourceSatellite: string | null,
  ) {}

  /** Creates (or empties) the staging table and opens the COPY into it. */
  async open(): Promise<void> {
    await this.tx.execute(
      sql.raw(`create temporary table if not exists ${STAGE} (
        seq bigint, kind char(1), va int, name text, pid text, serial text, host text,
        ptype text, mode text, rule text, sat int, status text, contact text, lic int,
        qty int, d text) on commit drop`),
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
    const satellite = fixed ? connection.satellite : null;
    return [
      ++this.seq,
      'i',
      this.vas.of(va, va),
      r.name,
      // Without a UDI the instance name is its identity (hostname-named products).
      r.udiPid ?? '',
      r.udiSerial ?? r.name,
      r.hostname,
      r.productType,
      fixed ? connection.mode : null,
      fixed ? 'FIXED' : connection.rule,
      satellite === null ? null : this.sats.of(satellite, satellite),
      r.status ?? 'ACTIVE',
      r.lastContactAt,
      null,
      null,
      null,
    ];
  }

  private usageRow(r: DeviceUsageRecord) {
    const { udiPid, udiSerial } = r.instance;
    const va = r.virtualAccount;
    const license = { name: r.license, tag: r.entitlementTag };
    return [
      ++this.seq,
      'u',
      va === null ? null : this.vas.of(va, va),
      // The name identifies only a device without a UDI.
      udiPid === null || udiSerial === null ? r.instance.name : null,
      udiPid,
      udiSerial,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      this.licenses.of(licenseKey(license.name, license.tag), license),
      r.quantity,
      r.asOf,
    ];
  }
}
