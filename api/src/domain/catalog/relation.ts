import {
  identifyLicense,
  requiredNetworkTier,
  tierAtLeast,
  tierName,
  variantsFit,
  type LicenseIdentity,
  type LicenseNames,
} from './identity.js';

/** A license as the relation rules see it. */
export interface RelatedLicense extends LicenseNames {
  readonly id: number;
  readonly kind: 'BASE' | 'ADD_ON';
  /** The catalog CSV's explicit `Required Base License` (the customer's override), if any. */
  readonly requiredBaseLicenseId: number | null;
}

/** What a license needs on the same device. */
export type BaseRequirement =
  /** A base license, or one that stands alone. */
  | { readonly kind: 'NONE' }
  /** A DNA license: a Network license of its family at or above the tier Cisco requires. */
  | {
      readonly kind: 'RULE';
      readonly identity: LicenseIdentity;
      readonly minimumTier: LicenseIdentity['tier'];
      readonly description: string;
    }
  /** The catalog names the base: that license, or a higher tier of it in the same family. */
  | {
      readonly kind: 'EXPLICIT';
      readonly baseLicenseId: number;
      readonly base: LicenseIdentity | null;
      readonly addOn: LicenseIdentity | null;
      readonly description: string;
    }
  /** An add-on whose base neither the catalog nor the rules know. */
  | { readonly kind: 'UNKNOWN' };

function familyName(identity: LicenseIdentity): string {
  if (identity.family === 'AIR') return 'wireless (AIR)';
  if (identity.family === 'ROUTING') return 'routing';
  return identity.family;
}

/**
 * What `license` needs on the same device. The catalog's explicit base wins (a customer can
 * correct it); otherwise a DNA license needs a Network license of the same family: DNA
 * Essentials needs Network Essentials or higher, DNA Advantage and Premier need Network
 * Advantage or higher; a port or throughput variant on both must agree. An ADD_ON neither
 * source can place is UNKNOWN: no alarm, only a note.
 */
export function baseRequirement(
  license: RelatedLicense,
  licenseById: (id: number) => RelatedLicense | undefined,
): BaseRequirement {
  const identity = identifyLicense(license);
  if (license.requiredBaseLicenseId !== null) {
    const baseRecord = licenseById(license.requiredBaseLicenseId);
    const base = baseRecord ? identifyLicense(baseRecord) : null;
    const name = baseRecord?.name ?? `license #${license.requiredBaseLicenseId}`;
    return {
      kind: 'EXPLICIT',
      baseLicenseId: license.requiredBaseLicenseId,
      base,
      addOn: identity,
      description: base ? `${name} or a higher ${familyName(base)} tier` : name,
    };
  }
  if (identity?.line === 'DNA') {
    const minimumTier = requiredNetworkTier(identity.tier);
    const variant = identity.variant ? ` ${identity.variant}` : '';
    return {
      kind: 'RULE',
      identity,
      minimumTier,
      description:
        `a ${familyName(identity)}${variant} Network ${tierName(minimumTier)} license ` +
        `or higher`,
    };
  }
  return license.kind === 'ADD_ON' ? { kind: 'UNKNOWN' } : { kind: 'NONE' };
}

function fitsNetwork(
  candidate: LicenseIdentity | null,
  family: string,
  minimumTier: LicenseIdentity['tier'],
  variants: readonly (string | null)[],
): boolean {
  return (
    candidate !== null &&
    candidate.line === 'NETWORK' &&
    candidate.family === family &&
    tierAtLeast(candidate.tier, minimumTier) &&
    variants.every((v) => variantsFit(candidate.variant, v))
  );
}

/** Whether `candidate`, held on the same device, is a base that satisfies `requirement`. */
export function satisfiesRequirement(
  requirement: BaseRequirement,
  candidate: RelatedLicense,
): boolean {
  switch (requirement.kind) {
    case 'NONE':
      return true;
    case 'UNKNOWN':
      return false;
    case 'RULE':
      return fitsNetwork(
        identifyLicense(candidate),
        requirement.identity.family,
        requirement.minimumTier,
        [requirement.identity.variant],
      );
    case 'EXPLICIT': {
      if (candidate.id === requirement.baseLicenseId) return true;
      const base = requirement.base;
      if (base?.line !== 'NETWORK') return false;
      return fitsNetwork(identifyLicense(candidate), base.family, base.tier, [
        base.variant,
        requirement.addOn?.variant ?? null,
      ]);
    }
  }
}
