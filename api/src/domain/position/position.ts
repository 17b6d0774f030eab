import { assert } from '../errors.js';

/**
 * Sums for one Virtual Account × license at one as-of date, as aggregated by the database.
 * `consumed` already includes reserved quantities (see `deviceConsumption`).
 */
export interface PositionSums {
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly ownedSmart: number;
  readonly ownedClassic: number;
  readonly consumed: number;
  readonly reserved: number;
}

/** The position of one license in one Virtual Account. All quantities are integers. */
export interface PositionLine {
  readonly virtualAccountId: number;
  readonly licenseId: number;
  /** Smart entitlements active at the as-of date, plus classic PAK ones in the unified view. */
  readonly owned: number;
  readonly ownedSmart: number;
  readonly ownedClassic: number;
  readonly consumed: number;
  /** Part of `consumed` pinned by SLR/PLR reservations (a breakdown, not an addition). */
  readonly reserved: number;
  /** owned − consumed; negative on a shortfall. */
  readonly balance: number;
  /** max(0, −balance). */
  readonly shortfall: number;
  /** max(0, balance). */
  readonly surplus: number;
}

export interface PositionOptions {
  /** Count CLASSIC_PAK lots as owned (the unified position). Default true. */
  readonly includeClassic: boolean;
}

function checkQuantity(value: number, field: string): void {
  assert(
    Number.isSafeInteger(value) && value >= 0,
    'INVALID_QUANTITY',
    `${field} must be a non-negative integer`,
    {
      field,
      value,
    },
  );
}

/** Turns database sums into a position line: balance = owned − consumed, split into shortfall/surplus. */
export function positionLine(sums: PositionSums, options: PositionOptions): PositionLine {
  checkQuantity(sums.ownedSmart, 'ownedSmart');
  checkQuantity(sums.ownedClassic, 'ownedClassic');
  checkQuantity(sums.consumed, 'consumed');
  checkQuantity(sums.reserved, 'reserved');
  const ownedClassic = options.includeClassic ? sums.ownedClassic : 0;
  const owned = sums.ownedSmart + ownedClassic;
  const balance = owned - sums.consumed;
  return {
    virtualAccountId: sums.virtualAccountId,
    licenseId: sums.licenseId,
    owned,
    ownedSmart: sums.ownedSmart,
    ownedClassic,
    consumed: sums.consumed,
    reserved: sums.reserved,
    balance,
    shortfall: Math.max(0, -balance),
    surplus: Math.max(0, balance),
  };
}
