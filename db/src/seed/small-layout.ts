/** One Virtual Account of the small preset. */
export interface VirtualAccountPlan {
  readonly name: string;
  readonly description: string;
  readonly businessUnit: string;
  readonly region: string;
  readonly environment: 'PRODUCTION' | 'NON_PRODUCTION' | 'LAB';
  readonly isDefault: boolean;
  /** Site codes used in hostnames. */
  readonly sites: readonly string[];
}

/** A license used by a device: a fixed quantity, a range, or the same as the previous use. */
export type Use = readonly [license: string, quantity: number | readonly [number, number] | 'same'];

/** A population of similar devices in one Virtual Account. */
export interface DeviceGroup {
  readonly virtualAccount: string;
  readonly pid: string;
  readonly productType: string;
  readonly role: string;
  readonly count: readonly [number, number];
  /** Reports through this SSM On-Prem satellite (ON_PREM); otherwise DIRECT_CLOUD. */
  readonly satellite?: string;
  /** How many of the group are DECOMMISSIONED (their last report drops to 0). */
  readonly decommissioned?: number;
  /** License bundles with relative weights; each device takes one. */
  readonly bundles: readonly (readonly [weight: number, uses: readonly Use[]])[];
}

/** The six Virtual Accounts of the small preset: three regions, all three environments. */
export const SMALL_VIRTUAL_ACCOUNTS: readonly VirtualAccountPlan[] = [
  {
    name: 'Campus-AMER',
    description: 'Campus access, core and wireless, North America',
    businessUnit: 'Enterprise Campus',
    region: 'AMER',
    environment: 'PRODUCTION',
    isDefault: true,
    sites: ['sjc', 'rtp', 'chi'],
  },
  {
    name: 'Campus-EMEA',
    description: 'Campus access, core and wireless, Europe',
    businessUnit: 'Enterprise Campus',
    region: 'EMEA',
    environment: 'PRODUCTION',
    isDefault: false,
    sites: ['lon', 'ams', 'fra'],
  },
  {
    name: 'DataCenter-EMEA',
    description: 'Frankfurt and Amsterdam data centers (via SSM On-Prem)',
    businessUnit: 'Data Center',
    region: 'EMEA',
    environment: 'PRODUCTION',
    isDefault: false,
    sites: ['fra-dc1', 'ams-dc2'],
  },
  {
    name: 'Branch-APAC',
    description: 'SD-WAN branches, Asia-Pacific',
    businessUnit: 'WAN & Branch',
    region: 'APAC',
    environment: 'PRODUCTION',
    isDefault: false,
    sites: ['sin', 'syd', 'blr', 'tyo'],
  },
  {
    name: 'Staging-AMER',
    description: 'Pre-production fabric for change validation',
    businessUnit: 'Data Center',
    region: 'AMER',
    environment: 'NON_PRODUCTION',
    isDefault: false,
    sites: ['dfw-stg'],
  },
  {
    name: 'Lab-NonProd',
    description: 'Engineering lab, RTP',
    businessUnit: 'Engineering',
    region: 'AMER',
    environment: 'LAB',
    isDefault: false,
    sites: ['rtp'],
  },
];

/** SSM On-Prem servers: a healthy one, and a stale one past the 90-day sync window. */
export const SMALL_SATELLITES = [
  {
    name: 'ssm-onprem-emea-01',
    hostname: 'ssm-onprem-emea-01.acme-networks.example',
    syncedDaysAgo: 1,
  },
  {
    name: 'ssm-onprem-apac-01',
    hostname: 'ssm-onprem-apac-01.acme-networks.example',
    syncedDaysAgo: 118,
  },
] as const;

