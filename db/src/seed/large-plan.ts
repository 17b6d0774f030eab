import { largeCatalog, type LargePlatform } from './large-catalog.js';
import {
  LARGE_SCALE,
  MODE,
  type LargePlan,
  type LargeReservation,
  type LargeScale,
  type LargeVirtualAccount,
} from './large-estate.js';
import { createRandom, type Random } from './random.js';

const UNITS = [
  'Campus',
  'Branch',
  'DataCenter',
  'Manufacturing',
  'Retail',
  'Labs',
  'Security',
  'Wireless',
  'CloudEdge',
  'Partner',
];
const REGIONS = ['AMER', 'EMEA', 'APAC', 'LATAM', 'ANZ'];

function sample(random: Random, size: number, count: number): number[] {
  const pool = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (size - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, count);
}

/** Plans the large estate. Pure: the same (referenceDate, seed, scale) gives the same plan. */
export function planLargeEstate(
  referenceDate: string,
  seed: number,
  scale: LargeScale = LARGE_SCALE,
): LargePlan {
  const random = createRandom(seed, 'large/plan');
  const { platforms, licenses } = largeCatalog(scale.platforms);
  const satellites = REGIONS.flatMap((region, r) =>
    [1, 2].map((n) => ({
      name: `ssm-onprem-${region.toLowerCase()}-0${n}`,
      syncedDaysAgo: r === 2 && n === 2 ? 131 : r === 4 && n === 1 ? 97 : n,
    })),
  );
  const virtualAccounts = Array.from(
    { length: scale.virtualAccounts },
    (_, i): LargeVirtualAccount => {
      const region = REGIONS[i % REGIONS.length] as string;
      const bit = random.next();
      return {
        name: `${UNITS[Math.floor(i / REGIONS.length) % UNITS.length]}-${region}-${String(i + 1).padStart(3, '0')}`,
        businessUnit: UNITS[Math.floor(i / REGIONS.length) % UNITS.length] as string,
        region,
        environment: bit < 0.8 ? 'PRODUCTION' : bit < 0.92 ? 'NON_PRODUCTION' : 'LAB',
        satellite: random.chance(0.2) ? (i % REGIONS.length) * 2 + random.int(0, 1) : -1,
      };
    },
  );
  const n = scale.productInstances;
  const plan = {
    instanceVirtualAccount: new Uint16Array(n),
    instancePlatform: new Uint16Array(n),
    instanceBase: new Uint16Array(n),
    instanceAddOn: new Uint16Array(n),
    instanceMode: new Uint8Array(n),
    instanceDecommissioned: new Uint8Array(n),
    instanceReportDaysAgo: new Uint16Array(n),
  };
  const weights = virtualAccounts.map(() => (random.chance(0.03) ? 5 : 0.3 + random.next() * 1.7));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const perVa = weights.map((w) => Math.floor((n * w) / totalWeight));
  let left = n - perVa.reduce((a, b) => a + b, 0);
  for (let v = 0; left > 0; v = (v + 1) % perVa.length, left--) perVa[v] = (perVa[v] ?? 0) + 1;

  const reservations: LargeReservation[] = [];
  let next = 0;
  virtualAccounts.forEach((va, v) => {
    const mine = sample(
      random,
      platforms.length,
      random.int(Math.min(15, platforms.length), Math.min(40, platforms.length)),
    );
    const essentials = mine.map(() => random.pick([2, 3, 4, 5, 14]));
    const advantage = mine.map(() => random.pick([6, 7, 8, 9, 10, 11, 12, 13, 15]));
    const satellite = satellites[va.satellite];
    for (let k = 0; k < (perVa[v] ?? 0); k++, next++) {
      const slot = Math.floor(random.next() * mine.length);
      const platform = platforms[mine[slot] as number] as LargePlatform;
      const advantageTier = random.chance(0.45);
      const base = platform.firstLicense + (advantageTier ? 1 : 0);
      const addOn =
        platform.firstLicense + ((advantageTier ? advantage : essentials)[slot] as number);
      const ticket = random.next();
      const mode =
        ticket < 0.008
          ? MODE.SLR
          : ticket < 0.01
            ? MODE.PLR
            : satellite
              ? MODE.ON_PREM
              : MODE.DIRECT_CLOUD;
      const decommissioned = random.chance(0.015);
      plan.instanceVirtualAccount[next] = v;
      plan.instancePlatform[next] = mine[slot] as number;
      plan.instanceBase[next] = base;
      plan.instanceAddOn[next] = addOn;
      plan.instanceMode[next] = mode;
      plan.instanceDecommissioned[next] = decommissioned ? 1 : 0;
      plan.instanceReportDaysAgo[next] =
        (mode === MODE.ON_PREM && satellite
          ? satellite.syncedDaysAgo + random.int(1, 3)
          : random.int(1, 6)) + (decommissioned ? random.int(20, 200) : 0);
      if (mode === MODE.SLR || mode === MODE.PLR) {
        for (const license of mode === MODE.SLR ? [base, addOn] : [base]) {
          const returned = decommissioned && random.chance(0.5);
          const events: [number, number][] = [[random.int(100, 900), 1]];
          if (returned) events.push([random.int(10, 90), -1]);
          reservations.push({
            instance: next,
            license,
            type: mode === MODE.SLR ? 'SLR' : 'PLR',
            events,
          });
        }
      }
    }
  });
  return finishPlan(referenceDate, seed, scale, {
    platforms,
    licenses,
    satellites,
    virtualAccounts,
    reservations,
    ...plan,
  });
}

type Draft = Omit<
  LargePlan,
  'referenceDate' | 'seed' | 'scale' | 'reportsPerSlot' | 'extraReports' | 'consumed'
>;

function finishPlan(
  referenceDate: string,
  seed: number,
  scale: LargeScale,
  draft: Draft,
): LargePlan {
  const consumed = new Map<number, number>();
  const add = (instance: number, license: number, quantity: number): void => {
    const key =
      (draft.instanceVirtualAccount[instance] as number) * draft.licenses.length + license;
    consumed.set(key, (consumed.get(key) ?? 0) + quantity);
  };
  let reporting = 0;
  for (let i = 0; i < scale.productInstances; i++) {
    if ((draft.instanceMode[i] as number) >= MODE.SLR) continue;
    reporting++;
    const quantity = draft.instanceDecommissioned[i] ? 0 : 1;
    add(i, draft.instanceBase[i] as number, quantity);
    add(i, draft.instanceAddOn[i] as number, quantity);
  }
  for (const r of draft.reservations)
    add(
      r.instance,
      r.license,
      r.events.reduce((sum, [, delta]) => sum + delta, 0),
    );
  const slots = reporting * 2;
  if (scale.usageReports < slots) {
    throw new RangeError(
      `usageReports (${scale.usageReports}) must be at least 2 per reporting device (${slots})`,
    );
  }
  const reportsPerSlot = slots === 0 ? 0 : Math.floor(scale.usageReports / slots);
  const extraReports = scale.usageReports - reportsPerSlot * slots;
  return { referenceDate, seed, scale, ...draft, reportsPerSlot, extraReports, consumed };
}
