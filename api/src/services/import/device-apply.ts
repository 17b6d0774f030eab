import { sql, type SQL } from 'drizzle-orm';

import { connectionBeforeStored } from '../../domain/index.js';

import { STAGE, type StagedNames } from './device-stage.js';
import { ImportInputError } from './instance-batch.js';
import type { WriteContext } from './record-writer.js';
import { tracePhase } from './trace.js';

/** Rows of a raw statement, whichever driver ran it (postgres.js: an array; PGlite: `.rows`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A JSON array of ids as either driver returns it (parsed, or as text). */
function jsonIds(value: unknown): number[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.map(Number) : [];
}

/** The small temporary tables that map the file's names to ids. */
const VA_IDS = 'import_stage_va';
const SAT_IDS = 'import_stage_sat';
const LIC_IDS = 'import_stage_lic';
const MISSING = 'import_stage_missing';
/** The index of the import's default Virtual Account in the VA map (staged names are ≥ 0). */
const DEFAULT_VA = -1;

/** The device a staged row `u` identifies: by UDI, else by its name (a device without one). */
const deviceOf = (u: string, p: string) =>
  sql.raw(`${p}.udi_pid = case when ${u}.pid is not null and ${u}.serial is not null then ${u}.pid else '' end
    and ${p}.udi_serial = case when ${u}.pid is not null and ${u}.serial is not null then ${u}.serial else ${u}.name end`);

/**
 * Applies the rows a devices file staged (`device-stage.ts`) set-based, as written by the
 * import run `importRunId`: resolves each distinct name once (through the `NameResolver`, so
 * catalog and join rules apply as for any record), upserts the instances, registers devices
 * known only from their usage, inserts the usage rows and, for a RUM report, moves last
 * contacts forward. Same rules as `InstanceBatch`, which writes devices met in other files: a
 * device listed twice keeps its last listing; the connection is `resolveConnection` (the
 * stored-dependent part applied in SQL). Returns the Virtual Accounts whose position changed
 * (null: possibly any).
 */
export async function applyStagedDevices(
  context: Omit<WriteContext, 'importRunId'>,
  importRunId: number,
  names: StagedNames,
): Promise<Set<number> | null> {
  const apply = new StagedApply(context, importRunId, names);
  return apply.run();
}

class StagedApply {
  private touched: Set<number> | null = new Set();

  constructor(
    private readonly context: Omit<WriteContext, 'importRunId'>,
    private readonly importRunId: number,
    private readonly names: StagedNames,
  ) {}

