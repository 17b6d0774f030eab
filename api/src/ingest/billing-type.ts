import type { BillingType } from './records.js';

/**
 * Cisco's billing type of a ledger line (licenses API `billingType`, export `Billing`), or
 * `undefined` when the text is not one Trueup knows. Case and spacing are ignored; a
 * consumption-billed line (`Usage`, `Consumption`, `Pay As You Use`) is USAGE.
 */
export function billingTypeOf(text: string): BillingType | undefined {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, ' ');
  if (key === 'PREPAID' || key === 'PRE PAID') return 'PREPAID';
  if (key === 'SUBSCRIPTION') return 'SUBSCRIPTION';
  if (key === 'USAGE' || key === 'CONSUMPTION' || key === 'PAY AS YOU USE') return 'USAGE';
  return undefined;
}
