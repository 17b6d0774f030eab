import { licenseModel, type LicenseModel } from './license-years.js';
import {
  validateRenewalInput,
  type RenewalLicense,
  type RenewalParameters,
} from './renewal-input.js';
import { discount } from './rounding.js';

/** One year of the comparison, in minor units of the model's currency. */
export interface RenewalYear {
  readonly year: number;
  readonly aLaCarteMinor: bigint;
  readonly eaSubscriptionMinor: bigint;
  /** True Forward invoiced this year (from the milestone at the end of the previous year). */
  readonly trueForwardMinor: bigint;
  /** Migration credits (year 1 only). */
  readonly creditsMinor: bigint;
  /** subscription + true forward − credits. */
  readonly enterpriseAgreementMinor: bigint;
  readonly aLaCartePresentValueMinor: bigint;
  readonly enterpriseAgreementPresentValueMinor: bigint;
}

export interface RenewalTotals {
  readonly aLaCarteMinor: bigint;
  readonly enterpriseAgreementMinor: bigint;
  readonly aLaCartePresentValueMinor: bigint;
  readonly enterpriseAgreementPresentValueMinor: bigint;
}

export interface RenewalResult {
  readonly parameters: RenewalParameters;
  readonly years: readonly RenewalYear[];
  readonly totals: RenewalTotals;
  /** Σ EA subscriptions over the term, checked against the minimum EA value. */
  readonly eaValueMinor: bigint;
  readonly meetsMinimumEaValue: boolean;
  readonly licenses: readonly LicenseModel[];
}

const sum = (values: Iterable<bigint>): bigint => {
  let total = 0n;
  for (const value of values) total += value;
  return total;
};

/**
 * EA versus a-la-carte over the term, year by year, nominal and present value.
 *
 * A-la-carte: term licenses are paid every year for the units in use (unused term units are
 * dropped at renewal, lapsing lots renewed as needed); perpetual ones are bought once for the
 * shortfall and growth, owned units stay owned, and SWSS is paid on every unit held; list
 * prices rise by the escalator.
 * EA: the baseline is today's consumption at the EA price every year; at each yearly
 * milestone growth beyond the allowance is trued forward (mode A or B) for the rest of the
 * term, invoiced the next year, and the baseline ratchets up; migration credits reduce year 1.
 * Present values discount year y by (1 + r)^(y − 1) (annual payments in advance).
 */
export function renewalModel(
  licenses: readonly RenewalLicense[],
  parameters: RenewalParameters,
): RenewalResult {
  validateRenewalInput(licenses, parameters);
  const models = licenses.map((license) => licenseModel(license, parameters));
  const subscription = sum(models.map((m) => m.eaSubscriptionMinor));
  const credits = sum(models.map((m) => m.creditMinor)) + parameters.supportCreditMinor;
  const years: RenewalYear[] = [];
  for (let year = 1; year <= parameters.termYears; year++) {
    const at = (m: LicenseModel) => m.years[year - 1];
    const aLaCarteMinor = sum(models.map((m) => at(m)?.aLaCarteMinor ?? 0n));
    const trueForwardMinor = sum(models.map((m) => at(m)?.milestone?.trueForwardMinor ?? 0n));
    const creditsMinor = year === 1 ? credits : 0n;
    const enterpriseAgreementMinor = subscription + trueForwardMinor - creditsMinor;
    years.push({
      year,
      aLaCarteMinor,
      eaSubscriptionMinor: subscription,
      trueForwardMinor,
      creditsMinor,
      enterpriseAgreementMinor,
      aLaCartePresentValueMinor: discount(
        aLaCarteMinor,
        parameters.discountRateBasisPoints,
        year - 1,
      ),
      enterpriseAgreementPresentValueMinor: discount(
        enterpriseAgreementMinor,
        parameters.discountRateBasisPoints,
        year - 1,
      ),
    });
  }
  const eaValueMinor = subscription * BigInt(parameters.termYears);
  return {
    parameters,
    years,
    totals: {
      aLaCarteMinor: sum(years.map((y) => y.aLaCarteMinor)),
      enterpriseAgreementMinor: sum(years.map((y) => y.enterpriseAgreementMinor)),
      aLaCartePresentValueMinor: sum(years.map((y) => y.aLaCartePresentValueMinor)),
      enterpriseAgreementPresentValueMinor: sum(
        years.map((y) => y.enterpriseAgreementPresentValueMinor),
      ),
    },
    eaValueMinor,
    meetsMinimumEaValue: eaValueMinor >= parameters.minimumEaValueMinor,
    licenses: models,
  };
}
