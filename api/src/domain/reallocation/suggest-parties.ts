import type { LicenseType } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

import type { Party } from './license-plan.js';
import { compareLotsForMove, expiresBeforeHorizon } from './lot-selection.js';
import { headroomUnits, policyClassKey, type ResolvedReallocationPolicy } from './policy.js';
import type { ReallocationInput, ReallocationLot } from './types.js';

/** A Virtual Account × license with movable surplus, and the lots its moves take in order. */
export interface SourceCell {
  readonly line: PositionLine;
  /** SMART lots that count as cure (not ending before the horizon). */
  readonly lots: ReallocationLot[];
  sorted: boolean;
  /** Index of the lot the next unit comes from, and units already taken from it. */
  cursor: number;
  takenFromCursor: number;
}

export interface LicenseParties {
  readonly suppliers: Party[];
  readonly receivers: Party[];
  /** Σ movable surplus and Σ shortfall over the account, policy arcs ignored (the bound). */
  supply: number;
  demand: number;
}

export interface CollectedParties {
  readonly parties: Map<number, LicenseParties>;
  readonly sources: Map<number, Map<number, SourceCell>>;
}

/**
 * One pass over the lines for the receivers (shortfall), one for the would-be suppliers of
 * licenses someone lacks, one over the lots for their movable SMART units. Virtual Accounts
 * of other Smart Accounts take no part; locked ones count toward the bound only.
 */
export function collectParties(
  input: ReallocationInput,
  policy: ResolvedReallocationPolicy,
): CollectedParties {
  const classKeys = new Map<number, string>();
  for (const account of input.virtualAccounts) {
    if (account.smartAccountId === input.smartAccountId) {
      classKeys.set(account.id, policyClassKey(policy, account));
    }
  }
  const parties = new Map<number, LicenseParties>();
  for (const line of input.lines) {
    const classKey = classKeys.get(line.virtualAccountId);
    if (line.shortfall === 0 || classKey === undefined) continue;
    let entry = parties.get(line.licenseId);
    if (!entry) {
      entry = { suppliers: [], receivers: [], supply: 0, demand: 0 };
      parties.set(line.licenseId, entry);
    }
    entry.demand += line.shortfall;
    if (!policy.locked.has(line.virtualAccountId)) {
      entry.receivers.push({
        virtualAccountId: line.virtualAccountId,
        amount: line.shortfall,
        classKey,
      });
    }
  }
  const sources = new Map<number, Map<number, SourceCell>>();
  for (const line of input.lines) {
    if (line.surplus === 0 || !parties.has(line.licenseId)) continue;
    if (!classKeys.has(line.virtualAccountId)) continue;
    let byAccount = sources.get(line.licenseId);
    if (!byAccount) {
      byAccount = new Map();
      sources.set(line.licenseId, byAccount);
    }
    byAccount.set(line.virtualAccountId, {
      line,
      lots: [],
      sorted: false,
      cursor: 0,
      takenFromCursor: 0,
    });
  }
  for (const lot of input.lots) {
    if (lot.source !== 'SMART' || expiresBeforeHorizon(lot, policy.horizon)) continue;
    sources.get(lot.licenseId)?.get(lot.virtualAccountId)?.lots.push(lot);
  }
  for (const [licenseId, byAccount] of sources) {
    const entry = parties.get(licenseId) as LicenseParties;
    for (const [virtualAccountId, cell] of byAccount) {
      let lotUnits = 0;
      for (const lot of cell.lots) lotUnits += lot.quantity;
      const headroom = headroomUnits(cell.line.consumed, policy.headroomBasisPoints);
      const movable = Math.max(0, Math.min(cell.line.surplus - headroom, lotUnits));
      if (movable === 0) continue;
      entry.supply += movable;
      if (policy.locked.has(virtualAccountId)) continue;
      entry.suppliers.push({
        virtualAccountId,
        amount: movable,
        classKey: classKeys.get(virtualAccountId) as string,
      });
    }
  }
  return { parties, sources };
}

/**
 * Takes `quantity` units from the source's lots in `selectLots` order (perpetual, then the
 * longest term), continuing where the previous move from this source stopped. Returns the
 * units per license type.
 */
export function takeUnits(cell: SourceCell, quantity: number): Record<LicenseType, number> {
  if (!cell.sorted) {
    cell.lots.sort(compareLotsForMove);
    cell.sorted = true;
  }
  const taken: Record<LicenseType, number> = { PERPETUAL: 0, TERM: 0 };
  let left = quantity;
  while (left > 0) {
    const lot = cell.lots[cell.cursor];
    if (!lot) break;
    const units = Math.min(left, lot.quantity - cell.takenFromCursor);
    taken[lot.licenseType] += units;
    left -= units;
    cell.takenFromCursor += units;
    if (cell.takenFromCursor === lot.quantity) {
      cell.cursor += 1;
      cell.takenFromCursor = 0;
    }
  }
  return taken;
}
