import type { IsoDate } from '../calendar.js';
import { assert } from '../errors.js';
import type { EntitlementSource, LicenseType } from '../position/lot.js';

import { licenseTypeRank } from './transfer-requests.js';
import type { LotAllocation } from './types.js';

/** A lot a move could take units from: a stored lot, or one created by an earlier move. */
export interface SelectableLot {
  /** null = created by an earlier move of the same list (then `originLotId` is required). */
  readonly lotId: number | null;
  readonly originLotId?: number;
  readonly licenseType: LicenseType;
  readonly source: EntitlementSource;
  readonly quantity: number;
  readonly endDate: IsoDate | null;
}

export interface LotSelection {
  readonly allocations: readonly LotAllocation[];
  /** Units the lots could not supply (0 when the selection is complete). */
  readonly missing: number;
}

/**
 * The order in which a move takes units, as Cisco's precedence does: PERPETUAL before TERM,
 * lots of UNKNOWN type last (their type must be checked in CSSM before a transfer);
 * among TERM lots the longest remaining term first (an open-ended TERM lot, with no end date,
 * counts as the longest, then the latest `endDate`); ties by `lotId` ascending, stored lots
 * before lots created by earlier moves, those by `originLotId`. Negative = `a` goes first.
 */
export function compareLotsForMove(a: SelectableLot, b: SelectableLot): number {
  if (a.licenseType !== b.licenseType) {
    return licenseTypeRank(a.licenseType) - licenseTypeRank(b.licenseType);
  }
  if (a.licenseType === 'TERM' && a.endDate !== b.endDate) {
    if (a.endDate === null) return -1;
    if (b.endDate === null) return 1;
    return a.endDate > b.endDate ? -1 : 1;
  }
  if (a.lotId !== b.lotId) {
    if (a.lotId === null) return 1;
    if (b.lotId === null) return -1;
    return a.lotId - b.lotId;
  }
  return (a.originLotId ?? 0) - (b.originLotId ?? 0);
}

/**
 * Chooses the lots a move of `quantity` units takes, in `compareLotsForMove` order. Only SMART
 * lots move (CLASSIC_PAK lots are outside the Smart Account until converted); `licenseType`
 * restricts the choice to that type. Never takes more than a lot holds; Σ allocations +
 * `missing` = `quantity`.
 */
export function selectLots(
  lots: readonly SelectableLot[],
  quantity: number,
  licenseType?: LicenseType,
): LotSelection {
  assert(
    Number.isSafeInteger(quantity) && quantity > 0,
    'INVALID_QUANTITY',
    'a move quantity must be a positive integer',
    { quantity },
  );
  const candidates = lots
    .filter(
      (lot) =>
        lot.source === 'SMART' &&
        lot.quantity > 0 &&
        (licenseType === undefined || lot.licenseType === licenseType),
    )
    .sort(compareLotsForMove);
  const allocations: LotAllocation[] = [];
  let missing = quantity;
  for (const lot of candidates) {
    if (missing === 0) break;
    const originLotId = lot.lotId ?? lot.originLotId;
    assert(originLotId !== undefined, 'UNKNOWN_LOT', 'a created lot needs its origin lot id');
    const taken = Math.min(missing, lot.quantity);
    allocations.push({
      lotId: lot.lotId,
      originLotId,
      quantity: taken,
      licenseType: lot.licenseType,
      endDate: lot.endDate,
    });
    missing -= taken;
  }
  return { allocations, missing };
}

/** True when a TERM lot ends before `horizon` (so it does not count as cure). */
export function expiresBeforeHorizon(
  lot: Pick<SelectableLot, 'licenseType' | 'endDate'>,
  horizon: IsoDate | undefined,
): boolean {
  return (
    horizon !== undefined &&
    lot.licenseType === 'TERM' &&
    lot.endDate !== null &&
    lot.endDate < horizon
  );
}
