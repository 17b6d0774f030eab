import { sql } from 'drizzle-orm';

import { openCopy, type CopySink } from '@trueup/db';

import { connectionBeforeStored } from '../../domain/index.js';
import type { DeviceUsageRecord, IngestRecord, InstanceRecord } from '../../ingest/index.js';

import { INSTANCE_UPSERT } from './bulk-sql.js';
import { ImportInputError } from './instance-batch.js';
import type { WriteContext } from './record-writer.js';

const STAGE = 'import_device_stage';
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

/** Rows of a raw statement, whichever driver ran it (postgres.js: an array; PGlite: `.rows`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A JSON array of ids as either driver returns it (parsed, or as text). */
function jsonIds(value: unknown): number[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.map(Number) : [];
}

const licenseKey = (name: string | null, tag: string | null) =>
  `${name ?? NULL_KEY}\u0001${tag ?? NULL_KEY}`;

/**
 * Writes a devices file (product instances and their per-license usage) set-based: as the file
 * is read (and checked), its records stream through `COPY` into a temporary staging table
 * (memory holds one chunk), then a few statements resolve names to ids (through the `NameResolver`, once per
 * distinct name, so catalog and join rules apply as for any record), upsert the instances,
 * register devices known only from their usage, insert the usage rows and, for a RUM report,
 * move last contacts forward. Same rules as `InstanceBatch`, which writes devices met in
 * other files: a device listed twice keeps its last listing; the connection is
 * `resolveConnection` (the stored-dependent part applied in SQL, see `applyStored`).
 */
export class DeviceCopyWriter {
  private sink: CopySink | null = null;
  /** Rows staged by the ended COPY, not yet applied. */
  private staged = 0;
  private seq = 0;
  private sourceSatellite: string | null;
  /** The import run the applied rows belong to (known once the file has been read). */
  private importRunId = 0;
  /** Virtual Accounts whose position the applied rows change; null: possibly any. */
  private touched: Set<number> | null = new Set();

  /** Virtual Accounts whose position this file changed (after `finish`); null: possibly any. */
  touchedVirtualAccounts(): ReadonlySet<number> | null {
    return this.touched;
  }

  constructor(private readonly context: Omit<WriteContext, 'importRunId'>) {
    this.sourceSatellite = context.sourceSatellite;
  }

  /** Creates (or empties) the staging table and opens the COPY into it. */
  async open(): Promise<void> {
    const { tx } = this.context;
    await tx.execute(
      sql.raw(`create temporary table if not exists ${STAGE} (
        seq bigint, kind char(1), va text, name text, pid text, serial text, host text,
        ptype text, mode text, rule text, sat text, status text, contact text, lkey text,
        lic text, tag text, qty int, d text) on commit drop`),
    );
    await tx.execute(sql.raw(`truncate ${STAGE}`));
    this.sink = await openCopy(tx, STAGE, STAGE_COLUMNS);
  }

  write(record: IngestRecord): Promise<void> | undefined {
    const sink = this.sink;
    if (!sink) throw new Error('DeviceCopyWriter.write before open');
    if (record.kind === 'instance') return sink.write(this.instanceRow(record));
    if (record.kind === 'deviceUsage') return sink.write(this.usageRow(record));
    throw new Error(`a devices file yielded a ${record.kind} record`);
  }

  /** Cancels the COPY (an error mid-file): the transaction then rolls back. */
  async abort(error: Error): Promise<void> {
    await this.sink?.abort(error);
    this.sink = null;
  }

