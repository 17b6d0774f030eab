import { registerEnumType } from 'type-graphql';

import { CURRENCIES, type CurrencyCode } from '../../domain/index.js';

/** The GraphQL `CurrencyCode` enum, built from the domain's one list of accepted currencies. */
export const CurrencyCodeGql = Object.fromEntries(CURRENCIES.map((c) => [c.code, c.code])) as {
  readonly [K in CurrencyCode]: K;
};

registerEnumType(CurrencyCodeGql, {
  name: 'CurrencyCode',
  description:
    'An ISO 4217 currency the price book accepts: codes whose minor unit is two decimals (amounts are kept in cents). JPY, KRW (no decimals) and BHD, KWD, OMR, TND (three) are not accepted: a code outside this list is refused as a GraphQL validation error, and in a price book file as an UNKNOWN_VALUE issue at its line and column.',
  valuesConfig: Object.fromEntries(
    CURRENCIES.map((c) => [c.code, { description: `${c.name} (ISO 4217 ${c.code}).` }]),
  ),
});
