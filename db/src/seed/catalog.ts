import { stableUuid } from './random.js';

/** A license of the demo catalog, with the add-on → base relation Cisco's data never gives. */
export interface CatalogLicense {
  readonly name: string;
  readonly entitlementTag: string;
  readonly productFamily: string;
  readonly unit: 'DEVICE' | 'USER' | 'COUNT';
  readonly kind: 'BASE' | 'ADD_ON';
  /** The base license an add-on needs on the same device. */
  readonly baseName: string | null;
  /** Term length of its lots in years; null for perpetual licenses. */
  readonly termYears: number | null;
  readonly sku: string;
  /** List price in USD cents: per unit per year for term licenses, one-off for perpetual. */
  readonly listPriceMinor: bigint;
  readonly eaSuite: string;
}

type Row = [
  name: string,
  tag: string,
  family: string,
  unit: CatalogLicense['unit'],
  termYears: number,
  base: string | null,
  sku: string,
  listPriceUsd: number,
];

/** Family → [entitlement tag registration month, EA suite]. */
const FAMILIES: Record<string, [string, string]> = {
  'Catalyst 9200': ['2017-09', 'Cisco DNA Switching'],
  'Catalyst 9300': ['2017-03', 'Cisco DNA Switching'],
  'Catalyst 9500': ['2017-03', 'Cisco DNA Switching'],
  'Catalyst Wireless': ['2018-06', 'Cisco DNA Wireless'],
  'Catalyst 8000': ['2019-11', 'Cisco DNA Routing'],
  'ISR 4000': ['2016-12', 'Cisco DNA Routing'],
  'Nexus 9000': ['2020-10', 'Data Center Networking'],
  'Identity Services Engine': ['2020-08', 'Cisco Security'],
  'Secure Client': ['2021-12', 'Cisco Security'],
  'Firepower 2100': ['2018-04', 'Cisco Security'],
  Webex: ['2021-03', 'Collaboration'],
};

const C92 = 'Catalyst 9200';
const C93 = 'Catalyst 9300';
const C95 = 'Catalyst 9500';
const AIR = 'Catalyst Wireless';
const C8K = 'Catalyst 8000';
const N9K = 'Nexus 9000';
const ISE = 'Identity Services Engine';
const FPR = 'Firepower 2100';