  private instanceRow(r: InstanceRecord) {
    const va = r.virtualAccount ?? this.context.defaultVirtualAccount;
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

  /**
   * Ends the COPY (the transaction's connection runs nothing else while it is open): after the
   * last record, before any other statement.
   */
  async close(): Promise<void> {
    const sink = this.sink;
    this.sink = null;
    if (sink) this.staged = await sink.end();
  }

  /** Writes nothing: the staged rows are dropped with the transaction. */
  async discard(): Promise<void> {
    await this.close();
    this.staged = 0;
  }

  /** Applies the staged rows (after `close`) as written by the import run `importRunId`. */
  async finish(importRunId: number): Promise<void> {
    await this.close();
    const { staged } = this;
    this.staged = 0;
    this.importRunId = importRunId;
    if (staged === 0) return;
    const { tx } = this.context;
    await tx.execute(sql.raw(`analyze ${STAGE}`));
    const ids = await this.resolveNames();
    const checksSkipped = await this.skipForeignKeyChecks();
    await this.upsertInstances(ids);
    await this.registerUsageOnlyDevices(ids);
    await this.insertUsage(ids);
    if (checksSkipped) await tx.execute(sql`set local session_replication_role = origin`);
    if (this.context.usageSource === 'RUM_REPORT') await this.advanceLastContact();
  }

  /**
   * Per-row foreign-key checks cost most of a set-based insert (five lookups and row locks per
   * usage row: measured 13 s of 18 s for 200k rows). Every id these statements write comes from
   * a join on rows of this account that this transaction resolved or wrote (instances, Virtual
   * Accounts, licenses, satellites, the import run), under the ledger lock, and those rows are
   * deleted only with their whole account, whose row is held here (`for key share`, as a check
   * would) until commit. So, when allowed to (superuser, always on PGlite), the checks are
   * skipped for these statements (`session_replication_role = replica`, as `removeSmartAccount`
   * does; the tables written have no other triggers); otherwise they run.
   */
  private async skipForeignKeyChecks(): Promise<boolean> {
    const sa = this.context.names.smartAccountId;
    await this.context.tx.execute(sql`select 1 from smart_accounts where id = ${sa} for key share`);
    const [role] = await this.rows<{ superuser: string }>(
      sql`select current_setting('is_superuser') as superuser`,
    );
    if (role?.superuser !== 'on') return false;
    await this.context.tx.execute(sql`set local session_replication_role = replica`);
    return true;
  }

  private async rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    return rowsOf<T>(await this.context.tx.execute(query));
  }

  /**
   * Every distinct Virtual Account, satellite and license the file names, resolved (or created)
   * in file order through the `NameResolver`, into small temporary tables to join against.
   */
  private async resolveNames(): Promise<{ va: string; sat: string; lic: string }> {
    const { tx, names } = this.context;
    const vaNames = await this.rows<{ va: string }>(
      sql.raw(`select va from ${STAGE} where va is not null group by va order by min(seq)`),
    );
    const satNames = await this.rows<{ sat: string }>(
      sql.raw(`select sat from ${STAGE} where sat is not null group by sat order by min(seq)`),
    );
    const licenseKeys = await this.rows<{ lkey: string; lic: string | null; tag: string | null }>(
      sql.raw(
        `select lkey, min(lic) as lic, min(tag) as tag from ${STAGE} where kind = 'u'
         group by lkey order by min(seq)`,
      ),
    );
    const vaIds: number[] = [];
    for (const { va } of vaNames) vaIds.push(await names.virtualAccount(va));
    const satIds: number[] = [];
    for (const { sat } of satNames) satIds.push(await names.satellite(sat));
    const licIds: number[] = [];
    for (const { lic, tag } of licenseKeys) licIds.push(await names.license(lic, tag));
    const table = async (name: string, keys: string[], ids: number[]) => {
      await tx.execute(
        sql.raw(
          `create temporary table if not exists ${name} (key text primary key, id bigint) on commit drop`,
        ),
      );
      await tx.execute(sql.raw(`truncate ${name}`));
      if (keys.length > 0)
        await tx.execute(
          sql`insert into ${sql.raw(name)} (key, id) select * from unnest(${sql.param(keys)}::text[], ${sql.param(ids)}::bigint[])`,
        );
      return name;
    };
    return {
      va: await table(
        'import_stage_va',
        vaNames.map((r) => r.va),
        vaIds,
      ),
      sat: await table(
        'import_stage_sat',
        satNames.map((r) => r.sat),
        satIds,
      ),
      lic: await table(
        'import_stage_lic',
        licenseKeys.map((r) => r.lkey),
        licIds,
      ),
    };
  }

