import { isIsoDate, type IsoDate } from '../calendar.js';
import { assert } from '../errors.js';

import type { ReallocationPolicy, ReallocationVirtualAccount } from './types.js';

/** A policy with its defaults filled in and its fields checked. */
export interface ResolvedReallocationPolicy {
  readonly headroomBasisPoints: number;
  readonly horizon: IsoDate | undefined;
  readonly sameRegion: boolean;
  readonly sameBusinessUnit: boolean;
  readonly productionToNonProduction: boolean;
  readonly locked: ReadonlySet<number>;
}

export type PolicyRule =
  | 'LOCKED_SOURCE'
  | 'LOCKED_TARGET'
  | 'DIFFERENT_REGION'
  | 'DIFFERENT_BUSINESS_UNIT'
  | 'PRODUCTION_TO_NON_PRODUCTION';

/** Fills in defaults (no headroom, no horizon, every arc allowed) and rejects bad values. */
export function resolveReallocationPolicy(
  policy: ReallocationPolicy = {},
): ResolvedReallocationPolicy {
  const headroomBasisPoints = policy.headroomBasisPoints ?? 0;
  assert(
    Number.isSafeInteger(headroomBasisPoints) && headroomBasisPoints >= 0,
    'INVALID_QUANTITY',
    'headroom must be a non-negative integer number of basis points',
    { headroomBasisPoints },
  );
  assert(
    policy.horizon === undefined || isIsoDate(policy.horizon),
    'INVALID_DATE',
    `"${String(policy.horizon)}" is not a calendar date in the form YYYY-MM-DD`,
    { horizon: policy.horizon },
  );
  return {
    headroomBasisPoints,
    horizon: policy.horizon,
    sameRegion: policy.sameRegion ?? false,
    sameBusinessUnit: policy.sameBusinessUnit ?? false,
    productionToNonProduction: policy.productionToNonProduction ?? true,
    locked: new Set(policy.lockedVirtualAccountIds ?? []),
  };
}

/** Units of surplus a source keeps for growth: ceil(consumed × bp / 10000). */
export function headroomUnits(consumed: number, headroomBasisPoints: number): number {
  return Math.ceil((consumed * headroomBasisPoints) / 10_000);
}

/** The policy rules a move from `from` to `to` breaks (empty = allowed). */
export function policyViolations(
  policy: ResolvedReallocationPolicy,
  from: ReallocationVirtualAccount,
  to: ReallocationVirtualAccount,
): PolicyRule[] {
  const rules: PolicyRule[] = [];
  if (policy.locked.has(from.id)) rules.push('LOCKED_SOURCE');
  if (policy.locked.has(to.id)) rules.push('LOCKED_TARGET');
  if (policy.sameRegion && from.region !== to.region) rules.push('DIFFERENT_REGION');
  if (policy.sameBusinessUnit && from.businessUnit !== to.businessUnit) {
    rules.push('DIFFERENT_BUSINESS_UNIT');
  }
  if (
    !policy.productionToNonProduction &&
    from.environment === 'PRODUCTION' &&
    to.environment !== 'PRODUCTION'
  ) {
    rules.push('PRODUCTION_TO_NON_PRODUCTION');
  }
  return rules;
}

/**
 * The equivalence class of an unlocked Virtual Account under the policy's arc rules: two
 * Virtual Accounts of one class are interchangeable as sources and as targets, so whether an
 * arc is allowed depends only on the classes. Only the attributes a rule looks at are in the
 * key (no rule = one class).
 */
export function policyClassKey(
  policy: ResolvedReallocationPolicy,
  virtualAccount: ReallocationVirtualAccount,
): string {
  return JSON.stringify([
    policy.sameRegion ? virtualAccount.region : 0,
    policy.sameBusinessUnit ? virtualAccount.businessUnit : 0,
    policy.productionToNonProduction ? 0 : virtualAccount.environment === 'PRODUCTION',
  ]);
}
