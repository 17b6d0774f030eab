import { licensePositions, type PositionLine } from '../position/index.js';

import { multiplyMoney, totalsByCurrency, type Money } from './money.js';

/** shortfall × unit true-up price; null when the license has no price. */
export function lineExposure(shortfall: number, unitPrice: Money | undefined): Money | null {
  return unitPrice ? multiplyMoney(unitPrice, shortfall) : null;
}

/** Exposure totals, one amount per currency (currencies are never added together). */
export interface ExposureTotals {
  /** Σ per-Virtual-Account shortfall × price: billed at a true-up if nothing moves. */
  readonly gross: readonly Money[];
  /** Σ per license max(0, Σ consumed − Σ owned) × price: left after reallocation cures what it can. */
  readonly net: readonly Money[];
  /** gross − net: what moving surplus between Virtual Accounts saves. */
  readonly curableByReallocation: readonly Money[];
}

export interface AccountExposure extends ExposureTotals {
  readonly byProductFamily: readonly (ExposureTotals & { readonly productFamily: string | null })[];
  /** Licenses short somewhere but without a price: their money is unknown, not zero. */
  readonly unpricedLicenseIds: readonly number[];
}

function totals(
  positions: readonly {
    licenseId: number;
    grossShortfall: number;
    netShortfall: number;
    curableByReallocation: number;
  }[],
  prices: ReadonlyMap<number, Money>,
): ExposureTotals {
  const gross: Money[] = [];
  const net: Money[] = [];
  const curable: Money[] = [];
  for (const position of positions) {
    const price = prices.get(position.licenseId);
    if (!price) continue;
    gross.push(multiplyMoney(price, position.grossShortfall));
    net.push(multiplyMoney(price, position.netShortfall));
    // Smart surplus only: classic PAK units cure by conversion, not by moving.
    curable.push(multiplyMoney(price, position.curableByReallocation));
  }
  return {
    gross: totalsByCurrency(gross),
    net: totalsByCurrency(net),
    curableByReallocation: totalsByCurrency(curable),
  };
}

/**
 * Money at stake in a Smart Account's position: gross (per-Virtual-Account shortfalls), net
 * (after reallocation) and the difference, overall and per product family (families sorted by
 * name, unnamed last). Licenses without a price are left out of the sums and listed.
 */
export function accountExposure(input: {
  readonly lines: readonly PositionLine[];
  readonly prices: ReadonlyMap<number, Money>;
  readonly productFamilies: ReadonlyMap<number, string | null>;
}): AccountExposure {
  const positions = licensePositions(input.lines);
  const families = new Map<string | null, typeof positions>();
  for (const position of positions) {
    const family = input.productFamilies.get(position.licenseId) ?? null;
    families.set(family, [...(families.get(family) ?? []), position]);
  }
  const familyNames = [...families.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    ...totals(positions, input.prices),
    byProductFamily: familyNames.map((productFamily) => ({
      productFamily,
      ...totals(families.get(productFamily) ?? [], input.prices),
    })),
    unpricedLicenseIds: positions
      .filter((p) => p.grossShortfall > 0 && !input.prices.has(p.licenseId))
      .map((p) => p.licenseId)
      .sort((a, b) => a - b),
  };
}