  /**
   * One upsert of the file's instances (each device's last listing), keyed by (account, UDI PID,
   * serial); the connection a row leaves to the stored one is applied as `applyStored` says.
   */
  private async upsertInstances(ids: { va: string; sat: string }): Promise<void> {
    const { names, counts } = this.context;
    const { importRunId } = this;
    const sa = names.smartAccountId;
    const [result] = await this.rows<{
      created: number | string;
      updated: number | string;
      plr_changes: number | string;
    }>(sql`
      with latest as (
        select distinct on (pid, serial) * from ${sql.raw(STAGE)} where kind = 'i'
        order by pid, serial, seq desc
      ), resolved as (
        select l.*, va.id as va_id, sat.id as sat_id,
          p.connection_mode::text as stored_mode, p.satellite_id as stored_sat
        from latest l
        join ${sql.raw(ids.va)} va on va.key = l.va
        left join ${sql.raw(ids.sat)} sat on sat.key = l.sat
        left join product_instances p
          on p.smart_account_id = ${sa} and p.udi_pid = l.pid and p.udi_serial = l.serial
      ), written as (
        insert into product_instances as p (smart_account_id, virtual_account_id, name, udi_pid,
          udi_serial, hostname, product_type, connection_mode, status, last_contact_at,
          satellite_id, import_run_id)
        select ${sa}, r.va_id, r.name, r.pid, r.serial, r.host, r.ptype,
          (case r.rule
            when 'FIXED' then r.mode
            when 'KEEP_SATELLITE' then 'ON_PREM'
            when 'ON_PREM_ELSE_DIRECT' then
              case when r.stored_mode = 'ON_PREM' then 'ON_PREM' else 'DIRECT_CLOUD' end
            else coalesce(r.stored_mode, 'DIRECT_CLOUD') end)::connection_mode,
          r.status::instance_status, r.contact::timestamptz,
          case r.rule
            when 'FIXED' then r.sat_id
            when 'ON_PREM_ELSE_DIRECT' then
              case when r.stored_mode = 'ON_PREM' then r.stored_sat end
            else r.stored_sat end,
          ${importRunId}
        from resolved r
        ${INSTANCE_UPSERT}
        returning (p.xmax = 0) as inserted
      )
      select count(*) filter (where inserted) as created, count(*) filter (where not inserted) as updated,
        (select count(*) from resolved r where r.stored_mode is not null
          and (r.stored_mode = 'PLR') <> ((r.rule = 'FIXED' and r.mode = 'PLR')
            or (r.rule not in ('FIXED', 'KEEP_SATELLITE', 'ON_PREM_ELSE_DIRECT') and r.stored_mode = 'PLR'))
        ) as plr_changes
      from written`);
    counts.created.productInstances += Number(result?.created ?? 0);
    counts.updated.productInstances += Number(result?.updated ?? 0);
    // A device becoming PLR (or ceasing to be) changes what its usage counts in every Virtual
    // Account that holds its reports: the whole account's kept position is recomputed.
    if (Number(result?.plr_changes ?? 0) > 0) this.touched = null;
  }

  /**
   * Devices a usage row identifies by UDI that are not registered: registered from their
   * first usage row's Virtual Account (else the import's), connected as the import's source
   * says (`resolveConnection` with nothing stated or stored).
   */
  private async registerUsageOnlyDevices(ids: { va: string; sat: string }): Promise<void> {
    const { names, counts, defaultVirtualAccount } = this.context;
    const { importRunId } = this;
    const sa = names.smartAccountId;
    const missing = sql`
      select distinct on (u.pid, u.serial) u.pid, u.serial, u.va
      from ${sql.raw(STAGE)} u
      left join product_instances p
        on p.smart_account_id = ${sa} and p.udi_pid = u.pid and p.udi_serial = u.serial
      where u.kind = 'u' and u.pid is not null and u.serial is not null and p.id is null
      order by u.pid, u.serial, u.seq`;
    const [unnamed] = await this.rows<{ pid: string; serial: string }>(
      sql`select pid, serial from (${missing}) m where va is null limit 1`,
    );
    if (unnamed && !defaultVirtualAccount) {
      throw new ImportInputError(
        `the device ${unnamed.pid} ${unnamed.serial} is not registered and the file names no Virtual Account: pass --virtual-account`,
      );
    }
    if (unnamed && defaultVirtualAccount) {
      const id = await names.virtualAccount(defaultVirtualAccount);
      await this.context.tx.execute(
        sql`insert into ${sql.raw(ids.va)} (key, id) values (${defaultVirtualAccount}, ${id}) on conflict do nothing`,
      );
    }
    const connection = connectionBeforeStored({
      stated: null,
      satellite: null,
      sourceSatellite: this.sourceSatellite,
    });
    // With nothing stated or stored, the rule's answer is its default for a new device.
    const mode = 'mode' in connection ? connection.mode : 'DIRECT_CLOUD';
    const satellite =
      'mode' in connection && connection.satellite !== null
        ? await names.satellite(connection.satellite)
        : null;
    const [result] = await this.rows<{ created: number | string }>(sql`
      with written as (
        insert into product_instances (smart_account_id, virtual_account_id, name, udi_pid,
          udi_serial, connection_mode, satellite_id, import_run_id)
        select ${sa}, va.id, 'UDI_PID:' || m.pid || '; UDI_SN:' || m.serial || '; ', m.pid,
          m.serial, ${mode}::connection_mode, ${satellite}::bigint, ${importRunId}
        from (${missing}) m
        join ${sql.raw(ids.va)} va on va.key = coalesce(m.va, ${defaultVirtualAccount ?? null}::text)
        returning 1
      ) select count(*) as created from written`);
    counts.created.productInstances += Number(result?.created ?? 0);
  }

