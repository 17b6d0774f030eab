import { sql } from 'drizzle-orm';

import type { Db } from '@trueup/db';

/**
 * How a listed device updates the one already known (`product_instances p`): its latest listing
 * wins, a hostname or product type it lacks is kept, and last contact never moves back. One
 * clause for the row-batch writer here and the COPY path (device-copy.ts).
 */
export const INSTANCE_UPSERT =
  sql.raw(`on conflict (smart_account_id, udi_pid, udi_serial) do update set
  virtual_account_id = excluded.virtual_account_id,
  name = excluded.name,
  hostname = coalesce(excluded.hostname, p.hostname),
  product_type = coalesce(excluded.product_type, p.product_type),
  connection_mode = excluded.connection_mode,
  status = excluded.status,
  last_contact_at = greatest(excluded.last_contact_at, p.last_contact_at),
  satellite_id = excluded.satellite_id,
  import_run_id = excluded.import_run_id`);

/** Rows of a raw statement, whichever driver ran it (postgres.js: an array; PGlite: `.rows`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const param = (values: readonly unknown[]) => sql.param([...values]);

export interface InstanceRow {
  readonly virtualAccountId: number;
  readonly name: string;
  readonly udiPid: string;
  readonly udiSerial: string;
  readonly hostname: string | null;
  readonly productType: string | null;
  readonly connectionMode: string;
  readonly status: string;
  readonly lastContactAt: string | null;
  readonly satelliteId: number | null;
}

export interface WrittenInstance {
  readonly id: number;
  readonly virtualAccountId: number;
  readonly udiPid: string;
  readonly udiSerial: string;
  readonly name: string;
  readonly inserted: boolean;
}

/**
 * Upserts a batch of product instances in one statement, one array parameter per column
 * (`unnest`): building a many-row VALUES list through the query builder cost more CPU than the
 * database spent writing (profiled on a 200k-row export). Keyed by (account, UDI PID, serial).
 * The rows carry the connection mode and satellite already resolved against the stored ones
 * (`resolveConnection`); last contact only moves forward (`greatest` ignores nulls).
 */
export async function upsertInstanceRows(
  tx: Db,
  context: { smartAccountId: number; importRunId: number },
  rows: readonly InstanceRow[],
): Promise<WrittenInstance[]> {
  const col = <K extends keyof InstanceRow>(key: K) => param(rows.map((r) => r[key]));
  const result = await tx.execute(sql`
    insert into product_instances as p (smart_account_id, virtual_account_id, name, udi_pid, udi_serial,
      hostname, product_type, connection_mode, status, last_contact_at, satellite_id, import_run_id)
    select ${context.smartAccountId}, t.va, t.name, t.pid, t.serial, t.host, t.ptype,
      t.mode::connection_mode, t.status::instance_status, t.contact::timestamptz, t.sat, ${context.importRunId}
    from unnest(${col('virtualAccountId')}::int[], ${col('name')}::text[], ${col('udiPid')}::text[],
      ${col('udiSerial')}::text[], ${col('hostname')}::text[], ${col('productType')}::text[],
      ${col('connectionMode')}::text[], ${col('status')}::text[], ${col('lastContactAt')}::text[],
      ${col('satelliteId')}::int[]) as t(va, name, pid, serial, host, ptype, mode, status, contact, sat)
    ${INSTANCE_UPSERT}
    returning p.id, p.virtual_account_id, p.udi_pid, p.udi_serial, p.name, (p.xmax = 0) as inserted`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: Number(r.id),
    virtualAccountId: Number(r.virtual_account_id),
    udiPid: String(r.udi_pid),
    udiSerial: String(r.udi_serial),
    name: String(r.name),
    inserted: Boolean(r.inserted),
  }));
}

export interface StoredConnection {
  readonly udiPid: string;
  readonly udiSerial: string;
  readonly mode: 'DIRECT_CLOUD' | 'ON_PREM' | 'SLR' | 'PLR';
  readonly satelliteId: number | null;
}

/**
 * The stored connection mode and satellite of the instances with these (UDI PID, serial) keys
 * that exist, in one statement (two array parameters, joined on the unique key's index).
 */
export async function storedConnections(
  tx: Db,
  smartAccountId: number,
  keys: readonly { readonly udiPid: string; readonly udiSerial: string }[],
): Promise<StoredConnection[]> {
  if (keys.length === 0) return [];
  const result = await tx.execute(sql`
    select p.udi_pid, p.udi_serial, p.connection_mode, p.satellite_id
    from unnest(${param(keys.map((k) => k.udiPid))}::text[], ${param(keys.map((k) => k.udiSerial))}::text[])
      as t(pid, serial)
    join product_instances p
      on p.smart_account_id = ${smartAccountId} and p.udi_pid = t.pid and p.udi_serial = t.serial`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    udiPid: String(r.udi_pid),
    udiSerial: String(r.udi_serial),
    mode: r.connection_mode as StoredConnection['mode'],
    satelliteId: r.satellite_id === null ? null : Number(r.satellite_id),
  }));
}

/**
 * Moves each instance's last contact forward to the given date (UTC midnight) when it is later
 * than the stored one, never back: a RUM report imported after a newer one changes nothing.
 */
export async function advanceLastContact(
  tx: Db,
  smartAccountId: number,
  contacts: ReadonlyMap<number, string>,
): Promise<void> {
  await tx.execute(sql`
    update product_instances as p
    set last_contact_at = greatest(p.last_contact_at, t.d::date::timestamp at time zone 'UTC')
    from unnest(${param([...contacts.keys()])}::bigint[], ${param([...contacts.values()])}::text[])
      as t(id, d)
    where p.id = t.id and p.smart_account_id = ${smartAccountId}`);
}

export interface UsageRow {
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly productInstanceId: number;
  readonly quantity: number;
  readonly asOf: string;
}

/** Inserts a batch of device usage rows in one `unnest` statement (see `upsertInstanceRows`). */
export async function insertUsageRows(
  tx: Db,
  context: { smartAccountId: number; importRunId: number; source: string },
  rows: readonly UsageRow[],
): Promise<void> {
  const col = <K extends keyof UsageRow>(key: K) => param(rows.map((r) => r[key]));
  await tx.execute(sql`
    insert into usage_reports (smart_account_id, virtual_account_id, license_id, product_instance_id,
      quantity, source, as_of, import_run_id)
    select ${context.smartAccountId}, t.va, t.lic, t.pi, t.q, ${context.source}::usage_source, t.d::date,
      ${context.importRunId}
    from unnest(${col('virtualAccountId')}::int[], ${col('licenseId')}::int[],
      ${col('productInstanceId')}::bigint[], ${col('quantity')}::int[], ${col('asOf')}::text[])
      as t(va, lic, pi, q, d)`);
}
