/** How a license is bought a-la-carte at renewal. */
export type RenewalPriceType = 'TERM' | 'PERPETUAL';

/** Where the a-la-carte price type came from. */
export type PriceTypeSource = 'PRICE_BOOK' | 'ENTITLEMENT' | 'DEFAULT';

/**
 * The license's entitlement type as its lots show it: PERPETUAL when every lot is perpetual,
 * TERM when any lot is a term subscription (what lapses must be renewed), null without lots.
 *
 * The catalog's own entitlement type (`licenses.entitlement_type`, when it exists) should be
 * passed as `catalogType`: it wins over the lots, since a lot can be mistyped by its source.
 */
export function entitlementTypeOf(
  lotTypes: readonly string[],
  catalogType: RenewalPriceType | null = null,
): RenewalPriceType | null {
  if (catalogType !== null) return catalogType;
  if (lotTypes.length === 0) return null;
  if (lotTypes.includes('TERM')) return 'TERM';
  return lotTypes.every((t) => t === 'PERPETUAL') ? 'PERPETUAL' : null;
}

/**
 * The a-la-carte price type of a license at renewal: the price book row's type when it states
 * one, else the license's entitlement type, else TERM (a priced license with no lots).
 * Perpetual: one-off purchase for growth plus yearly SWSS on every unit held; term: every unit
 * held paid every year.
 */
export function renewalPriceType(
  priceBookType: RenewalPriceType | null,
  entitlementType: RenewalPriceType | null,
): { readonly type: RenewalPriceType; readonly source: PriceTypeSource } {
  if (priceBookType !== null) return { type: priceBookType, source: 'PRICE_BOOK' };
  if (entitlementType !== null) return { type: entitlementType, source: 'ENTITLEMENT' };
  return { type: 'TERM', source: 'DEFAULT' };
}

/**
 * The EA price per unit per year, or null when it must be asked for. A term license's net
 * yearly price is a like-for-like yearly figure and stands in when the price book gives none; a
 * perpetual license's one-off price is not a yearly price, so its EA price is unknown.
 */
export function eaUnitPriceOf(
  type: RenewalPriceType,
  eaUnitPriceMinor: bigint | null,
  netUnitPriceMinor: bigint,
): bigint | null {
  if (eaUnitPriceMinor !== null) return eaUnitPriceMinor;
  return type === 'TERM' ? netUnitPriceMinor : null;
}