  /**
   * The usage rows, each bound to its device (by UDI, else by the name of a device without
   * one: its identity) and to the Virtual Account it names, else its device's. A row whose
   * device cannot be identified is left out (the parser reported it).
   */
  private async insertUsage(ids: { va: string; lic: string }): Promise<void> {
    const { names, counts, usageSource, asOf } = this.context;
    const { importRunId } = this;
    const sa = names.smartAccountId;
    const [result] = await this.rows<{
      inserted: number | string;
      vas: unknown;
      left_vas: unknown;
    }>(sql`
      with written as (
        insert into usage_reports (smart_account_id, virtual_account_id, license_id,
          product_instance_id, quantity, source, as_of, import_run_id)
        select ${sa}, coalesce(va.id, p.virtual_account_id), lic.id, p.id, u.qty,
          ${usageSource}::usage_source, coalesce(u.d, ${asOf})::date, ${importRunId}
        from ${sql.raw(STAGE)} u
        join product_instances p on p.smart_account_id = ${sa}
          and p.udi_pid = case when u.pid is not null and u.serial is not null then u.pid else '' end
          and p.udi_serial = case when u.pid is not null and u.serial is not null then u.serial else u.name end
        join ${sql.raw(ids.lic)} lic on lic.key = u.lkey
        left join ${sql.raw(ids.va)} va on va.key = u.va
        where u.kind = 'u'
        returning virtual_account_id, product_instance_id
      ) select count(*) as inserted,
          coalesce(json_agg(distinct virtual_account_id), '[]'::json) as vas,
          (select coalesce(json_agg(distinct o.virtual_account_id), '[]'::json)
            from usage_reports o
            where o.smart_account_id = ${sa}
              and o.product_instance_id in (select product_instance_id from written)) as left_vas
        from written`);
    counts.created.usageReports += Number(result?.inserted ?? 0);
    for (const va of jsonIds(result?.vas)) this.touched?.add(va);
    // The statement reads usage_reports as it was before its insert: the Virtual Accounts
    // that held these devices' earlier reports. A device that moved leaves one of them.
    for (const va of jsonIds(result?.left_vas)) this.touched?.add(va);
  }

  /** A RUM report is the device's own measurement: its date is the device's last contact. */
  private async advanceLastContact(): Promise<void> {
    const sa = this.context.names.smartAccountId;
    await this.context.tx.execute(sql`
      update product_instances as p
      set last_contact_at = greatest(p.last_contact_at, t.d::date::timestamp at time zone 'UTC')
      from (
        select p2.id, max(u.d) as d
        from ${sql.raw(STAGE)} u
        join product_instances p2 on p2.smart_account_id = ${sa}
          and p2.udi_pid = case when u.pid is not null and u.serial is not null then u.pid else '' end
          and p2.udi_serial = case when u.pid is not null and u.serial is not null then u.serial else u.name end
        where u.kind = 'u' and u.d is not null
        group by p2.id
      ) t
      where p.id = t.id`);
  }
}
