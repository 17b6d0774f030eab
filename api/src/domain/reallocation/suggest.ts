import { isIsoDate } from '../calendar.js';
import { assert } from '../errors.js';

import { addLineExposure, compareExposure, emptyExposure } from './exposure.js';
import { planLicense, type UnitMove } from './license-plan.js';
import { policyClassKey, policyViolations, resolveReallocationPolicy } from './policy.js';
import {
  collectParties,
  takeUnits,
  type LicenseParties,
  type SourceCell,
} from './suggest-parties.js';
import { transferRequests } from './transfer-requests.js';
import type {
  ExposureSummary,
  PlannedMove,
  ReallocationInput,
  ReallocationPlan,
  ReallocationPolicy,
  ReallocationVirtualAccount,
} from './types.js';

/** Splits each unit move by the license types of the lots it takes (perpetual, then longest term). */
function typedMoves(
  licenseId: number,
  moves: readonly UnitMove[],
  cells: ReadonlyMap<number, SourceCell>,
  into: PlannedMove[],
): void {
  for (const move of moves) {
    const taken = takeUnits(cells.get(move.fromVirtualAccountId) as SourceCell, move.quantity);
    for (const licenseType of ['PERPETUAL', 'TERM'] as const) {
      const quantity = taken[licenseType];
      if (quantity > 0) into.push({ ...move, licenseId, licenseType, quantity });
    }
  }
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
 * moves exactly is NP-hard). Without policy arcs cured = min(Σ movable surplus, Σ shortfall)
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
  const { parties, sources } = collectParties(input, resolved);
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
    const unitMoves = planLicense(entry.suppliers, entry.receivers, allowed).sort(
      (a, b) =>
        a.fromVirtualAccountId - b.fromVirtualAccountId ||
        a.toVirtualAccountId - b.toVirtualAccountId,
    );
    typedMoves(licenseId, unitMoves, sources.get(licenseId) as Map<number, SourceCell>, moves);
    cured.set(
      licenseId,
      unitMoves.reduce((sum, move) => sum + move.quantity, 0),
    );
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
