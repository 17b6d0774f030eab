import type { IsoDate } from '../calendar.js';
import { assert } from '../errors.js';
import { isLotActive } from '../position/lot.js';
import { checkPositiveQuantity } from '../reservations/checks.js';

import type { ConvertibleLot } from './classic-conversion.js';

/** Units to convert from one lot. */
export interface LotShare {
  readonly lot: ConvertibleLot;
  readonly quantity: number;
}

/**
 * Splits a conversion of `quantity` units (default: all that remain) over the CLASSIC_PAK lots
 * of one PAK × license (or one device), taking the lots that count at `asOf` in id order. `what`
 * names them in errors ("PAK 3301J4A7B2C × ISR 4300 Security (SEC)"). Throws UNKNOWN_PAK when
 * there are no such lots at all, NOTHING_TO_CONVERT when none counts at `asOf` (already
 * converted, ended or not started), EXCEEDS_PAK when fewer units remain than asked.
 * Σ shares = the quantity.
 */
export function shareConversion(input: {
  readonly lots: readonly ConvertibleLot[];
  readonly quantity?: number | undefined;
  readonly asOf: IsoDate;
  readonly what: string;
}): LotShare[] {
  const { asOf, what } = input;
  const classic = input.lots.filter((lot) => lot.source === 'CLASSIC_PAK');
  assert(classic.length > 0, 'UNKNOWN_PAK', `no classic PAK licenses for ${what}`, { what });
  const open = classic
    .filter((lot) => !lot.supersededOn && lot.quantity > 0 && isLotActive(lot, asOf))
    .sort((a, b) => a.id - b.id);
  const remaining = open.reduce((total, lot) => total + lot.quantity, 0);
  assert(
    remaining > 0,
    'NOTHING_TO_CONVERT',
    `nothing left to convert for ${what} on ${asOf} (converted already, ended or not started)`,
    { what, asOf },
  );
  const quantity = checkPositiveQuantity(input.quantity ?? remaining);
  assert(
    quantity <= remaining,
    'EXCEEDS_PAK',
    `cannot convert ${quantity} for ${what}: ${remaining} remain`,
    { what, quantity, remaining },
  );
  const shares: LotShare[] = [];
  let left = quantity;
  for (const lot of open) {
    if (left === 0) break;
    const taken = Math.min(left, lot.quantity);
    shares.push({ lot, quantity: taken });
    left -= taken;
  }
  return shares;
}
