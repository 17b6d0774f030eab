import type { IsoDate } from '../calendar.js';
import { assert } from '../errors.js';
import { isLotActive, type EntitlementSource, type LotTerms } from '../position/lot.js';
import { checkPositiveQuantity } from '../reservations/checks.js';

/** The facts of a lot that decide whether, and how much of it, can be converted. */
export interface ConvertibleLot extends LotTerms {
  readonly id: number;
  readonly virtualAccountId: number;
  readonly quantity: number;
  readonly source: EntitlementSource;
}

/** A lot the conversion creates: the source lot's terms with these fields replaced. */
export interface LotDraft {
  /** Where the lot lives: the chosen Virtual Account for the SMART lot, the source's for the rest. */
  readonly virtualAccountId: number;
  readonly source: EntitlementSource;
  readonly quantity: number;
  /** The new lot counts from the conversion date... */
  readonly effectiveFrom: IsoDate;
  /** ...and is the current record (never superseded yet). */
  readonly supersededOn: null;
  /** Lineage: the classic lot it came from. */
  readonly parentLotId: number;
}

/** What converting (part of) a classic PAK lot does, all on one date. */
export interface ConversionPlan {
  readonly quantity: number;
  /** The source lot stops counting on this date (its record is kept as history). */
  readonly supersedeSourceOn: IsoDate;
  /** The converted part, as a SMART lot in the chosen Virtual Account (default the lot's). */
  readonly smartLot: LotDraft;
  /** The unconverted rest, as a new CLASSIC_PAK lot; null when the whole lot converts. */
  readonly remainderLot: LotDraft | null;
}

/**
 * Plans the conversion of `quantity` (default: all) of a CLASSIC_PAK lot into Smart
 * entitlement on `asOf`, in `intoVirtualAccountId` (default the lot's Virtual Account; the
 * caller checks it belongs to the lot's Smart Account). The lot is superseded on `asOf` and replaced by a SMART lot of the
 * converted quantity plus a CLASSIC_PAK lot of the rest, both with the source's terms and
 * counting from `asOf`. So at `asOf` and after, the unified owned quantity (smart + classic) is
 * unchanged while smart-only owned rises by `quantity`; before `asOf` nothing changes.
 *
 * Only a current CLASSIC_PAK record that counts at `asOf` converts (NOT_CLASSIC_LOT,
 * LOT_NOT_CONVERTIBLE); the quantity is a positive whole number no larger than the lot
 * (INVALID_QUANTITY, EXCEEDS_LOT).
 */
export function planConversion(input: {
  readonly lot: ConvertibleLot;
  readonly quantity?: number | undefined;
  readonly asOf: IsoDate;
  readonly intoVirtualAccountId?: number | undefined;
}): ConversionPlan {
  const { lot, asOf } = input;
  assert(lot.source === 'CLASSIC_PAK', 'NOT_CLASSIC_LOT', 'only classic PAK lots convert', {
    lotId: lot.id,
    source: lot.source,
  });
  assert(
    !lot.supersededOn && isLotActive(lot, asOf),
    'LOT_NOT_CONVERTIBLE',
    `the lot does not count on ${asOf} (not started, ended, or replaced by a newer record)`,
    { lotId: lot.id, asOf },
  );
  const quantity = checkPositiveQuantity(input.quantity ?? lot.quantity);
  assert(
    quantity <= lot.quantity,
    'EXCEEDS_LOT',
    `cannot convert ${quantity}: the lot holds ${lot.quantity}`,
    { lotId: lot.id, quantity, lotQuantity: lot.quantity },
  );
  const draft = (source: EntitlementSource, of: number, virtualAccountId: number): LotDraft => ({
    virtualAccountId,
    source,
    quantity: of,
    effectiveFrom: asOf,
    supersededOn: null,
    parentLotId: lot.id,
  });
  const rest = lot.quantity - quantity;
  return {
    quantity,
    supersedeSourceOn: asOf,
    smartLot: draft('SMART', quantity, input.intoVirtualAccountId ?? lot.virtualAccountId),
    remainderLot: rest > 0 ? draft('CLASSIC_PAK', rest, lot.virtualAccountId) : null,
  };
}
