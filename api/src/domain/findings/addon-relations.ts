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
  /**
   * The family pool (`RequirementPool.key`) a Network license supplies and its tier; null for
   * any other license. `supplies(pool, id)` of a family pool is this tier when the keys match.
   */
  readonly network: (licenseId: number) => NetworkSupply | null;
  /**
   * Where a pool's suppliers can be: `supplies(pool, id)` is null unless `id` is `licenseId` or
   * a Network license of the family pool `familyKey` (`network(id).key`); null: none.
   */
  readonly suppliers: (pool: RequirementPool) => {
    readonly licenseId: number | null;
    readonly familyKey: string | null;
  };
}

/** What a Network license supplies to family pools. */
export interface NetworkSupply {
  readonly key: string;
  readonly tier: Tier;
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
  const poolOf = (licenseId: number): RequirementPool | null => {
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
  const pools = new Map<number, RequirementPool | null>();
  const pool = (licenseId: number): RequirementPool | null => {
    let found = pools.get(licenseId);
    if (found === undefined) pools.set(licenseId, (found = poolOf(licenseId)));
    return found;
  };
  const networks = new Map<number, NetworkSupply | null>();
  const network = (candidateId: number): NetworkSupply | null => {
    let found = networks.get(candidateId);
    if (found === undefined) {
      const candidate = recordOf(candidateId);
      const identity = candidate ? identifyLicense(candidate) : null;
      found =
        identity?.line === 'NETWORK'
          ? { key: `family:${identity.family}`, tier: identity.tier }
          : null;
      networks.set(candidateId, found);
    }
    return found;
  };
  const supplies = (p: RequirementPool, candidateId: number): Tier | null => {
    if (p.addOnId !== null) {
      return satisfies(requirement(p.addOnId), candidateId) ? 'ESSENTIALS' : null;
    }
    const supplied = network(candidateId);
    return supplied !== null && supplied.key === p.key ? supplied.tier : null;
  };
  // `satisfiesRequirement`: an EXPLICIT base is that license or, when it is a Network license,
  // a Network license of its family; a family pool (RULE, or Network → DNA) takes its family.
  const suppliers = (p: RequirementPool) => {
    if (p.addOnId === null) return { licenseId: null, familyKey: p.key };
    const req = requirement(p.addOnId);
    if (req.kind !== 'EXPLICIT') return { licenseId: null, familyKey: null };
    const familyKey = req.base?.line === 'NETWORK' ? `family:${req.base.family}` : null;
    return { licenseId: req.baseLicenseId, familyKey };
  };
  return { requirement, satisfies, pool, supplies, network, suppliers };
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
