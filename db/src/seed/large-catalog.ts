import { stableUuid } from './random.js';

/** A license of the large preset's generated catalog. */
export interface LargeLicense {
  readonly name: string;
  readonly entitlementTag: string;
  readonly productFamily: string;
  readonly sku: string;
  /** Index in the catalog of the base an add-on requires; -1 for a base. */
  readonly baseIndex: number;
  /** Term years of its lots; 0 for perpetual. */
  readonly termYears: number;
  readonly listPriceMinor: bigint;
}

/** A hardware platform: the PID devices report, and its first license's catalog index. */
export interface LargePlatform {
  readonly pid: string;
  readonly productType: string;
  readonly serialPrefix: string;
  readonly firstLicense: number;
}

/** Licenses per platform: 2 bases (Essentials, Advantage) and 14 term add-ons. */
export const VARIANTS_PER_PLATFORM = 16;

/** [tier, term years (0 = perpetual), base variant index (-1 = base), list price USD]. */
const VARIANTS: readonly (readonly [string, number, number, number])[] = [
  ['Network Essentials', 0, -1, 900],
  ['Network Advantage', 0, -1, 2_600],
  ['DNA Essentials', 1, 0, 140],
  ['DNA Essentials', 3, 0, 120],
  ['DNA Essentials', 5, 0, 110],
  ['DNA Essentials', 7, 0, 100],
  ['DNA Advantage', 1, 1, 380],
  ['DNA Advantage', 3, 1, 330],
  ['DNA Advantage', 5, 1, 300],
  ['DNA Advantage', 7, 1, 280],
  ['DNA Premier', 3, 1, 520],
  ['DNA Premier', 5, 1, 480],
  ['DNA Premier', 7, 1, 450],
  ['Security Add-on', 3, 1, 260],
  ['ThousandEyes Agent', 3, 0, 90],
  ['Analytics Add-on', 5, 1, 150],
];

/** [PID family, product type, serial prefix, sizes]. 25 families × 5 sizes = 125 platforms. */
const FAMILIES: readonly (readonly [string, string, string, readonly string[]])[] = [
  ...['C9200', 'C9200L', 'C9300', 'C9300L', 'C9300X', 'IE3300', 'IE3400', 'IE9300'].map(
    (f) =>
      [f, `Catalyst ${f.replace(/^C/, '')}`, 'FOC', ['24T', '24P', '48T', '48P', '48U']] as const,
  ),
  ...['C9400', 'C9500', 'C9600'].map(
    (f) => [f, `Catalyst ${f.slice(1)}`, 'FCW', ['24Y4C', '48Y4C', '32C', '32QC', '40X']] as const,
  ),
  ...['C8200', 'C8300', 'C8500', 'ISR1100', 'ISR4300', 'ISR4400', 'ASR1000'].map(
    (f) =>
      [
        f,
        f.startsWith('C') ? `Catalyst ${f.slice(1)}` : f,
        'FGL',
        ['T0', 'T1', 'T2', 'T3', 'T4'],
      ] as const,
  ),
  ...['N9K-C93180YC', 'N9K-C9336C', 'N9K-C9364C', 'N9K-C9508', 'N3K-C3548P'].map(
    (f) =>
      [
        f,
        f.startsWith('N9K') ? 'Nexus 9000' : 'Nexus 3000',
        'SAL',
        ['EX', 'FX', 'FX2', 'FX3', 'GX'],
      ] as const,
  ),
  ['C9800', 'Catalyst 9800 Wireless Controller', 'FCW', ['L', '40', '80', 'CL', 'EWC']],
  ['FPR1000', 'Firepower 1000', 'JAD', ['1010', '1120', '1140', '1150', '1160']],
];

/**
 * The large preset's catalog: `platformCount` platforms × 16 licenses (the full preset uses all
 * 125 platforms: 2,000 licenses). Bases precede their add-ons. Pure and deterministic.
 */
export function largeCatalog(platformCount: number): {
  platforms: LargePlatform[];
  licenses: LargeLicense[];
} {
  const all = FAMILIES.flatMap(([family, productType, serialPrefix, sizes]) =>
    sizes.map((size) => ({ pid: `${family}-${size}`, productType, serialPrefix })),
  );
  if (platformCount < 1 || platformCount > all.length) {
    throw new RangeError(
      `the large catalog has 1 to ${all.length} platforms, not ${platformCount}`,
    );
  }
  const platforms: LargePlatform[] = [];
  const licenses: LargeLicense[] = [];
  for (const platform of all.slice(0, platformCount)) {
    const firstLicense = licenses.length;
    platforms.push({ ...platform, firstLicense });
    const display = platform.pid.replace(/-/g, ' ');
    const tag = platform.pid.replace(/-/g, '_');
    for (const [tier, years, base, priceUsd] of VARIANTS) {
      const name = years === 0 ? `${display} ${tier}` : `${display} ${tier}, ${years}Y Term`;
      licenses.push({
        name,
        entitlementTag: `regid.2019-01.com.cisco.${tag}_${tier.replace(/ /g, '_')}${years ? `_${years}Y` : ''},1.0_${stableUuid(name)}`,
        productFamily: platform.productType,
        sku: `${platform.pid}-${tier
          .split(' ')
          .map((w) => w[0])
          .join('')}${years ? `-${years}Y` : ''}`,
        baseIndex: base < 0 ? -1 : firstLicense + base,
        termYears: years,
        listPriceMinor: BigInt(priceUsd) * 100n,
      });
    }
  }
  return { platforms, licenses };
}
