import type { CopyRow } from '../client/types.js';

import { addDays } from './calendar.js';
import { MODE, MODE_NAMES, type LargeIds, type LargePlan } from './large-estate.js';

/** Calendar dates by "days before the reference date", computed once each. */
function dayCache(referenceDate: string): (daysAgo: number) => string {
  const cache = new Map<number, string>();
  return (daysAgo) => {
    let day = cache.get(daysAgo);
    if (day === undefined) cache.set(daysAgo, (day = addDays(referenceDate, -daysAgo)));
    return day;
  };
}

const time = (i: number): string => {
  const minute = (i * 7919) % 1440;
  return `T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
};

/** Serial `LLLYYWW` + the device index in base 36: unique for up to 1.6M devices. */
const serialOf = (prefix: string, i: number): string =>
  `${prefix}${20 + (i % 8)}${String(1 + ((i * 13) % 52)).padStart(2, '0')}${i.toString(36).toUpperCase().padStart(4, '0')}`;

/** COPY columns of {@link instanceRows}. */
export const INSTANCE_COLUMNS = [
  'id',
  'smart_account_id',
  'virtual_account_id',
  'name',
  'udi_pid',
  'udi_serial',
  'hostname',
  'product_type',
  'connection_mode',
  'satellite_id',
  'status',
  'last_contact_at',
];

/** The device index range `[from, to)` of `part` out of `parts` equal slices. */
export function partRange(total: number, part: number, parts: number): [number, number] {
  return [Math.floor((total * part) / parts), Math.floor((total * (part + 1)) / parts)];
}

/** product_instances rows with explicit ids; `part`/`parts` select a slice for parallel COPY. */
export function* instanceRows(
  plan: LargePlan,
  ids: LargeIds,
  part = 0,
  parts = 1,
): Generator<CopyRow> {
  const day = dayCache(plan.referenceDate);
  // Devices are planned Virtual Account by Virtual Account: host numbers count from each VA's first.
  const firstOfVa = new Int32Array(plan.virtualAccounts.length).fill(-1);
  plan.instanceVirtualAccount.forEach((v, i) => {
    if (firstOfVa[v] === -1) firstOfVa[v] = i;
  });
  const [from, to] = partRange(plan.scale.productInstances, part, parts);
  for (let i = from; i < to; i++) {
    const v = plan.instanceVirtualAccount[i] as number;
    const va = plan.virtualAccounts[v];
    const platform = plan.platforms[plan.instancePlatform[i] as number];
    if (!va || !platform) throw new Error(`device ${i} has no Virtual Account or platform`);
    const mode = plan.instanceMode[i] as number;
    const serial = serialOf(platform.serialPrefix, i);
    const host = String(i - (firstOfVa[v] as number) + 1).padStart(4, '0');
    yield [
      ids.instance + i,
      ids.smartAccount,
      ids.virtualAccount + v,
      `UDI_PID:${platform.pid}; UDI_SN:${serial}; `,
      platform.pid,
      serial,
      `${va.name.toLowerCase()}-${platform.pid.split('-')[0]?.toLowerCase()}-${host}`,
      platform.productType,
      MODE_NAMES[mode] ?? 'DIRECT_CLOUD',
      mode === MODE.ON_PREM ? ids.satellite + va.satellite : null,
      plan.instanceDecommissioned[i] ? 'DECOMMISSIONED' : 'ACTIVE',
      mode >= MODE.SLR ? null : `${day(plan.instanceReportDaysAgo[i] as number)}${time(i)}`,
    ];
  }
}

/** COPY columns of {@link usageRows}. */
export const USAGE_COLUMNS = [
  'smart_account_id',
  'virtual_account_id',
  'license_id',
  'product_instance_id',
  'quantity',
  'source',
  'as_of',
];

/**
 * usage_reports rows: per reporting device, its base and add-on license, each with the latest
 * report and earlier ones a month apart. A decommissioned device's latest report is 0.
 */
export function* usageRows(
  plan: LargePlan,
  ids: LargeIds,
  part = 0,
  parts = 1,
): Generator<CopyRow> {
  const day = dayCache(plan.referenceDate);
  const [from, to] = partRange(plan.scale.productInstances, part, parts);
  let slot = 0;
  for (let i = 0; i < from; i++) if ((plan.instanceMode[i] as number) < MODE.SLR) slot += 2;
  for (let i = from; i < to; i++) {
    const mode = plan.instanceMode[i] as number;
    if (mode >= MODE.SLR) continue;
    const va = ids.virtualAccount + (plan.instanceVirtualAccount[i] as number);
    const source = mode === MODE.ON_PREM ? 'ON_PREM_SYNC' : 'SMART_LICENSING_API';
    const latest = plan.instanceReportDaysAgo[i] as number;
    const latestQuantity = plan.instanceDecommissioned[i] ? 0 : 1;
    for (const license of [plan.instanceBase[i] as number, plan.instanceAddOn[i] as number]) {
      const reports = plan.reportsPerSlot + (slot++ < plan.extraReports ? 1 : 0);
      for (let k = 0; k < reports; k++) {
        yield [
          ids.smartAccount,
          va,
          ids.license + license,
          ids.instance + i,
          k === 0 ? latestQuantity : 1,
          source,
          day(latest + 30 * k),
        ];
      }
    }
  }
}