const C9300_NA_24 = ['C9300 Network Advantage', 'C9300 24P DNA Advantage, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const C9300_NA_48 = ['C9300 Network Advantage', 'C9300 48P DNA Advantage, 5Y Term'].map(
  (l) => [l, 1] as const,
);
const C9300_NE_48 = ['C9300 Network Essentials', 'C9300 48P DNA Essentials, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const C9300_NE_24 = ['C9300 Network Essentials', 'C9300 24P DNA Essentials, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const C9200_NE_24 = ['C9200 Network Essentials', 'C9200 24P DNA Essentials, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const C9200_NE_48 = ['C9200 Network Essentials', 'C9200 48P DNA Essentials, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const C9500_NA = ['C9500 Network Advantage', 'C9500 DNA Advantage, 5Y Term'].map(
  (l) => [l, 1] as const,
);
const C9500_NE = ['C9500 Network Essentials', 'C9500 DNA Essentials, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const T1 = ['Routing Network Essentials: Tier 1', 'Routing DNA Essentials: Tier 1, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const T2_5Y = ['Routing Network Advantage: Tier 2', 'Routing DNA Advantage: Tier 2, 5Y Term'].map(
  (l) => [l, 1] as const,
);
const T2_3Y = ['Routing Network Advantage: Tier 2', 'Routing DNA Advantage: Tier 2, 3Y Term'].map(
  (l) => [l, 1] as const,
);
const FTD: readonly Use[] = [
  ['Firepower 2100 Threat Defense Base', 1],
  ['FPR2100 Threat Defense Threat Protection, 3Y Term', 1],
];
const FTD_URL: readonly Use[] = [...FTD, ['FPR2100 Threat Defense URL Filtering, 3Y Term', 1]];
const NXA: Use = ['NX-OS Advantage for Nexus 9300', 1];
const WLC = (aps: readonly [number, number]): readonly Use[] => [
  ['AIR Network Essentials', aps],
  ['AIR DNA Essentials, 3Y Term', 'same'],
];

const AMER = 'Campus-AMER';
const EMEA = 'Campus-EMEA';
const DC = 'DataCenter-EMEA';
const APAC = 'Branch-APAC';
const STG = 'Staging-AMER';
const LAB = 'Lab-NonProd';
const EMEA_SAT = 'ssm-onprem-emea-01';
const APAC_SAT = 'ssm-onprem-apac-01';

/* prettier-ignore */
/** The generated (non-designed) device populations of the small preset, about 590 devices. */
export const SMALL_DEVICE_GROUPS: readonly DeviceGroup[] = [
  { virtualAccount: AMER, pid: 'C9300-24P', productType: 'Catalyst 9300', role: 'acc-sw', count: [36, 44], decommissioned: 1, bundles: [[1, C9300_NA_24]] },
  { virtualAccount: AMER, pid: 'C9300-48P', productType: 'Catalyst 9300', role: 'acc-sw', count: [55, 65], decommissioned: 2, bundles: [[6, C9300_NA_48], [4, C9300_NE_48]] },
  { virtualAccount: AMER, pid: 'C9200-48P', productType: 'Catalyst 9200', role: 'acc-sw', count: [70, 85], bundles: [[1, C9200_NE_48]] },
  { virtualAccount: AMER, pid: 'C9500-24Y4C', productType: 'Catalyst 9500', role: 'core-sw', count: [3, 5], bundles: [[1, C9500_NA]] },
  { virtualAccount: AMER, pid: 'C9800-40-K9', productType: 'Catalyst 9800 Wireless Controller', role: 'wlc', count: [2, 2], bundles: [[1, WLC([150, 260])]] },
  { virtualAccount: AMER, pid: 'SNS-3715-K9', productType: 'Identity Services Engine', role: 'ise-psn', count: [2, 2], bundles: [[1, [['ISE Base', [1200, 1900]], ['ISE Advantage, 3Y Term', [1250, 1600]], ['ISE Device Admin', 1]]]] },
  { virtualAccount: AMER, pid: 'FPR2130-NGFW-K9', productType: 'Firepower 2100', role: 'fw', count: [2, 2], bundles: [[1, FTD_URL]] },
  { virtualAccount: EMEA, pid: 'C9300-24P', productType: 'Catalyst 9300', role: 'acc-sw', count: [28, 36], bundles: [[1, C9300_NA_24]] },
  { virtualAccount: EMEA, pid: 'C9300-48U', productType: 'Catalyst 9300', role: 'acc-sw', count: [25, 35], decommissioned: 1, bundles: [[1, C9300_NE_48]] },
  { virtualAccount: EMEA, pid: 'C9200-24P', productType: 'Catalyst 9200', role: 'acc-sw', count: [50, 60], bundles: [[1, C9200_NE_24]] },
  { virtualAccount: EMEA, pid: 'C9500-48Y4C', productType: 'Catalyst 9500', role: 'core-sw', count: [2, 4], bundles: [[1, C9500_NA]] },
  { virtualAccount: EMEA, pid: 'C9800-CL-K9', productType: 'Catalyst 9800 Wireless Controller', role: 'wlc', count: [1, 1], bundles: [[1, WLC([120, 180])]] },
  { virtualAccount: EMEA, pid: 'SNS-3755-K9', productType: 'Identity Services Engine', role: 'ise-psn', count: [1, 1], bundles: [[1, [['ISE Base', [900, 1300]], ['ISE Advantage, 3Y Term', [1350, 1500]], ['ISE Premier, 5Y Term', [150, 250]]]]] },
  { virtualAccount: EMEA, pid: 'FPR2110-NGFW-K9', productType: 'Firepower 2100', role: 'fw', count: [1, 2], bundles: [[1, FTD]] },
  { virtualAccount: DC, pid: 'N9K-C93180YC-FX', productType: 'Nexus 9300', role: 'leaf', count: [30, 40], satellite: EMEA_SAT, bundles: [[1, [NXA]], [1, [NXA, ['Nexus Dashboard Insights for Nexus 9300, 5Y Term', 1]]]] },
  { virtualAccount: DC, pid: 'N9K-C9336C-FX2', productType: 'Nexus 9300', role: 'spine', count: [10, 16], satellite: EMEA_SAT, bundles: [[1, [['NX-OS Essentials for Nexus 9300', 1]]]] },
  { virtualAccount: DC, pid: 'N9K-C9508', productType: 'Nexus 9500', role: 'core', count: [2, 2], satellite: EMEA_SAT, bundles: [[1, [['NX-OS Essentials for Nexus 9500', 1]]]] },
  { virtualAccount: DC, pid: 'C9500-24Y4C', productType: 'Catalyst 9500', role: 'agg-sw', count: [2, 4], satellite: EMEA_SAT, bundles: [[1, C9500_NE]] },
  { virtualAccount: DC, pid: 'FPR2130-NGFW-K9', productType: 'Firepower 2100', role: 'fw', count: [2, 2], satellite: EMEA_SAT, bundles: [[1, FTD_URL]] },
  { virtualAccount: APAC, pid: 'C8300-1N1S-6T', productType: 'Catalyst 8300', role: 'wan-rtr', count: [25, 35], bundles: [[1, T2_5Y], [1, [...T2_5Y, ['HSEC Throughput License (HSECK9)', 1]]]] },
  { virtualAccount: APAC, pid: 'C8200-1N-4T', productType: 'Catalyst 8200', role: 'wan-rtr', count: [30, 40], satellite: APAC_SAT, bundles: [[1, T1]] },
  { virtualAccount: APAC, pid: 'ISR4331/K9', productType: 'ISR 4300', role: 'wan-rtr', count: [15, 20], satellite: APAC_SAT, decommissioned: 1, bundles: [[1, [...T1, ['ISR 4300 Security (SEC)', 1]]]] },
  { virtualAccount: APAC, pid: 'C9200-24P', productType: 'Catalyst 9200', role: 'acc-sw', count: [60, 70], bundles: [[1, C9200_NE_24]] },
  { virtualAccount: APAC, pid: 'C9200-48P', productType: 'Catalyst 9200', role: 'acc-sw', count: [20, 26], bundles: [[1, C9200_NE_48]] },
  { virtualAccount: STG, pid: 'N9K-C93180YC-FX', productType: 'Nexus 9300', role: 'leaf', count: [12, 16], bundles: [[1, [['NX-OS Essentials for Nexus 9300', 1]]]] },
  { virtualAccount: STG, pid: 'C8300-1N1S-6T', productType: 'Catalyst 8300', role: 'wan-rtr', count: [4, 6], bundles: [[1, T2_3Y]] },
  { virtualAccount: STG, pid: 'C9300-24P', productType: 'Catalyst 9300', role: 'acc-sw', count: [6, 10], bundles: [[1, C9300_NE_24]] },
  { virtualAccount: LAB, pid: 'C9300-48P', productType: 'Catalyst 9300', role: 'lab-sw', count: [8, 12], bundles: [[1, C9300_NA_48]] },
  { virtualAccount: LAB, pid: 'C9200L-24T-4G', productType: 'Catalyst 9200', role: 'lab-sw', count: [6, 10], bundles: [[1, C9200_NE_24]] },
  { virtualAccount: LAB, pid: 'C8000V', productType: 'Catalyst 8000V', role: 'lab-rtr', count: [6, 10], bundles: [[1, T1]] },
  { virtualAccount: LAB, pid: 'ISE-VM-K9', productType: 'Identity Services Engine', role: 'lab-ise', count: [1, 1], bundles: [[1, [['ISE Base', [40, 80]], ['ISE VM Medium', 1]]]] },
];
