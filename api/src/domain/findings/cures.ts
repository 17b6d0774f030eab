import { movableSurplus, type LicensePosition } from '../position/license-position.js';
import type { PositionLine } from '../position/position.js';

import type { Estate } from './estate.js';
import { compareText } from './text.js';

/** Units of classic PAK held in one Virtual Account to convert into a short one. */
export interface Conversion {
  readonly fromVirtualAccountId: number;
  readonly intoVirtualAccountId: number;
  readonly quantity: number;
}

/** How one short Virtual Account's shortfall is cured. */
export interface ShortLineCure {
  readonly line: PositionLine;
  readonly curableByReallocation: number;
  readonly curableByConversion: number;
  readonly needsPurchase: number;
  readonly conversions: readonly Conversion[];
}

/** One license's cures across the Smart Account. */
export interface LicenseCures {
  /** Short lines, largest shortfall first (ties by Virtual Account name, then id). */
  readonly short: readonly ShortLineCure[];
  /** Lines with Smart surplus that can move, by name. */
  readonly donors: readonly PositionLine[];
  /** Conversions out of each Virtual Account holding classic PAK surplus. */
  readonly conversionsFrom: ReadonlyMap<number, readonly Conversion[]>;
}

/**
 * Splits each shortfall of a license into what moving Smart surplus cures, what converting
 * classic PAK units into the short Virtual Account cures, and what must be bought. Classic
 * units never move (they are outside the Smart Account until converted).
 *
 * Rule: short lines in order of decreasing shortfall, ties by name then id. First the
 * account's `curableByReallocation` is handed out, each taking min(its shortfall, what is left);
 * then the classic surplus (surplus − movable surplus, per Virtual Account by name) is handed
 * out the same way. So per license Σ curableByReallocation and Σ curableByConversion equal the
 * position's, and Σ needsPurchase = netShortfall.
 */
export function licenseCures(
  estate: Estate,
  position: LicensePosition,
  lines: readonly PositionLine[],
): LicenseCures {
  const byName = (a: PositionLine, b: PositionLine): number =>
    compareText(
      estate.virtualAccountName(a.virtualAccountId),
      estate.virtualAccountName(b.virtualAccountId),
    ) || a.virtualAccountId - b.virtualAccountId;
  const shortLines = lines
    .filter((line) => line.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall || byName(a, b));
  const donors = lines.filter((line) => movableSurplus(line) > 0).sort(byName);
  const sources = lines
    .map((line) => ({ line, left: line.surplus - movableSurplus(line) }))
    .filter((source) => source.left > 0)
    .sort((a, b) => byName(a.line, b.line));
  const conversionsFrom = new Map<number, Conversion[]>();
  let curableLeft = position.curableByReallocation;
  const short = shortLines.map((line): ShortLineCure => {
    const curableByReallocation = Math.min(line.shortfall, curableLeft);
    curableLeft -= curableByReallocation;
    let missing = line.shortfall - curableByReallocation;
    const conversions: Conversion[] = [];
    for (const source of sources) {
      if (missing === 0) break;
      const quantity = Math.min(missing, source.left);
      if (quantity === 0) continue;
      source.left -= quantity;
      missing -= quantity;
      const conversion = {
        fromVirtualAccountId: source.line.virtualAccountId,
        intoVirtualAccountId: line.virtualAccountId,
        quantity,
      };
      conversions.push(conversion);
      const list = conversionsFrom.get(conversion.fromVirtualAccountId);
      if (list) list.push(conversion);
      else conversionsFrom.set(conversion.fromVirtualAccountId, [conversion]);
    }
    const curableByConversion = line.shortfall - curableByReallocation - missing;
    return {
      line,
      curableByReallocation,
      curableByConversion,
      needsPurchase: missing,
      conversions,
    };
  });
  return { short, donors, conversionsFrom };
}

/** The PAK numbers of a Virtual Account's classic lots of a license active at the as-of, sorted. */
export function pakNumbers(estate: Estate, virtualAccountId: number, licenseId: number): string[] {
  const lots = estate.activeClassicLots().get(`${virtualAccountId}:${licenseId}`) ?? [];
  return [...new Set(lots.map((lot) => lot.pakNumber ?? 'without PAK number'))].sort(compareText);
}
