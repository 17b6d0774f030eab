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
  /** grossShortfall − netShortfall: the part that moving surplus between Virtual Accounts cures. */
  readonly curableByReallocation: number;
  /** max(0, balance): account-wide surplus after covering every shortfall. */
  readonly surplus: number;
  /** Σ of per-Virtual-Account surpluses: what could be moved. */
  readonly grossSurplus: number;
  readonly virtualAccountCount: number;
}

/**
 * Rolls per-Virtual-Account lines up to one position per license, in order of first
 * appearance. Conserves totals: Σ owned and Σ consumed equal those of the lines.
 */
export function licensePositions(lines: readonly PositionLine[]): LicensePosition[] {
  const byLicense = new Map<
    number,
    Omit<LicensePosition, 'netShortfall' | 'curableByReallocation' | 'surplus'>
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
      virtualAccountCount: current.virtualAccountCount + 1,
    });
  }
  return [...byLicense.values()].map((sum) => {
    const netShortfall = Math.max(0, -sum.balance);
    return {
      ...sum,
      netShortfall,
      curableByReallocation: sum.grossShortfall - netShortfall,
      surplus: Math.max(0, sum.balance),
    };
  });
}
