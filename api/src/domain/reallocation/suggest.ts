import { isIsoDate } from '../calendar.js';
import { assert } from '../errors.js';
import type { LicenseType } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

import { planLicense, type Party, type UnitMove } from './license-plan.js';
import { expiresBeforeHorizon, selectLots } from './lot-selection.js';
import {
  headroomUnits,
  policyClassKey,
  policyViolations,
  resolveReallocationPolicy,
  type ResolvedReallocationPolicy,
} from './policy.js';
import { simulateReallocation } from './simulate.js';
import { transferRequests } from './transfer-requests.js';
import type {
  PlannedMove,
  ReallocationInput,
  ReallocationLot,
  ReallocationPlan,
  ReallocationPolicy,
  ReallocationVirtualAccount,
} from './types.js';

interface SourceCell {
  readonly line: PositionLine;
  /** SMART lots that count as cure (not ending before the horizon), with units still unplanned. */
  readonly lots: { -readonly [K in keyof ReallocationLot]: ReallocationLot[K] }[];
}

interface LicenseParties {
  readonly suppliers: Party[];
  readonly receivers: Party[];
  supply: number;
  demand: number;
}

/** Per license: receivers (shortfall) and suppliers (movable surplus) among the account's VAs. */
function collectParties(
  input: ReallocationInput,
  policy: ResolvedReallocationPolicy,
  accounts: ReadonlyMap<number, ReallocationVirtualAccount>,
): { parties: Map<number, LicenseParties>; sources: Map<number, Map<number, SourceCell>> } {
  const parties = new Map<number, LicenseParties>();
  const sources = new Map<number, Map<number, SourceCell>>();
  const own = (id: number) => accounts.get(id)?.smartAccountId === input.smartAccountId;
  for (const line of input.lines) {
    if (line.shortfall === 0 || !own(line.virtualAccountId)) continue;
    const entry = parties.get(line.licenseId) ?? {
      suppliers: [],
      receivers: [],
      supply: 0,
      demand: 0,
    };
    parties.set(line.licenseId, entry);
    entry.demand += line.shortfall;
    if (!policy.locked.has(line.virtualAccountId)) {
      entry.receivers.push({
        virtualAccountId: line.virtualAccountId,
        amount: line.shortfall,
        classKey: policyClassKey(
          policy,
          accounts.get(line.virtualAccountId) as ReallocationVirtualAccount,
        ),
      });
    }
  }
  for (const line of input.lines) {
    if (line.surplus === 0 || !parties.has(line.licenseId) || !own(line.virtualAccountId)) continue;
    const byAccount = sources.get(line.licenseId) ?? new Map<number, SourceCell>();
    sources.set(line.licenseId, byAccount);
    byAccount.set(line.virtualAccountId, { line, lots: [] });
  }
  for (const lot of input.lots) {
    if (lot.source !== 'SMART' || expiresBeforeHorizon(lot, policy.horizon)) continue;
    sources
      .get(lot.licenseId)
      ?.get(lot.virtualAccountId)
      ?.lots.push({ ...lot });
  }
  for (const [licenseId, byAccount] of sources) {
    const entry = parties.get(licenseId) as LicenseParties;
    for (const [virtualAccountId, cell] of byAccount) {
      const lotUnits = cell.lots.reduce((sum, lot) => sum + lot.quantity, 0);
      const headroom = headroomUnits(cell.line.consumed, policy.headroomBasisPoints);
      const movable = Math.max(0, Math.min(cell.line.surplus - headroom, lotUnits));
      if (movable === 0) continue;
      entry.supply += movable;
      if (policy.locked.has(virtualAccountId)) continue;
      entry.suppliers.push({
        virtualAccountId,
        amount: movable,
        classKey: policyClassKey(
          policy,
          accounts.get(virtualAccountId) as ReallocationVirtualAccount,
        ),
      });
    }
  }
  return { parties, sources };
}

/** Splits each unit move by the license types of the lots it takes (perpetual, then longest term). */
function typedMoves(licenseId: number, moves: readonly UnitMove[], cells: Map<number, SourceCell>) {
  const typed: PlannedMove[] = [];
  for (const move of moves) {
    const lots = (cells.get(move.fromVirtualAccountId) as SourceCell).lots;
    const { allocations } = selectLots(lots, move.quantity);
    const byType = new Map<LicenseType, number>();
    for (const allocation of allocations) {
      byType.set(
        allocation.licenseType,
        (byType.get(allocation.licenseType) ?? 0) + allocation.quantity,
      );
      const lot = lots.find(
        (candidate) => candidate.lotId === allocation.lotId,
      ) as SourceCell['lots'][number];
      lot.quantity -= allocation.quantity;
    }
    for (const licenseType of ['PERPETUAL', 'TERM'] as const) {
      const quantity = byType.get(licenseType);
      if (quantity) typed.push({ ...move, licenseId, licenseType, quantity });
    }
  }
  return typed;
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
 * O(parties log parties) to sort; the plan is checked with `simulateReallocation`.
 */
export function suggestReallocation(
  input: ReallocationInput,
  policy?: ReallocationPolicy,
): ReallocationPlan {
  assert(isIsoDate(input.asOf), 'INVALID_DATE', `"${input.asOf}" is not a calendar date`);
  const resolved = resolveReallocationPolicy(policy);
  const accounts = new Map(input.virtualAccounts.map((account) => [account.id, account]));
  const { parties, sources } = collectParties(input, resolved, accounts);
  const representative = new Map<string, ReallocationVirtualAccount>();
  for (const account of input.virtualAccounts) {
    representative.set(policyClassKey(resolved, account), account);
  }
  const allowed = (fromKey: string, toKey: string): boolean =>
    fromKey === toKey ||
    policyViolations(
      { ...resolved, locked: new Set() },
      representative.get(fromKey) as ReallocationVirtualAccount,
      representative.get(toKey) as ReallocationVirtualAccount,
    ).length === 0;

  const moves: PlannedMove[] = [];
  let boundUnits = 0;
  for (const licenseId of [...parties.keys()].sort((a, b) => a - b)) {
    const entry = parties.get(licenseId) as LicenseParties;
    boundUnits += Math.min(entry.supply, entry.demand);
    if (entry.suppliers.length === 0 || entry.receivers.length === 0) continue;
    const unitMoves = planLicense(entry.suppliers, entry.receivers, allowed);
    moves.push(
      ...typedMoves(licenseId, unitMoves, sources.get(licenseId) as Map<number, SourceCell>),
    );
  }
  moves.sort(
    (a, b) =>
      a.licenseId - b.licenseId ||
      a.fromVirtualAccountId - b.fromVirtualAccountId ||
      a.toVirtualAccountId - b.toVirtualAccountId ||
      (a.licenseType === b.licenseType ? 0 : a.licenseType === 'PERPETUAL' ? -1 : 1),
  );
  const simulation = simulateReallocation(input, moves, policy);
  return {
    moves,
    transferRequests: transferRequests(moves),
    curedUnits: 0 - simulation.shortfallChange,
    boundUnits,
    exposureBefore: simulation.exposureBefore,
    exposureAfter: simulation.exposureAfter,
    unpricedShortfallBefore: simulation.unpricedShortfallBefore,
    unpricedShortfallAfter: simulation.unpricedShortfallAfter,
  };
}
