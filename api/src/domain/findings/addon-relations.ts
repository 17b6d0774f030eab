import {
  baseRequirement,
  identifyLicense,
  satisfiesRequirement,
  tierAtLeast,
  type BaseRequirement,
  type Tier,
} from '../catalog/index.js';

import type { Estate } from './estate.js';
import type { LicenseRecord } from './findings-input.js';

/** An add-on's requirement pooled at Virtual Account level (port variants set aside). */
export interface RequirementPool {
  /**
   * `family:C9300` (DNA add-ons: a device runs one DNA tier, so DNA units of a family pool
   * against its Network units) or `base:7:addOn:12` (any other add-on with a catalog base:
   * several add-ons may share one base on a device, so each add-on is judged alone).
   */
  readonly key: string;
  /** For family pools, the Network tier the add-on needs; null for `base:` pools. */
  readonly minimumTier: Tier | null;
  /** For `base:` pools, the add-on judged. */
  readonly addOnId: number | null;
}

const TIERS: readonly Tier[] = ['PREMIER', 'ADVANTAGE', 'ESSENTIALS'];

/** Relation lookups for one run, memoised per license. */
export interface AddOnRelations {
  readonly requirement: (licenseId: number) => BaseRequirement;
  readonly satisfies: (requirement: BaseRequirement, candidateId: number) => boolean;
  readonly pool: (licenseId: number) => RequirementPool | null;
  /** For a family pool, the Network tier a license supplies; for a base pool, whether it is it. */
  readonly supplies: (pool: RequirementPool, candidateId: number) => Tier | null;
}

/** Builds the relation lookups of one estate. */
export function addOnRelations(estate: Pick<Estate, 'license'>): AddOnRelations {
  const cache = new Map<number, BaseRequirement>();
  const recordOf = (id: number): LicenseRecord | undefined => estate.license(id);
  const requirement = (licenseId: number): BaseRequirement => {
    const cached = cache.get(licenseId);
    if (cached) return cached;
    const license = recordOf(licenseId);
    const found: BaseRequirement = license ? baseRequirement(license, recordOf) : { kind: 'NONE' };
    cache.set(licenseId, found);
    return found;
  };
  const satisfies = (req: BaseRequirement, candidateId: number): boolean => {
    const candidate = recordOf(candidateId);
    return candidate !== undefined && satisfiesRequirement(req, candidate);
  };
  const pool = (licenseId: number): RequirementPool | null => {
    const req = requirement(licenseId);
    if (req.kind === 'RULE') {
      return { key: `family:${req.identity.family}`, minimumTier: req.minimumTier, addOnId: null };
    }
    if (req.kind !== 'EXPLICIT') return null;
    if (req.base?.line === 'NETWORK' && req.addOn?.line === 'DNA') {
      return { key: `family:${req.base.family}`, minimumTier: req.base.tier, addOnId: null };
    }
    return {
      key: `base:${req.baseLicenseId}:addOn:${licenseId}`,
      minimumTier: null,
      addOnId: licenseId,
    };
  };
  const supplies = (p: RequirementPool, candidateId: number): Tier | null => {
    if (p.addOnId !== null) {
      return satisfies(requirement(p.addOnId), candidateId) ? 'ESSENTIALS' : null;
    }
    const candidate = recordOf(candidateId);
    const identity = candidate ? identifyLicense(candidate) : null;
    if (identity?.line !== 'NETWORK' || `family:${identity.family}` !== p.key) return null;
    return identity.tier;
  };
  return { requirement, satisfies, pool, supplies };
}

/**
 * How many add-on units of one pool in one Virtual Account no base can cover, by Hall's
 * condition on nested tiers: for every tier t, the add-ons needing t or higher must not
 * outnumber the Network licenses at t or higher. `demand` and `supply` are consumption per tier.
 */
export function poolDeficit(
  demand: ReadonlyMap<Tier, number>,
  supply: ReadonlyMap<Tier, number>,
): number {
  let deficit = 0;
  for (const threshold of TIERS) {
    const sum = (m: ReadonlyMap<Tier, number>): number =>
      [...m].reduce((t, [tier, q]) => (tierAtLeast(tier, threshold) ? t + q : t), 0);
    deficit = Math.max(deficit, sum(demand) - sum(supply));
  }
  return deficit;
}
