import { sql } from 'drizzle-orm';

import type { FindingsInput } from '../../api/src/domain/index.js';
import type { DbHandle } from '../../db/src/index.js';

type Row = Record<string, unknown>;

/**
 * Every lot record reaching `asOf`, every instance of the account and the latest device report
 * per instance × license on or before `asOf`, read here without any prefilter: what the
 * findings would see if the loader read the whole estate.
 */
export async function wholeEstate(
  handle: DbHandle,
  sa: number,
  asOf: string,
): Promise<Pick<FindingsInput, 'instances' | 'deviceUsage' | 'lots'>> {
  const lots = await handle.rows<Row>(sql`
    select id, virtual_account_id, license_id, quantity, license_type, start_date::text,
           end_date::text, source, pak_number, sku, effective_from::text, superseded_on::text
    from entitlement_lots
    where smart_account_id = ${sa} and (superseded_on is null or superseded_on > ${asOf}::date)
    order by id`);
  const instances = await handle.rows<Row>(sql`
    select id, virtual_account_id, name, hostname, connection_mode, status, satellite_id,
           replaced_by_id, to_char(last_contact_at at time zone 'UTC', 'YYYY-MM-DD') as last_contact
    from product_instances where smart_account_id = ${sa} order by id`);
  const reports = await handle.rows<Row>(sql`
    select product_instance_id, license_id, quantity, as_of::text as as_of, id
    from usage_reports
    where smart_account_id = ${sa} and product_instance_id is not null and as_of <= ${asOf}::date`);
  const latest = new Map<string, Row>();
  for (const report of reports) {
    const key = `${String(report.product_instance_id)}:${String(report.license_id)}`;
    const seen = latest.get(key);
    const newer =
      !seen ||
      String(report.as_of) > String(seen.as_of) ||
      (report.as_of === seen.as_of && Number(report.id) > Number(seen.id));
    if (newer) latest.set(key, report);
  }
  const text = (v: unknown) => (v === null ? null : String(v));
  return {
    lots: lots.map((r) => ({
      id: Number(r.id),
      virtualAccountId: Number(r.virtual_account_id),
      licenseId: Number(r.license_id),
      quantity: Number(r.quantity),
      licenseType: r.license_type as 'TERM' | 'PERPETUAL',
      startDate: text(r.start_date),
      endDate: text(r.end_date),
      source: r.source as 'SMART' | 'CLASSIC_PAK',
      pakNumber: text(r.pak_number),
      sku: text(r.sku),
      effectiveFrom: text(r.effective_from),
      supersededOn: text(r.superseded_on),
    })),
    instances: instances.map((r) => ({
      id: Number(r.id),
      virtualAccountId: Number(r.virtual_account_id),
      name: String(r.name),
      hostname: r.hostname === null ? null : String(r.hostname),
      connectionMode: r.connection_mode as 'DIRECT_CLOUD' | 'ON_PREM' | 'SLR' | 'PLR',
      status: r.status as 'ACTIVE' | 'DECOMMISSIONED',
      lastContactAt: r.last_contact === null ? null : String(r.last_contact),
      satelliteId: r.satellite_id === null ? null : Number(r.satellite_id),
      replacedById: r.replaced_by_id === null ? null : Number(r.replaced_by_id),
    })),
    deviceUsage: [...latest.values()]
      .map((r) => ({
        instanceId: Number(r.product_instance_id),
        licenseId: Number(r.license_id),
        quantity: Number(r.quantity),
      }))
      .sort((a, b) => a.instanceId - b.instanceId || a.licenseId - b.licenseId),
  };
}
