import { DomainError, parseMinor } from '../../domain/index.js';
import type { CurrencyCode, RenewalParameters } from '../../domain/index.js';
import type { Dated, RenewalQuery, RenewalReport } from '../../services/index.js';
import type { LicenseType } from '../account/enums.js';

import { toMoneyGql } from './money-value.mapper.js';
import type {
  BaselineAdjustmentReasonGql,
  GrowthSourceGql,
  RenewalModelGql,
  RenewalModelInput,
  RenewalOptionGql,
  TrueForwardModeGql,
} from './renewal.type.js';

function amount(text: string, field: string): bigint {
  const minor = parseMinor(text);
  if (minor === null || minor < 0n)
    throw new DomainError('INVALID_RENEWAL_INPUT', `${field}: "${text}" is not an amount`, {
      field,
    });
  return minor;
}

export function toRenewalQuery(
  input: RenewalModelInput | null,
  smartAccountId: number,
): Dated<RenewalQuery> {
  const parameters: { -readonly [K in keyof RenewalParameters]?: RenewalParameters[K] } = {};
  if (input?.termYears != null) parameters.termYears = input.termYears;
  if (input?.growthBasisPoints != null) parameters.growthBasisPoints = input.growthBasisPoints;
  if (input?.allowanceBasisPoints != null)
    parameters.allowanceBasisPoints = input.allowanceBasisPoints;
  if (input?.trueForwardMode != null) parameters.trueForwardMode = input.trueForwardMode;
  if (input?.discountRateBasisPoints != null)
    parameters.discountRateBasisPoints = input.discountRateBasisPoints;
  if (input?.listEscalatorBasisPoints != null)
    parameters.listEscalatorBasisPoints = input.listEscalatorBasisPoints;
  if (input?.minimumEaValue != null)
    parameters.minimumEaValueMinor = amount(input.minimumEaValue, 'minimumEaValue');
  if (input?.perpetualCreditBasisPoints != null)
    parameters.perpetualCreditBasisPoints = input.perpetualCreditBasisPoints;
  if (input?.supportCredit != null)
    parameters.supportCreditMinor = amount(input.supportCredit, 'supportCredit');
  return {
    smartAccountId,
    asOf: input?.asOf,
    includeClassic: input?.includeClassic ?? true,
    suite: input?.suite ?? undefined,
    licenseNames: input?.licenseNames ?? undefined,
    currency: input?.currency ?? undefined,
    parameters,
  };
}

export function toRenewalModelGql(report: RenewalReport): RenewalModelGql {
  const { result, currency } = report;
  const money = (amountMinor: bigint) => toMoneyGql({ amountMinor, currency });
  const p = result.parameters;
  const eaCheaper =
    result.totals.enterpriseAgreementPresentValueMinor < result.totals.aLaCartePresentValueMinor;
  return {
    asOf: report.asOf,
    currency: currency as CurrencyCode,
    growthSource: report.growthSource as GrowthSourceGql,
    growthTrendPoints: report.growthTrend ? [...report.growthTrend.points] : [],
    growthTrendRefusal: report.growthTrend?.refusal ?? null,
    parameters: {
      termYears: p.termYears,
      growthBasisPoints: p.growthBasisPoints,
      allowanceBasisPoints: p.allowanceBasisPoints,
      trueForwardMode: p.trueForwardMode as TrueForwardModeGql,
      discountRateBasisPoints: p.discountRateBasisPoints,
      listEscalatorBasisPoints: p.listEscalatorBasisPoints,
      minimumEaValue: money(p.minimumEaValueMinor),
      perpetualCreditBasisPoints: p.perpetualCreditBasisPoints,
      supportCredit: money(p.supportCreditMinor),
    },
    years: result.years.map((y) => ({
      year: y.year,
      aLaCarte: money(y.aLaCarteMinor),
      eaSubscription: money(y.eaSubscriptionMinor),
      trueForward: money(y.trueForwardMinor),
      credits: money(y.creditsMinor),
      enterpriseAgreement: money(y.enterpriseAgreementMinor),
      aLaCartePresentValue: money(y.aLaCartePresentValueMinor),
      enterpriseAgreementPresentValue: money(y.enterpriseAgreementPresentValueMinor),
    })),
    totals: {
      aLaCarte: money(result.totals.aLaCarteMinor),
      enterpriseAgreement: money(result.totals.enterpriseAgreementMinor),
      aLaCartePresentValue: money(result.totals.aLaCartePresentValueMinor),
      enterpriseAgreementPresentValue: money(result.totals.enterpriseAgreementPresentValueMinor),
    },
    eaValue: money(result.eaValueMinor),
    meetsMinimumEaValue: result.meetsMinimumEaValue,
    cheaperOption: (eaCheaper ? 'ENTERPRISE_AGREEMENT' : 'A_LA_CARTE') as RenewalOptionGql,
    // Left to the field resolvers (RenewalModelResolver): computed only when asked for.
    breakEvenOf: report.breakEven,
    licenses: result.licenses.map((m) => ({
      licenseName: m.license.licenseName,
      licenseType: m.license.licenseType as LicenseType,
      consumed: m.license.consumed,
      reclaimed: m.license.reclaimed ?? 0,
      owned: m.license.owned,
      listPrice: money(m.license.listPriceMinor),
      discountBasisPoints: m.license.discountBasisPoints,
      supportRateBasisPoints: m.license.supportRateBasisPoints,
      eaUnitPrice: money(m.license.eaUnitPriceMinor),
      eaSubscription: money(m.eaSubscriptionMinor),
      credit: money(m.creditMinor),
      renewalBaseline: m.renewalBaseline,
      years: m.years.map((y) => ({
        year: y.year,
        units: y.units,
        held: y.held,
        listPrice: money(y.listPriceMinor),
        netPrice: money(y.netPriceMinor),
        supportPrice: money(y.supportPriceMinor),
        aLaCarte: money(y.aLaCarteMinor),
        allowance: y.milestone?.allowance ?? null,
        trueForwardUnits: y.milestone?.trueForwardUnits ?? null,
        baseline: y.milestone?.baseline ?? null,
        trueForward: y.milestone ? money(y.milestone.trueForwardMinor) : null,
      })),
    })),
    unpricedLicenseNames: [...report.unpricedLicenseNames],
    eaPriceNeededLicenseNames: [...report.eaPriceNeededLicenseNames],
    outsideEaLicenseNames: [...report.outsideEaLicenseNames],
    baselineAdjustments: report.baselineAdjustments.map((a) => ({
      licenseName: a.licenseName,
      units: a.units,
      reason: a.reason as BaselineAdjustmentReasonGql,
      deviceName: a.instanceName,
      virtualAccountName: a.virtualAccountName,
    })),
  };
}