/* prettier-ignore */
const ROWS: readonly Row[] = [
  ['C9200 Network Essentials', 'C9200_NW_Essentials', C92, 'DEVICE', 0, null, 'C9200-NW-E', 500],
  ['C9200 Network Advantage', 'C9200_NW_Advantage', C92, 'DEVICE', 0, null, 'C9200-NW-A', 1_200],
  ['C9200 24P DNA Essentials, 3Y Term', 'C9200_24P_DNA_Essentials', C92, 'DEVICE', 3, 'C9200 Network Essentials', 'C9200-DNA-E-24-3Y', 180],
  ['C9200 48P DNA Essentials, 3Y Term', 'C9200_48P_DNA_Essentials', C92, 'DEVICE', 3, 'C9200 Network Essentials', 'C9200-DNA-E-48-3Y', 300],
  ['C9200 24P DNA Advantage, 3Y Term', 'C9200_24P_DNA_Advantage', C92, 'DEVICE', 3, 'C9200 Network Advantage', 'C9200-DNA-A-24-3Y', 420],
  ['C9300 Network Essentials', 'C9300_NW_Essentials', C93, 'DEVICE', 0, null, 'C9300-NW-E', 900],
  ['C9300 Network Advantage', 'C9300_NW_Advantage', C93, 'DEVICE', 0, null, 'C9300-NW-A', 2_800],
  ['C9300 24P DNA Essentials, 3Y Term', 'C9300_24P_DNA_Essentials', C93, 'DEVICE', 3, 'C9300 Network Essentials', 'C9300-DNA-E-24-3Y', 290],
  ['C9300 24P DNA Advantage, 3Y Term', 'C9300_24P_DNA_Advantage', C93, 'DEVICE', 3, 'C9300 Network Advantage', 'C9300-DNA-A-24-3Y', 760],
  ['C9300 48P DNA Essentials, 3Y Term', 'C9300_48P_DNA_Essentials', C93, 'DEVICE', 3, 'C9300 Network Essentials', 'C9300-DNA-E-48-3Y', 480],
  ['C9300 48P DNA Advantage, 5Y Term', 'C9300_48P_DNA_Advantage', C93, 'DEVICE', 5, 'C9300 Network Advantage', 'C9300-DNA-A-48-5Y', 1_250],
  ['C9500 Network Essentials', 'C9500_NW_Essentials', C95, 'DEVICE', 0, null, 'C9500-NW-E', 4_000],
  ['C9500 Network Advantage', 'C9500_NW_Advantage', C95, 'DEVICE', 0, null, 'C9500-NW-A', 9_500],
  ['C9500 DNA Essentials, 3Y Term', 'C9500_DNA_Essentials', C95, 'DEVICE', 3, 'C9500 Network Essentials', 'C9500-DNA-E-3Y', 1_900],
  ['C9500 DNA Advantage, 5Y Term', 'C9500_DNA_Advantage', C95, 'DEVICE', 5, 'C9500 Network Advantage', 'C9500-DNA-A-5Y', 4_600],
  ['AIR Network Essentials', 'AIR_NW_Essentials', AIR, 'DEVICE', 0, null, 'AIR-DNA-NWSTACK-E', 60],
  ['AIR DNA Essentials, 3Y Term', 'AIR_DNA_Essentials', AIR, 'DEVICE', 3, 'AIR Network Essentials', 'AIR-DNA-E-3Y', 55],
  ['Routing Network Essentials: Tier 1', 'DNA_NWStack_T1', C8K, 'DEVICE', 0, null, 'NWSTACK-T1-E', 700],
  ['Routing Network Advantage: Tier 2', 'DNA_NWStack_T2', C8K, 'DEVICE', 0, null, 'NWSTACK-T2-A', 2_400],
  ['Routing DNA Essentials: Tier 1, 3Y Term', 'DNA_Essentials_T1', C8K, 'DEVICE', 3, 'Routing Network Essentials: Tier 1', 'DNA-C-T1-E-3Y', 350],
  ['Routing DNA Advantage: Tier 2, 3Y Term', 'DNA_Advantage_T2', C8K, 'DEVICE', 3, 'Routing Network Advantage: Tier 2', 'DNA-C-T2-A-3Y', 1_100],
  ['Routing DNA Advantage: Tier 2, 5Y Term', 'DNA_Advantage_T2_5Y', C8K, 'DEVICE', 5, 'Routing Network Advantage: Tier 2', 'DNA-C-T2-A-5Y', 1_000],
  ['HSEC Throughput License (HSECK9)', 'HSECK9', C8K, 'DEVICE', 0, null, 'C8000-HSEC', 1_500],
  ['ISR 4300 Security (SEC)', 'ISR_4300_SEC', 'ISR 4000', 'DEVICE', 0, null, 'SL-4330-SEC-K9', 1_600],
  ['ISR 4300 Unified Communications (UC)', 'ISR_4300_UC', 'ISR 4000', 'DEVICE', 0, null, 'SL-4330-UC-K9', 1_200],
  ['NX-OS Essentials for Nexus 9300', 'N9K_DCN_Essentials_9300', N9K, 'DEVICE', 5, null, 'DCN-E-N9300-5Y', 1_400],
  ['NX-OS Advantage for Nexus 9300', 'N9K_DCN_Advantage_9300', N9K, 'DEVICE', 5, null, 'DCN-A-N9300-5Y', 2_900],
  ['NX-OS Essentials for Nexus 9500', 'N9K_DCN_Essentials_9500', N9K, 'DEVICE', 5, null, 'DCN-E-N9500-5Y', 6_000],
  ['Nexus Dashboard Insights for Nexus 9300, 5Y Term', 'N9K_NDI_9300', N9K, 'DEVICE', 5, 'NX-OS Advantage for Nexus 9300', 'NDI-A-N9300-5Y', 1_700],
  ['ISE Base', 'ISE_Base', ISE, 'COUNT', 0, null, 'L-ISE-BSE-P', 18],
  ['ISE Advantage, 3Y Term', 'ISE_Advantage', ISE, 'COUNT', 3, null, 'L-ISE-ADV-T-3Y', 12],
  ['ISE Premier, 5Y Term', 'ISE_Premier', ISE, 'COUNT', 5, null, 'L-ISE-PMR-T-5Y', 20],
  ['ISE Device Admin', 'ISE_Device_Admin', ISE, 'DEVICE', 0, null, 'L-ISE-TACACS-ND', 3_500],
  ['ISE VM Medium', 'ISE_VM_Medium', ISE, 'DEVICE', 0, null, 'R-ISE-VMM-K9', 9_000],
  ['Secure Client Advantage', 'Secure_Client_Advantage', 'Secure Client', 'USER', 3, null, 'L-SC-ADV-3Y', 30],
  ['Secure Client Premier', 'Secure_Client_Premier', 'Secure Client', 'USER', 3, null, 'L-SC-PMR-3Y', 40],
  ['Secure Client VPN Only', 'Secure_Client_VPN_Only', 'Secure Client', 'USER', 0, null, 'L-SC-VPNO', 25],
  ['Firepower 2100 Threat Defense Base', 'FPR2100_FTD_Base', FPR, 'DEVICE', 0, null, 'FPR2100-FTD-BASE', 2_000],
  ['FPR2100 Threat Defense Threat Protection, 3Y Term', 'FPR2100_FTD_Threat', FPR, 'DEVICE', 3, 'Firepower 2100 Threat Defense Base', 'L-FPR2130T-T-3Y', 3_800],
  ['FPR2100 Threat Defense URL Filtering, 3Y Term', 'FPR2100_FTD_URL', FPR, 'DEVICE', 3, 'Firepower 2100 Threat Defense Base', 'L-FPR2130T-URL-3Y', 2_100],
  ['Webex Calling Professional', 'Webex_Calling_Professional', 'Webex', 'USER', 3, null, 'A-FLEX-3-PROF', 180],
  ['Webex Meetings Enterprise', 'Webex_Meetings_Enterprise', 'Webex', 'USER', 3, null, 'A-FLEX-3-MTG-EU', 144],
  ['Webex Calling Workspaces', 'Webex_Calling_Workspaces', 'Webex', 'DEVICE', 3, null, 'A-FLEX-3-WKSP', 96],
];

