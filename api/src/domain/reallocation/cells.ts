import type { IsoDate } from '../calendar.js';
import type { LicenseType } from '../position/lot.js';
import { lineBalance, type PositionLine } from '../position/position.js';

import type { ReallocationInput } from './types.js';

/** A SMART lot (stored, or created by an earlier move) with the units it still holds. */
export interface PoolLot {
  readonly lotId: number | null;
  readonly originLotId: number;
  readonly licenseType: LicenseType;
  readonly source: 'SMART';
  quantity: number;
  readonly endDate: IsoDate | null;
}

/** One Virtual Account × license while moves are applied: the line before, owned now, SMART lots now. */
export interface Cell {
  readonly before: PositionLine;
  owned: number;
  ownedSmart: number;
  readonly pool: PoolLot[];
}

/** Cells by license id, then by Virtual Account id. */
export type CellIndex = Map<number, Map<number, Cell>>;

export function zeroLine(virtualAccountId: number, licenseId: number): PositionLine {
  return {
    virtualAccountId,
    licenseId,
    owned: 0,
    ownedSmart: 0,
    ownedClassic: 0,
    consumed: 0,
    reserved: 0,
    balance: 0,
    shortfall: 0,
    surplus: 0,
    billing: 'UNKNOWN',
    usageReportedAt: null,
    ledger: null,
    device: null,
  };
}

/** The cell of a Virtual Account × license, created empty when the position has no line. */
export function cellOf(index: CellIndex, virtualAccountId: number, licenseId: number): Cell {
  let byAccount = index.get(licenseId);
  if (!byAccount) {
    byAccount = new Map();
    index.set(licenseId, byAccount);
  }
  let cell = byAccount.get(virtualAccountId);
  if (!cell) {
    cell = { before: zeroLine(virtualAccountId, licenseId), owned: 0, ownedSmart: 0, pool: [] };
    byAccount.set(virtualAccountId, cell);
  }
  return cell;
}

/**
 * Indexes the lines and SMART lots of the given licenses only (a plan touches few of the
 * account's licenses; one pass over each list, no per-line work for the others).
 */
export function indexCells(input: ReallocationInput, licenseIds: ReadonlySet<number>): CellIndex {
  const index: CellIndex = new Map();
  for (const line of input.lines) {
    if (!licenseIds.has(line.licenseId)) continue;
    let byAccount = index.get(line.licenseId);
    if (!byAccount) {
      byAccount = new Map();
      index.set(line.licenseId, byAccount);
    }
    byAccount.set(line.virtualAccountId, {
      before: line,
      owned: line.owned,
      ownedSmart: line.ownedSmart,
      pool: [],
    });
  }
  for (const lot of input.lots) {
    if (lot.source !== 'SMART' || !licenseIds.has(lot.licenseId)) continue;
    cellOf(index, lot.virtualAccountId, lot.licenseId).pool.push({
      lotId: lot.lotId,
      originLotId: lot.lotId,
      licenseType: lot.licenseType,
      source: 'SMART',
      quantity: lot.quantity,
      endDate: lot.endDate,
    });
  }
  return index;
}

/** The cell's line now: owned changed by the moves, consumed and reserved as before. */
export function currentLine(cell: Cell): PositionLine {
  return {
    ...cell.before,
    owned: cell.owned,
    ownedSmart: cell.ownedSmart,
    ...lineBalance(cell.owned, cell.before.consumed, cell.before.billing),
  };
}

export function poolQuantity(pool: readonly PoolLot[]): number {
  let total = 0;
  for (const lot of pool) total += lot.quantity;
  return total;
}
