import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import type { IsoDate, LogEventRecord } from '../../domain/index.js';

/**
 * The SLR events of a Smart Account's Event Log up to the end of `asOf` (UTC), each matched to
 * the instance with its UDI serial (and PID when both state one), oldest first: the findings'
 * evidence of what Cisco recorded for a reserved device.
 */
export async function slrLogEventsOf(
  handle: DbHandle,
  smartAccountId: number,
  asOf: IsoDate,
): Promise<LogEventRecord[]> {
  const rows = await handle.rows<Record<string, unknown>>(sql`
    select e.id, p.id as instance_id, e.kind, e.user_name, e.message,
           to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at
    from account_events e
    join product_instances p
      on p.smart_account_id = e.smart_account_id and p.udi_serial = e.udi_serial
     and (e.udi_pid is null or p.udi_pid is null or upper(e.udi_pid) = upper(p.udi_pid))
    where e.smart_account_id = ${smartAccountId} and e.kind like 'SLR\\_%'
      and e.occurred_at < (${asOf}::date + 1)::timestamp at time zone 'UTC'
    order by e.occurred_at, e.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    instanceId: Number(r.instance_id),
    kind: r.kind as LogEventRecord['kind'],
    occurredAt: String(r.occurred_at),
    user: r.user_name === null ? null : String(r.user_name),
    message: String(r.message),
  }));
}
