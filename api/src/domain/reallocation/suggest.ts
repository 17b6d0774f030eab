import { isIsoDate } from '../calendar.js';
import { assert } from '../errors.js';

import { addLineExposure, compareExposure, emptyExposure } from './exposure.js';
import { planLicense } from './license-plan.js';
import { policyClassKey, policyViolations, resolveReallocationPolicy } from './policy.js';
import {
  collectParties,
  takeUnits,
  type CollectedParties,
  type LicenseParties,
  type SourceCell,
} from './suggest-parties.js';
import { licenseTypeRank, transferRequests } from './transfer-requests.js';
import type {
  ExposureSummary,
  PlannedMove,
  ReallocationInput,
  ReallocationPlan,
  ReallocationPolicy,
  ReallocationVirtualAccount,
} from './types.js';

const LICENSE_TYPES = ['PERPETUAL', 'TERM', 'UNKNOWN'] as const;

/**
 * Writes the moves of one license, split by the license types of the lots they take
 * (perpetual, then the longest term, then lots of unknown type), sorted by source then target. Returns the units moved.
 */
function planLicenseMoves(
  licenseId: number,
  entry: LicenseParties,
  allowed: (fromKey: string, toKey: string) => boolean,
  sourceCell: CollectedParties['sourceCell'],
  into: PlannedMove[],
): number {
  const start = into.length;
  let moved = 0;
  const taken = { PERPETUAL: 0, TERM: 0, UNKNOWN: 0 };
  planLicense(entry.suppliers, entry.receivers, allowed, (from, to, quantity) => {
    takeUnits(sourceCell(licenseId, from) as SourceCell, quantity, taken);
    moved += quantity;
    for (const licenseType of LICENSE_TYPES) {
      if (taken[licenseType] === 0) continue;
      into.push({
        licenseId,
        licenseType,
        quantity: taken[licenseType],
        fromVirtualAccountId: from,
        toVirtualAccountId: to,
      });
    }
  });
  const mine = into
    .slice(start)
    .sort(
      (a, b) =>
        a.fromVirtualAccountId - b.fromVirtualAccountId ||
        a.toVirtualAccountId - b.toVirtualAccountId ||
        licenseTypeRank(a.licenseType) - licenseTypeRank(b.licenseType),
    );
  mine.forEach((move, i) => (into[start + i] = move));
  return moved;
}

/** Exposure before and after curing `cured` units per license (whole account, every line). */
function planExposure(
  input: ReallocationInput,
  cured: ReadonlyMap<number, number>,
): ExposureSummary {
  const shortfall = new Map<number, number>();
  for (const line of input.lines) {
    if (line.shortfall > 0) {
      shortfall.set(line.licenseId, (shortfall.get(line.licenseId) ?? 0) + line.shortfall);
    }
  }
  const before = emptyExposure();
  const after = emptyExposure();
  for (const [licenseId, units] of shortfall) {
    addLineExposure(before, { licenseId, shortfall: units }, input.unitPrices);
    const left = units - (cured.get(licenseId) ?? 0);
    addLineExposure(after, { licenseId, shortfall: left }, input.unitPrices);
  }
  const exposure = compareExposure(before, after);
  return {
    exposureBefore: exposure.before,
    exposureAfter: exposure.after,
    unpricedShortfallBefore: before.unpricedShortfall,
    unpricedShortfallAfter: after.unpricedShortfall,
  };
}

/**
 * The optimizer: a plan of moves that minimises the Smart Account's true-up exposure (money
 * where priced, units otherwise), then the number of moves.
 *
 * Exposure is Σ shortfall × unit price and a price is per license, so licenses are
 * independent and minimising exposure means maximising the cured units of every license.
 * Per license this is a transportation problem: suppliers are the Virtual Accounts with
 * movable surplus = min(surplus − headroom, SMART lots that do not end before the horizon)
 * (reserved units are part of consumed, so never part of the surplus), receivers those with a
 * shortfall, arcs the pairs the policy allows (locked Virtual Accounts take no part). Sources
 * only give movable surplus and receivers only receive up to their shortfall, so no Virtual
 * Account's shortfall rises. Chained moves cannot reach further than direct ones (every arc
 * rule is an equivalence or, for production → non-production, closed under chaining), so
 * direct moves suffice. `planLicense` solves it exactly as a max flow between policy classes
 * and realises it with at most sources + sinks − 1 moves per connected component (fewest
 * moves exactly is NP-hard; a pair whose units come from perpetual and term lots is written as
 * two moves, one per license type, since Cisco's transfer API names the type). Without policy arcs cured = min(Σ movable surplus, Σ shortfall)
 * per license, which is `boundUnits`.
 *
 * Cost: O(lines + lots) to collect, then per license a max flow on #classes + 2 nodes and
 * O(parties log parties) to sort; then O(moves). Plans simulate without a warning (tested).
 */
export function suggestReallocation(
  input: ReallocationInput,
  policy?: ReallocationPolicy,
): ReallocationPlan {
  assert(isIsoDate(input.asOf), 'INVALID_DATE', `"${input.asOf}" is not a calendar date`);
  const resolved = resolveReallocationPolicy(policy);
  const { parties, sourceCell } = collectParties(input, resolved);
  const representative = new Map<string, ReallocationVirtualAccount>();
  for (const account of input.virtualAccounts) {
    representative.set(policyClassKey(resolved, account), account);
  }
  const arcRules = { ...resolved, locked: new Set<number>() };
  const arcs = new Map<string, boolean>();
  const allowed = (fromKey: string, toKey: string): boolean => {
    if (fromKey === toKey) return true;
    const key = `${fromKey}>${toKey}`;
    let answer = arcs.get(key);
    if (answer === undefined) {
      const from = representative.get(fromKey) as ReallocationVirtualAccount;
      const to = representative.get(toKey) as ReallocationVirtualAccount;
      answer = policyViolations(arcRules, from, to).length === 0;
      arcs.set(key, answer);
    }
    return answer;
  };

  const moves: PlannedMove[] = [];
  const cured = new Map<number, number>();
  let boundUnits = 0;
  for (const licenseId of [...parties.keys()].sort((a, b) => a - b)) {
    const entry = parties.get(licenseId) as LicenseParties;
    boundUnits += Math.min(entry.supply, entry.demand);
    if (entry.suppliers.length === 0 || entry.receivers.length === 0) continue;
    cured.set(licenseId, planLicenseMoves(licenseId, entry, allowed, sourceCell, moves));
  }
  let curedUnits = 0;
  for (const units of cured.values()) curedUnits += units;
  return {
    moves,
    transferRequests: transferRequests(moves),
    curedUnits,
    boundUnits,
    ...planExposure(input, cured),
  };
}
