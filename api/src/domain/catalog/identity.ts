/** Network (the perpetual stack) or DNA / Cisco DNA (the subscription on top of it). */
export type ProductLine = 'NETWORK' | 'DNA';
/** Cisco's tiers, lowest first. */
export type Tier = 'ESSENTIALS' | 'ADVANTAGE' | 'PREMIER';

const TIER_RANK: Record<Tier, number> = { ESSENTIALS: 0, ADVANTAGE: 1, PREMIER: 2 };

/** What a Network or DNA license is, read from its tag, SKU or name. */
export interface LicenseIdentity {
  /** `C9300`, `C9200L`, `AIR` (wireless), `ROUTING` (Catalyst 8000 / ISR / ASR). */
  readonly family: string;
  readonly line: ProductLine;
  readonly tier: Tier;
  /** Port count (`24P`, `48`, `24T`) or routing throughput tier (`T2`, `2.5G`); null when family-level. */
  readonly variant: string | null;
}

/** What identifies a license: any of its Cisco names. */
export interface LicenseNames {
  readonly name: string;
  readonly entitlementTag?: string | null;
  readonly sku?: string | null;
}

const TIER_WORDS: Record<string, Tier> = {
  ESSENTIALS: 'ESSENTIALS',
  ESSENTIAL: 'ESSENTIALS',
  E: 'ESSENTIALS',
  ADVANTAGE: 'ADVANTAGE',
  A: 'ADVANTAGE',
  PREMIER: 'PREMIER',
  P: 'PREMIER',
};
const NETWORK_WORDS = new Set(['NETWORK', 'NW', 'NWSTACK', 'ESR']);
const ROUTING_WORDS = /^(ROUTING|ISR\d*|ASR\d*|C8\d{3}[A-Z]*|CATALYST8\d*)$/;
const CATALYST = /^C9\d{3}[A-Z]?$/;
const PORTS = /^(\d{2})([A-Z]{0,2})$/;
const ROUTING_TIER = /^(T\d|\d+(?:\.\d+)?[MG])$/;

/** The body of a `regid.YYYY-MM.com.cisco.<BODY>,1.0_<uuid>` tag, or the text itself. */
function tagBody(tag: string): string {
  const match = /com\.cisco\.([^,]+)/i.exec(tag);
  return match?.[1] ?? tag;
}

function tokens(text: string): string[] {
  return text
    .toUpperCase()
    .replace(/\bTIER\s*(\d)/g, 'T$1')
    .split(/[^A-Z0-9.]+/)
    .flatMap((t) => (/^\d+\.\d+[A-Z]*$/.test(t) ? [t] : t.split('.')))
    .filter((t) => t.length > 0);
}

/** Reads one text (a tag body, a SKU or a name); null unless it names a line, a tier and a family. */
export function identityFromText(text: string): LicenseIdentity | null {
  const words = tokens(text);
  const line: ProductLine | null = words.some((w) => NETWORK_WORDS.has(w))
    ? 'NETWORK'
    : words.includes('DNA')
      ? 'DNA'
      : null;
  if (line === null) return null;
  const lineAt = words.findIndex((w) => NETWORK_WORDS.has(w) || w === 'DNA');
  // The tier follows the line word ("DNA Essentials", "DNA-E", "ESR_P"), or stands anywhere.
  const tierWord =
    words.slice(lineAt + 1).find((w) => w in TIER_WORDS) ?? words.find((w) => w in TIER_WORDS);
  const tier = tierWord === undefined ? null : (TIER_WORDS[tierWord] ?? null);
  if (tier === null) return null;
  const catalyst = words.find((w) => CATALYST.test(w));
  const routingTier = words.find((w) => ROUTING_TIER.test(w)) ?? null;
  const family = words.includes('AIR')
    ? 'AIR'
    : catalyst
      ? catalyst
      : routingTier !== null || words.some((w) => ROUTING_WORDS.test(w))
        ? 'ROUTING'
        : null;
  if (family === null) return null;
  const ports = words.find((w) => PORTS.test(w)) ?? null;
  const variant = family === 'ROUTING' ? routingTier : family === 'AIR' ? null : ports;
  return { family, line, tier, variant };
}

/**
 * What a license is, from its entitlement tag (most specific), then its name, then its SKU;
 * a variant missing from the first readable source is taken from the others. Null for
 * licenses outside the Network ↔ DNA families (ISE, Nexus, security, Webex…).
 */
export function identifyLicense(license: LicenseNames): LicenseIdentity | null {
  // Read once per license record: the findings ask for the same licenses many times.
  const known = identities.get(license);
  if (known !== undefined) return known;
  const identity = readIdentity(license);
  identities.set(license, identity);
  return identity;
}

const identities = new WeakMap<LicenseNames, LicenseIdentity | null>();

function readIdentity(license: LicenseNames): LicenseIdentity | null {
  const sources = [
    license.entitlementTag ? tagBody(license.entitlementTag) : null,
    license.name,
    license.sku ?? null,
  ].filter((s): s is string => s !== null && s.length > 0);
  const read = sources.map(identityFromText).filter((i): i is LicenseIdentity => i !== null);
  const first = read[0];
  if (!first) return null;
  if (first.variant !== null) return first;
  const variant =
    read.find((i) => i.family === first.family && i.variant !== null)?.variant ?? null;
  return { ...first, variant };
}

/** `24P` and `24` and `24T`… fit when the port counts agree and letters agree or one is absent. */
export function variantsFit(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  const pa = PORTS.exec(a);
  const pb = PORTS.exec(b);
  if (!pa || !pb) return a === b;
  return pa[1] === pb[1] && (pa[2] === pb[2] || pa[2] === '' || pb[2] === '');
}

/** Tier order: Essentials < Advantage < Premier. */
export function tierAtLeast(tier: Tier, minimum: Tier): boolean {
  return TIER_RANK[tier] >= TIER_RANK[minimum];
}

/** The Network tier a DNA tier needs: Essentials → Essentials, Advantage and Premier → Advantage. */
export function requiredNetworkTier(dnaTier: Tier): Tier {
  return dnaTier === 'ESSENTIALS' ? 'ESSENTIALS' : 'ADVANTAGE';
}

/** "Essentials", "Advantage", "Premier". */
export function tierName(tier: Tier): string {
  return tier.charAt(0) + tier.slice(1).toLowerCase();
}
