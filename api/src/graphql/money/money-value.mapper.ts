import { formatMinor, type Money } from '../../domain/index.js';

import type { MoneyGql } from './money-value.type.js';

/**
 * Domain Money → GraphQL Money, the one mapper of this edge: a decimal string plus a minor-unit
 * string (no bigint in JSON). The currency was checked on the way in (price book, `money()`).
 */
export const toMoneyGql = (money: Money): MoneyGql => ({
  amount: formatMinor(money.amountMinor),
  amountMinor: String(money.amountMinor),
  currency: money.currency as MoneyGql['currency'],
});
