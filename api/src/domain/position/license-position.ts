import type { PositionLine } from './position.js';

/** One license across the whole Smart Account. */
export interface LicensePosition {
  readonly licenseId: number;
  readonly owned: number;
  readonly consumed: number;
  readonly reserved: number;
  /** Σ of line balances: Σ owned − Σ consumed over lines not billed by usage. */
  readonly balance: number;
  /** Σ of per-Virtual-Account shortfalls: what the vendor would bill with no reallocation. */
  readonly grossShortfall: number;
  /** max(0, Σ consumed − Σ owned): what remains short after any reallocation. */
  readonly netShortfall: number;
  /**
   * min(grossShortfall, movableSurplus): the part that moving Smart surplus between Virtual
   * Accounts cures. Classic PAK units are outside the Smart Account and never move.
   */
  readonly curableByReallocation: number;
  /**
   * grossShortfall − netShortfall − curableByReallocation: the part only converting classic PAK
   * units (into the short Virtual Accounts) cures.
   */
  readonly curableByConversion: number;
  /** max(0, balance): account-wide surplus after covering every shortfall. */
  readonly surplus: number;
  /** Σ of per-Virtual-Account surpluses, classic PAK units included. */
  readonly grossSurplus: number;
  /** Σ per Virtual Account of min(surplus, ownedSmart): the surplus reallocation can move. */
  readonly movableSurplus: number;
  readonly virtualAccountCount: number;
}

/**
 * The part of a line's surplus that reallocation can move: Smart units only (the position
 * counts classic PAK units as covering consumption first, as the optimizer does).
 */
export function movableSurplus(line: PositionLine): number {
  return Math.min(line.surplus, line.ownedSmart);
}

/**
 * Rolls per-Virtual-Account lines up to one position per license, in order of first
 * appearance. Conserves totals: Σ owned and Σ consumed equal those of the lines.
 */
export function licensePositions(lines: readonly PositionLine[]): LicensePosition[] {
  const byLicense = new Map<
    number,
    Omit<
      LicensePosition,
      'netShortfall' | 'curableByReallocation' | 'curableByConversion' | 'surplus'
    >
  >();
  for (const line of lines) {
    const current = byLicense.get(line.licenseId) ?? {
      licenseId: line.licenseId,
      owned: 0,
      consumed: 0,
      reserved: 0,
      balance: 0,
      grossShortfall: 0,
      grossSurplus: 0,
      movableSurplus: 0,
      virtualAccountCount: 0,
    };
    byLicense.set(line.licenseId, {
      licenseId: line.licenseId,
      owned: current.owned + line.owned,
      consumed: current.consumed + line.consumed,
      reserved: current.reserved + line.reserved,
      balance: current.balance + line.balance,
      grossShortfall: current.grossShortfall + line.shortfall,
      grossSurplus: current.grossSurplus + line.surplus,
      movableSurplus: current.movableSurplus + movableSurplus(line),
      virtualAccountCount: current.virtualAccountCount + 1,
    });
  }
  return [...byLicense.values()].map((sum) => {
    const netShortfall = Math.max(0, -sum.balance);
    const curableByReallocation = Math.min(sum.grossShortfall, sum.movableSurplus);
    return {
      ...sum,
      netShortfall,
      curableByReallocation,
      curableByConversion: sum.grossShortfall - netShortfall - curableByReallocation,
      surplus: Math.max(0, sum.balance),
    };
  });
}
