import { addDays, timestampOn } from './calendar.js';
import { instanceName, type InstancePlan, type UsagePlan } from './estate.js';
import type { Random } from './random.js';
import {
  SMALL_DEVICE_GROUPS,
  SMALL_SATELLITES,
  SMALL_VIRTUAL_ACCOUNTS,
  type DeviceGroup,
  type Use,
} from './small-layout.js';

const SERIAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

const SERIAL_PREFIX: readonly (readonly [RegExp, string])[] = [
  [/^C9200/, 'JAE'],
  [/^C9300/, 'FOC'],
  [/^(C9500|C9800)/, 'FCW'],
  [/^(C8200|C8300)/, 'FGL'],
  [/^ISR/, 'FDO'],
  [/^N9K/, 'SAL'],
  [/^SNS/, 'WZP'],
  [/^FPR/, 'JAD'],
];

/** Hands out UDI serials in Cisco's `LLLYYWWSSSS` shape, never the same one twice. */
export class SerialAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** Marks a fixed serial (a designed-in device) as taken. */
  reserve(serial: string): string {
    this.used.add(serial);
    return serial;
  }

  next(pid: string): string {
    for (;;) {
      const prefix = SERIAL_PREFIX.find(([pattern]) => pattern.test(pid))?.[1];
      const serial = prefix
        ? `${prefix}${this.random.int(20, 27)}${String(this.random.int(1, 52)).padStart(2, '0')}` +
          `${this.random.pick(['X', 'Y', 'Z', 'A'])}${this.random.chars(3, SERIAL_ALPHABET)}`
        : this.random.chars(11, SERIAL_ALPHABET); // virtual platforms (C8000V, ISE VM)
      if (!this.used.has(serial)) return this.reserve(serial);
    }
  }
}

function resolveUses(uses: readonly Use[], random: Random): [string, number][] {
  const resolved: [string, number][] = [];
  let previous = 1;
  for (const [license, spec] of uses) {
    const quantity =
      spec === 'same' ? previous : typeof spec === 'number' ? spec : random.int(spec[0], spec[1]);
    resolved.push([license, quantity]);
    previous = quantity;
  }
  return resolved;
}

function pickBundle(group: DeviceGroup, random: Random): readonly Use[] {
  const total = group.bundles.reduce((sum, [weight]) => sum + weight, 0);
  let ticket = random.next() * total;
  for (const [weight, uses] of group.bundles) {
    ticket -= weight;
    if (ticket < 0) return uses;
  }
  return group.bundles[group.bundles.length - 1]?.[1] ?? [];
}

/** An earlier report of a quantity: device licenses stay put, counted ones drift a little. */
function earlierQuantity(quantity: number, random: Random): number {
  return quantity <= 1 ? quantity : Math.round(quantity * (0.9 + random.next() * 0.12));
}

/**
 * Generates the non-designed devices of the small preset and their usage reports. Devices
 * report like real ones: each on its own day in the week before the reference date (DIRECT_CLOUD)
 * or on its satellite's last sync (ON_PREM); about half also have the previous month's report.
 * Decommissioned devices end with a report of 0 on their decommission day.
 */
export function generateSmallDevices(
  referenceDate: string,
  random: Random,
  serials: SerialAllocator,
): { instances: InstancePlan[]; usage: UsagePlan[] } {
  const instances: InstancePlan[] = [];
  const usage: UsagePlan[] = [];
  const counters = new Map<string, number>();
  for (const group of SMALL_DEVICE_GROUPS) {
    const va = SMALL_VIRTUAL_ACCOUNTS.find((v) => v.name === group.virtualAccount);
    if (!va) throw new Error(`device group names unknown Virtual Account ${group.virtualAccount}`);
    const satellite = SMALL_SATELLITES.find((s) => s.name === group.satellite);
    const syncDay = addDays(referenceDate, -(satellite?.syncedDaysAgo ?? 0));
    const count = random.int(group.count[0], group.count[1]);
    for (let i = 0; i < count; i++) {
      const key = `${va.name}/${group.role}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const site = va.sites[n % va.sites.length] ?? 'hq';
      const serial = serials.next(group.pid);
      const decommissioned = i >= count - (group.decommissioned ?? 0);
      const reportDay = decommissioned
        ? addDays(syncDay, -random.int(30, 240))
        : satellite
          ? addDays(syncDay, -random.int(1, 3))
          : addDays(referenceDate, -random.int(1, 6));
      instances.push({
        virtualAccount: va.name,
        name: instanceName(group.pid, serial),
        udiPid: group.pid,
        udiSerial: serial,
        hostname: `${site}-${group.role}-${String(n).padStart(3, '0')}`,
        productType: group.productType,
        connectionMode: satellite ? 'ON_PREM' : 'DIRECT_CLOUD',
        satellite: satellite?.name ?? null,
        status: decommissioned ? 'DECOMMISSIONED' : 'ACTIVE',
        lastContactAt: timestampOn(reportDay, random.int(0, 1439)),
      });
      const source = satellite ? 'ON_PREM_SYNC' : 'SMART_LICENSING_API';
      const withHistory = decommissioned || random.chance(0.5);
      const earlierDay = addDays(reportDay, -random.int(28, 31));
      for (const [license, quantity] of resolveUses(pickBundle(group, random), random)) {
        const row = { virtualAccount: va.name, license, instanceSerial: serial, source } as const;
        if (withHistory) {
          usage.push({ ...row, quantity: earlierQuantity(quantity, random), asOf: earlierDay });
        }
        usage.push({ ...row, quantity: decommissioned ? 0 : quantity, asOf: reportDay });
      }
    }
  }
  return { instances, usage };
}
