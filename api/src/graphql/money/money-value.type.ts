import { Field, ObjectType } from 'type-graphql';

import type { CurrencyCode } from '../../domain/index.js';

import { CurrencyCodeGql } from './currency-code.type.js';

/** The one GraphQL Money (prices, exposure, finding money, renewal figures). */
@ObjectType('Money', {
  description:
    'An amount of money in one currency: an exact decimal string, the same in integer minor units, and the currency. Amounts of different currencies are never added.',
})
export class MoneyGql {
  @Field(() => String, {
    description: 'Exact decimal with two decimals, e.g. "1234.50" (a string: no float rounding).',
  })
  amount!: string;
  @Field(() => String, {
    description: 'The amount in integer minor units (cents), as a string, e.g. "123450".',
  })
  amountMinor!: string;
  @Field(() => CurrencyCodeGql, { description: 'The currency (ISO 4217).' })
  currency!: CurrencyCode;
}
