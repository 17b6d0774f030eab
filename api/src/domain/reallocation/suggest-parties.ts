import type { LicenseType } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

import type { Party } from './license-plan.js';
import { compareLotsForMove, expiresBeforeHorizon } from './lot-selection.js';
import { headroomUnits, policyClassKey, type ResolvedReallocationPolicy } from './policy.js';
import type { ReallocationInput, ReallocationLot } from './types.js';

/** The lots one source's moves take, in `selectLots` order, and how far its moves got. */
export interface SourceCell {
  /** SMART lots that count as cure (not ending before the horizon). */
  readonly lots: ReallocationLot[];
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
  /** The source cell of a license × Virtual Account, or undefined. */
  readonly sourceCell: (licenseId: number, virtualAccountId: number) => SourceCell | undefined;
}

/**
 * One pass over the lines for the receivers (shortfall), one for the would-be suppliers of
 * licenses someone lacks, one over the lots for their movable SMART units. Virtual Accounts
 * of other Smart Accounts take no part; locked ones count toward the bound only. Cells are
 * keyed by a dense number (license index × Virtual Accounts + account index): one map
 * lookup per line or lot.
 */
export function collectParties(
  input: ReallocationInput,
  policy: ResolvedReallocationPolicy,
): CollectedParties {
  const accountIndex = new Map<number, number>();
  const classKeys: string[] = [];
  for (const account of input.virtualAccounts) {
    if (account.smartAccountId !== input.smartAccountId || accountIndex.has(account.id)) continue;
    accountIndex.set(account.id, classKeys.length);
    classKeys.push(policyClassKey(policy, account));
  }
  const accounts = classKeys.length;
  const licenseIndex = new Map<number, number>();
  const parties: LicenseParties[] = [];
  for (const line of input.lines) {
    if (line.shortfall === 0) continue;
    const account = accountIndex.get(line.virtualAccountId);
    if (account === undefined) continue;
    let index = licenseIndex.get(line.licenseId);
    if (index === undefined) {
      index = parties.length;
      licenseIndex.set(line.licenseId, index);
      parties.push({ suppliers: [], receivers: [], supply: 0, demand: 0 });
    }
    const entry = parties[index] as LicenseParties;
    entry.demand += line.shortfall;
    if (!policy.locked.has(line.virtualAccountId)) {
      entry.receivers.push({
        virtualAccountId: line.virtualAccountId,
        amount: line.shortfall,
        classKey: classKeys[account] as string,
      });
    }
  }
  // Cells (license × Virtual Account with surplus) as parallel arrays; lots chained per cell.
  const cellIndex = denseIndex(parties.length * accounts);
  const cellLines: PositionLine[] = [];
  const cellLotUnits: number[] = [];
  const cellHead: number[] = [];
  const keyOf = (licenseId: number, virtualAccountId: number): number => {
    const license = licenseIndex.get(licenseId);
    const account = accountIndex.get(virtualAccountId);
    return license === undefined || account === undefined ? -1 : license * accounts + account;
  };
  for (const line of input.lines) {
    if (line.surplus === 0) continue;
    const key = keyOf(line.licenseId, line.virtualAccountId);
    if (key < 0) continue;
    cellIndex.set(key, cellLines.length);
    cellLines.push(line);
    cellLotUnits.push(0);
    cellHead.push(-1);
  }
  const lots = input.lots;
  const nextLot = new Int32Array(lots.length).fill(-1);
  for (let i = 0; i < lots.length; i += 1) {
    const lot = lots[i] as ReallocationLot;
    if (lot.source !== 'SMART' || expiresBeforeHorizon(lot, policy.horizon)) continue;
    const key = keyOf(lot.licenseId, lot.virtualAccountId);
    const cell = key < 0 ? -1 : cellIndex.get(key);
    if (cell < 0) continue;
    cellLotUnits[cell] = (cellLotUnits[cell] as number) + lot.quantity;
    nextLot[i] = cellHead[cell] as number;
    cellHead[cell] = i;
  }
  cellLines.forEach((line, cell) => {
    const headroom = headroomUnits(line.consumed, policy.headroomBasisPoints);
    const movable = Math.max(0, Math.min(line.surplus - headroom, cellLotUnits[cell] as number));
    if (movable === 0) return;
    const entry = parties[licenseIndex.get(line.licenseId) as number] as LicenseParties;
    entry.supply += movable;
    if (policy.locked.has(line.virtualAccountId)) return;
    entry.suppliers.push({
      virtualAccountId: line.virtualAccountId,
      amount: movable,
      classKey: classKeys[accountIndex.get(line.virtualAccountId) as number] as string,
    });
  });
  const sources = new Map<number, SourceCell>();
  return {
    parties: new Map(
      [...licenseIndex].map(([licenseId, index]) => [licenseId, parties[index] as LicenseParties]),
    ),
    sourceCell: (licenseId, virtualAccountId) => {
      const key = keyOf(licenseId, virtualAccountId);
      const cell = key < 0 ? -1 : cellIndex.get(key);
      if (cell < 0) return undefined;
      let source = sources.get(cell);
      if (!source) {
        const chained: ReallocationLot[] = [];
        for (let i = cellHead[cell] as number; i >= 0; i = nextLot[i] as number) {
          chained.push(lots[i] as ReallocationLot);
        }
        source = { lots: chained.sort(compareLotsForMove), cursor: 0, takenFromCursor: 0 };
        sources.set(cell, source);
      }
      return source;
    },
  };
}

/**
 * number → non-negative number map (-1 when absent): a typed array when the key range is small
 * enough, else a Map. Slots hold value + 1, so the zeroed array needs no fill (filling
 * parties × accounts slots with -1 cost more than the rest of the collection on the large estate).
 */
function denseIndex(size: number): {
  get(key: number): number;
  set(key: number, value: number): void;
} {
  if (size <= 1 << 24) {
    const slots = new Int32Array(size);
    return {
      get: (key) => (slots[key] as number) - 1,
      set: (key, value) => void (slots[key] = value + 1),
    };
  }
  const map = new Map<number, number>();
  return { get: (key) => map.get(key) ?? -1, set: (key, value) => void map.set(key, value) };
}

/**
 * Takes `quantity` units from the source's lots in `selectLots` order (perpetual, then the
 * longest term, then unknown type), continuing where the previous move from this source stopped; writes the
 * units per license type into `taken` (reused, to spare an allocation per move).
 */
export function takeUnits(
  cell: SourceCell,
  quantity: number,
  taken: Record<LicenseType, number>,
): void {
  taken.PERPETUAL = 0;
  taken.TERM = 0;
  taken.UNKNOWN = 0;
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
}