  private get sa(): number {
    return this.context.names.smartAccountId;
  }

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.context.tx.execute(query));
  }

  private async exec(query: SQL): Promise<void> {
    await this.context.tx.execute(query);
  }

  async run(): Promise<Set<number> | null> {
    tracePhase('read and COPY to staging');
    // Whole-file sorts and hashes (a million rows) run in memory; the setting ends with this
    // apply.
    await this.exec(sql`set local work_mem = '64MB'`);
    await this.exec(sql.raw(`analyze ${STAGE}`));
    await this.resolveNames();
    tracePhase('resolve names');
    const checksSkipped = await this.skipForeignKeyChecks();
    await this.upsertInstances();
    tracePhase('upsert instances');
    // The joins of every usage row to the instances just written run as hash joins: the
    // planner's row estimate for those instances is stale (none), and the nested loops it would
    // choose cost minutes for a million rows.
    await this.exec(sql`set local enable_nestloop = off`);
    await this.registerUsageOnlyDevices();
    tracePhase('register usage-only devices');
    await this.insertUsage();
    tracePhase('insert usage');
    await this.exec(sql`set local enable_nestloop to default`);
    if (checksSkipped) await this.exec(sql`set local session_replication_role = origin`);
    if (this.context.usageSource === 'RUM_REPORT') await this.advanceLastContact();
    await this.exec(sql`set local work_mem to default`);
    return this.touched;
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
    await this.exec(sql`select 1 from smart_accounts where id = ${this.sa} for key share`);
    const [role] = await this.rows<{ superuser: string }>(
      sql`select current_setting('is_superuser') as superuser`,
    );
    if (role?.superuser !== 'on') return false;
    await this.exec(sql`set local session_replication_role = replica`);
    return true;
  }

  /**
   * Every distinct Virtual Account, satellite and license the file names (listed while it was
   * staged), resolved (or created) in file order through the `NameResolver`, into small
   * temporary tables that map the staged indexes to ids.
   */
  private async resolveNames(): Promise<void> {
    const { names } = this.context;
    const staged = this.names;
    const vaIds: number[] = [];
    for (const va of staged.virtualAccounts) vaIds.push(await names.virtualAccount(va));
    const satIds: number[] = [];
    for (const sat of staged.satellites) satIds.push(await names.satellite(sat));
    const licIds: number[] = [];
    for (const { name, tag } of staged.licenses) licIds.push(await names.license(name, tag));
    for (const [table, ids] of [
      [VA_IDS, vaIds],
      [SAT_IDS, satIds],
      [LIC_IDS, licIds],
    ] as const) {
      await this.exec(
        sql.raw(
          `create temporary table if not exists ${table} (ix int primary key, id bigint) on commit drop`,
        ),
      );
      await this.exec(sql.raw(`truncate ${table}`));
      if (ids.length > 0)
        await this.exec(
          sql`insert into ${sql.raw(table)} (ix, id)
              select ord - 1, id from unnest(${sql.param(ids)}::bigint[]) with ordinality as t(id, ord)`,
        );
    }
  }

  /**
   * The file's instances (each device's last listing), keyed by (account, UDI PID, serial): the
   * new ones inserted, the known ones updated as `INSTANCE_UPSERT` (bulk-sql.ts) updates them
   * (a plain insert costs a quarter less than `on conflict`; the ledger lock keeps anyone else
   * from adding them meanwhile). The connection a row leaves to the stored one is applied as
   * `applyStored` says.
   */
  private async upsertInstances(): Promise<void> {
    const { counts } = this.context;
    const { sa, importRunId } = this;
    const [result] = await this.rows<{
      created: number | string;
      updated: number | string;
      plr_changes: number | string;
    }>(sql`
      with latest as (
        select distinct on (pid, serial) * from ${sql.raw(STAGE)} where kind = 'i'
        order by pid, serial, seq desc
      ), stored as (
        select l.*, va.id as va_id, sat.id as sat_id, p.id as stored_id,
          p.connection_mode::text as stored_mode, p.satellite_id as stored_sat
        from latest l
        join ${sql.raw(VA_IDS)} va on va.ix = l.va
        left join ${sql.raw(SAT_IDS)} sat on sat.ix = l.sat
        left join product_instances p
          on p.smart_account_id = ${sa} and p.udi_pid = l.pid and p.udi_serial = l.serial
      ), resolved as (
        select r.*,
          (case r.rule
            when 'FIXED' then r.mode
            when 'KEEP_SATELLITE' then 'ON_PREM'
            when 'ON_PREM_ELSE_DIRECT' then
              case when r.stored_mode = 'ON_PREM' then 'ON_PREM' else 'DIRECT_CLOUD' end
            else coalesce(r.stored_mode, 'DIRECT_CLOUD') end)::connection_mode as new_mode,
          case r.rule
            when 'FIXED' then r.sat_id
            when 'ON_PREM_ELSE_DIRECT' then
              case when r.stored_mode = 'ON_PREM' then r.stored_sat end
            else r.stored_sat end as new_sat
        from stored r
      ), inserted as (
        insert into product_instances (smart_account_id, virtual_account_id, name, udi_pid,
          udi_serial, hostname, product_type, connection_mode, status, last_contact_at,
          satellite_id, import_run_id)
        select ${sa}, r.va_id, r.name, r.pid, r.serial, r.host, r.ptype, r.new_mode,
          r.status::instance_status, r.contact::timestamptz, r.new_sat, ${importRunId}
        from resolved r where r.stored_id is null
        returning 1
      ), updated as (
        update product_instances as p set
          virtual_account_id = r.va_id,
          name = r.name,
          hostname = coalesce(r.host, p.hostname),
          product_type = coalesce(r.ptype, p.product_type),
          connection_mode = r.new_mode,
          status = r.status::instance_status,
          last_contact_at = greatest(r.contact::timestamptz, p.last_contact_at),
          satellite_id = r.new_sat,
          import_run_id = ${importRunId}
        from resolved r where p.smart_account_id = ${sa} and p.id = r.stored_id
        returning 1
      )
      select (select count(*) from inserted) as created, (select count(*) from updated) as updated,
        (select count(*) from resolved r where r.stored_mode is not null
          and (r.stored_mode = 'PLR') <> (r.new_mode = 'PLR')) as plr_changes`);
    counts.created.productInstances += Number(result?.created ?? 0);
    counts.updated.productInstances += Number(result?.updated ?? 0);
    // A device becoming PLR (or ceasing to be) changes what its usage counts in every Virtual
    // Account that holds its reports: the whole account's kept position is recomputed.
    if (Number(result?.plr_changes ?? 0) > 0) this.touched = null;
  }

  /**
   * Devices a usage row identifies by UDI that are not registered: registered from their
   * first usage row's Virtual Account (else the import's), connected as the import's source
   * says (`resolveConnection` with nothing stated or stored). One pass over the staged rows
   * finds them (usually none).
   */
  private async registerUsageOnlyDevices(): Promise<void> {
    const { names, counts, defaultVirtualAccount, sourceSatellite } = this.context;
    const { sa, importRunId } = this;
    await this.exec(sql.raw(`drop table if exists ${MISSING}`));
    await this.exec(sql`
      create temporary table ${sql.raw(MISSING)} on commit drop as
      select distinct on (u.pid, u.serial) u.pid, u.serial, u.va
      from ${sql.raw(STAGE)} u
      left join product_instances p
        on p.smart_account_id = ${sa} and p.udi_pid = u.pid and p.udi_serial = u.serial
      where u.kind = 'u' and u.pid is not null and u.serial is not null and p.id is null
      order by u.pid, u.serial, u.seq`);
    const [unnamed] = await this.rows<{ pid: string; serial: string }>(
      sql.raw(`select pid, serial from ${MISSING} where va is null limit 1`),
    );
    if (unnamed && !defaultVirtualAccount) {
      throw new ImportInputError(
        `the device ${unnamed.pid} ${unnamed.serial} is not registered and the file names no Virtual Account: pass --virtual-account`,
      );
    }
    if (unnamed && defaultVirtualAccount) {
      const id = await names.virtualAccount(defaultVirtualAccount);
      await this.exec(sql`insert into ${sql.raw(VA_IDS)} (ix, id) values (${DEFAULT_VA}, ${id})`);
    }
    const connection = connectionBeforeStored({ stated: null, satellite: null, sourceSatellite });
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
        from ${sql.raw(MISSING)} m
        join ${sql.raw(VA_IDS)} va on va.ix = coalesce(m.va, ${DEFAULT_VA})
        returning 1
      ) select count(*) as created from written`);
    counts.created.productInstances += Number(result?.created ?? 0);
  }

  /**
   * The usage rows, each bound to its device (by UDI, else by the name of a device without
   * one: its identity) and to the Virtual Account it names, else its device's. A row whose
   * device cannot be identified is left out (the parser reported it).
   *
   * The Virtual Accounts touched are those the rows land in and those that held the same
   * devices' earlier reports (read by the same statement, which does not see its own rows; the
   * id bound keeps the index scan off the rows just written): a device that moved leaves one.
   */
  private async insertUsage(): Promise<void> {
    const { counts, usageSource, asOf } = this.context;
    const { sa, importRunId } = this;
    const [before] = await this.rows<{ id: number | string }>(
      sql`select coalesce(max(id), 0) as id from usage_reports`,
    );
    const [result] = await this.rows<{
      inserted: number | string;
      vas: unknown;
      left_vas: unknown;
    }>(
      sql`
      with written as (
        insert into usage_reports (smart_account_id, virtual_account_id, license_id,
          product_instance_id, quantity, source, as_of, import_run_id)
        select ${sa}, coalesce(va.id, p.virtual_account_id), lic.id, p.id, u.qty,
          ${usageSource}::usage_source, coalesce(u.d, ${asOf})::date, ${importRunId}
        from ${sql.raw(STAGE)} u
        join product_instances p on p.smart_account_id = ${sa} and ${deviceOf('u', 'p')}
        join ${sql.raw(LIC_IDS)} lic on lic.ix = u.lic
        left join ${sql.raw(VA_IDS)} va on va.ix = u.va
        where u.kind = 'u'
        returning virtual_account_id, product_instance_id
      ), devices as (
        select distinct product_instance_id as pi from written
      )
      select (select count(*) from written) as inserted,
        (select coalesce(json_agg(va), '[]'::json)
          from (select distinct virtual_account_id as va from written) v) as vas,
        (select coalesce(json_agg(distinct o.virtual_account_id), '[]'::json)
          from usage_reports o
          where o.smart_account_id = ${sa} and o.id <= ${Number(before?.id ?? 0)}
            and o.product_instance_id in (select pi from devices)) as left_vas`,
    );
    counts.created.usageReports += Number(result?.inserted ?? 0);
    for (const va of jsonIds(result?.vas)) this.touched?.add(va);
    for (const va of jsonIds(result?.left_vas)) this.touched?.add(va);
  }

  /** A RUM report is the device's own measurement: its date is the device's last contact. */
  private async advanceLastContact(): Promise<void> {
    await this.exec(sql`
      update product_instances as p
      set last_contact_at = greatest(p.last_contact_at, t.d::date::timestamp at time zone 'UTC')
      from (
        select p2.id, max(u.d) as d
        from ${sql.raw(STAGE)} u
        join product_instances p2 on p2.smart_account_id = ${this.sa} and ${deviceOf('u', 'p2')}
        where u.kind = 'u' and u.d is not null
        group by p2.id
      ) t
      where p.id = t.id`);
  }
}
