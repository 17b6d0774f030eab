import { formatMinor, type RenewalParameters } from '../domain/index.js';
import type { RenewalReport, Services } from '../services/index.js';

import { CliError } from './errors.js';
import { grouped, render, type OutputFormat } from './output.js';

export interface RenewalCommandOptions {
  readonly smartAccount: string;
  readonly asOf?: string | undefined;
  readonly term?: number | undefined;
  readonly growth?: number | undefined;
  readonly allowance?: number | undefined;
  readonly mode?: 'A' | 'B' | undefined;
  readonly discountRate?: number | undefined;
  readonly escalator?: number | undefined;
  readonly suite?: string | undefined;
  readonly license?: readonly string[] | undefined;
  readonly currency?: string | undefined;
  readonly format: OutputFormat;
}

const COLUMNS = [
  'year',
  'aLaCarte',
  'eaSubscription',
  'trueForward',
  'credits',
  'enterpriseAgreement',
  'aLaCartePV',
  'enterpriseAgreementPV',
] as const;

function rows(report: RenewalReport, forTable: boolean) {
  const m = (minor: bigint) => (forTable ? grouped(formatMinor(minor)) : formatMinor(minor));
  const { years, totals } = report.result;
  return [
    ...years.map((y) => ({
      year: String(y.year),
      aLaCarte: m(y.aLaCarteMinor),
      eaSubscription: m(y.eaSubscriptionMinor),
      trueForward: m(y.trueForwardMinor),
      credits: m(y.creditsMinor),
      enterpriseAgreement: m(y.enterpriseAgreementMinor),
      aLaCartePV: m(y.aLaCartePresentValueMinor),
      enterpriseAgreementPV: m(y.enterpriseAgreementPresentValueMinor),
    })),
    {
      year: 'total',
      aLaCarte: m(totals.aLaCarteMinor),
      eaSubscription: m(years.reduce((a, y) => a + y.eaSubscriptionMinor, 0n)),
      trueForward: m(years.reduce((a, y) => a + y.trueForwardMinor, 0n)),
      credits: m(years.reduce((a, y) => a + y.creditsMinor, 0n)),
      enterpriseAgreement: m(totals.enterpriseAgreementMinor),
      aLaCartePV: m(totals.aLaCartePresentValueMinor),
      enterpriseAgreementPV: m(totals.enterpriseAgreementPresentValueMinor),
    },
  ];
}

/** One line on where the growth came from: the snapshot points, and the refusal if refused. */
function trendLine(report: RenewalReport): string {
  const trend = report.growthTrend;
  if (trend === null) return '';
  const points = trend.points.map((p) => `${p.asOf} ${p.consumed}`).join(', ');
  return trend.refusal === null
    ? `growth from snapshots (median quarterly change, compounded): ${points}\n`
    : `no growth from snapshots (${trend.refusal}${points ? `; points: ${points}` : ''}); ` +
        `growth 0 %: give --growth to model growth\n`;
}

/** The units taken out of both options' baseline, one line each. */
function baselineLines(report: RenewalReport): string {
  const adjustments = report.baselineAdjustments;
  if (adjustments.length === 0) return '';
  const total = adjustments.reduce((t, a) => t + a.units, 0);
  return (
    `\nbaseline adjustments (${total} reclaimable units left out of both options' baseline):` +
    adjustments
      .map(
        (a) =>
          `\n  −${a.units} ${a.licenseName}: ${a.reason === 'STRANDED_RESERVATION' ? 'stranded reservation' : 'ghost consumption'} on ${a.instanceName} (${a.virtualAccountName})`,
      )
      .join('')
  );
}

/** `trueup renewal`: EA versus a-la-carte for a Smart Account, year by year. */
export async function renewalCommand(
  services: Services,
  options: RenewalCommandOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const parameters: { -readonly [K in keyof RenewalParameters]?: RenewalParameters[K] } = {};
  if (options.term !== undefined) parameters.termYears = options.term;
  if (options.growth !== undefined) parameters.growthBasisPoints = options.growth;
  if (options.allowance !== undefined) parameters.allowanceBasisPoints = options.allowance;
  if (options.mode !== undefined) parameters.trueForwardMode = options.mode;
  if (options.discountRate !== undefined) parameters.discountRateBasisPoints = options.discountRate;
  if (options.escalator !== undefined) parameters.listEscalatorBasisPoints = options.escalator;
  const report = await services.money.renewal({
    smartAccountId: account.id,
    asOf: options.asOf,
    includeClassic: true,
    suite: options.suite,
    licenseNames: options.license,
    currency: options.currency,
    parameters,
  });
  const table = rows(report, options.format === 'table');
  const p = report.result.parameters;
  const breakEvenGrowth = report.breakEven();
  const breakEven = breakEvenGrowth
    ? `${formatMinor(BigInt(breakEvenGrowth.growthBasisPoints))} %`
    : 'none within 0–100 %';
  if (options.format === 'json')
    return (
      JSON.stringify(
        {
          currency: report.currency,
          growthSource: report.growthSource,
          growthTrend: report.growthTrend,
          parameters: {
            ...p,
            minimumEaValueMinor: String(p.minimumEaValueMinor),
            supportCreditMinor: String(p.supportCreditMinor),
          },
          years: table,
          eaValue: formatMinor(report.result.eaValueMinor),
          meetsMinimumEaValue: report.result.meetsMinimumEaValue,
          breakEven: breakEvenGrowth,
          unpricedLicenses: report.unpricedLicenseNames,
          eaPriceNeededLicenses: report.eaPriceNeededLicenseNames,
          outsideEaLicenses: report.outsideEaLicenseNames,
          baselineAdjustments: report.baselineAdjustments.map((a) => ({
            license: a.licenseName,
            units: a.units,
            reason: a.reason,
            device: a.instanceName,
            virtualAccount: a.virtualAccountName,
          })),
        },
        null,
        2,
      ) + '\n'
    );
  const body = render(table, COLUMNS, options.format);
  if (options.format === 'csv') return body;
  return (
    `Renewal for ${options.smartAccount} as of ${report.asOf} in ${report.currency}: ` +
    `${p.termYears} years, growth ${formatMinor(BigInt(p.growthBasisPoints))} % ` +
    `(${report.growthSource.toLowerCase()}), allowance ${formatMinor(BigInt(p.allowanceBasisPoints))} %, ` +
    `true-forward mode ${p.trueForwardMode}, discount rate ${formatMinor(BigInt(p.discountRateBasisPoints))} %\n` +
    trendLine(report) +
    body +
    `EA value ${formatMinor(report.result.eaValueMinor)} ` +
    `(${report.result.meetsMinimumEaValue ? 'meets' : 'below'} the minimum ${formatMinor(p.minimumEaValueMinor)}); ` +
    `break-even growth: ${breakEven}` +
    (report.unpricedLicenseNames.length > 0
      ? `\nleft out (no price): ${report.unpricedLicenseNames.join(', ')}`
      : '') +
    (report.eaPriceNeededLicenseNames.length > 0
      ? `\nleft out (EA price needed: perpetual, no EA price in the price book; enter it to compare): ` +
        report.eaPriceNeededLicenseNames.join(', ')
      : '') +
    (report.outsideEaLicenseNames.length > 0
      ? `\nnot in the EA (a-la-carte under both options, left out of the comparison): ` +
        report.outsideEaLicenseNames.join(', ')
      : '') +
    baselineLines(report) +
    '\n'
  );
}