/**
 * The small preset's license catalog (43 licenses): Catalyst switching and wireless, routing,
 * Nexus, ISE, Secure Client, Firepower and Webex. Entitlement tags are invented in Cisco's
 * `regid.YYYY-MM.com.cisco.<TAG>,1.0_<uuid>` form; the uuid is derived from the name, so it is
 * the same on every run. Bases come before their add-ons.
 */
export const SMALL_CATALOG: readonly CatalogLicense[] = ROWS.map(
  ([name, tag, family, unit, termYears, base, sku, listPriceUsd]) => {
    const [tagDate, eaSuite] = FAMILIES[family] ?? ['2020-01', 'Other'];
    return {
      name,
      entitlementTag: `regid.${tagDate}.com.cisco.${tag},1.0_${stableUuid(name)}`,
      productFamily: family,
      unit,
      kind: base === null ? 'BASE' : 'ADD_ON',
      baseName: base,
      termYears: termYears === 0 ? null : termYears,
      sku,
      listPriceMinor: BigInt(listPriceUsd) * 100n,
      eaSuite,
    };
  },
);

/** Looks a catalog license up by name; throws for a name the catalog does not have. */
export function catalogLicense(name: string): CatalogLicense {
  const found = SMALL_CATALOG.find((license) => license.name === name);
  if (!found) throw new Error(`unknown demo license "${name}"`);
  return found;
}
