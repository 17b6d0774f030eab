import {
  findingsSheet,
  positionsSheet,
  renewalSheets,
  type PositionSheetRow,
  type SheetModel,
} from '@trueup/excel-addin/model';

import { formatMinor, type IsoDate, type Money, type RenewalParameters } from '../domain/index.js';
import type { RenewalReport, Services } from '../services/index.js';

export interface ExportQuery {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  /** Renewal currency; default the one most priced licenses use. */
  readonly currency?: string | undefined;
  /** Renewal parameters the Renewal sheet starts from (the rest: defaults / snapshot trend). */
  readonly renewal?: Partial<RenewalParameters> | undefined;
}

const moneyValue = (money: Money | null) =>
  money ? { amount: formatMinor(money.amountMinor), currency: money.currency } : null;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Position rows with names and prices, sorted by Virtual Account then license (byte order). */
export async function positionSheetRows(
  services: Services,
  query: ExportQuery,
): Promise<PositionSheetRow[]> {
  const lines = await services.position.named({ ...query, includeClassic: true });
  return lines.map((line) => ({
    virtualAccountName: line.virtualAccountName,
    licenseName: line.licenseName,
    productFamily: line.productFamily,
    owned: line.owned,
    consumed: line.consumed,
    reserved: line.reserved,
    balance: line.balance,
    shortfall: line.shortfall,
    surplus: line.surplus,
    unitPrice: moneyValue(line.unitPrice),
    exposure: moneyValue(line.exposure),
    billing: line.billing,
    usageReportedAt: line.usageReportedAt,
  }));
}

/** The currency most priced licenses use (ties: alphabetical); USD when nothing is priced. */
async function defaultCurrency(services: Services, query: ExportQuery): Promise<string> {
  const prices = await services.money.unitTrueUpPrices(query.smartAccountId, query.asOf);
  const counts = new Map<string, number>();
  for (const price of prices.values())
    counts.set(price.currency, (counts.get(price.currency) ?? 0) + 1);
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || byName(a, b));
  return sorted[0]?.[0] ?? 'USD';
}

const rate = (basisPoints: number) => basisPoints / 10_000;
const amount = (minor: bigint) => Number(formatMinor(minor));

/** What the Renewal sheets need from a renewal report. */
export function renewalSheetInput(report: RenewalReport, positionRowCount: number) {
  const p = report.result.parameters;
  return {
    currency: report.currency,
    termYears: p.termYears,
    growthRate: rate(p.growthBasisPoints),
    allowance: rate(p.allowanceBasisPoints),
    trueForwardMode: p.trueForwardMode,
    discountRate: rate(p.discountRateBasisPoints),
    listEscalator: rate(p.listEscalatorBasisPoints),
    minimumEaValue: amount(p.minimumEaValueMinor),
    perpetualCreditRate: rate(p.perpetualCreditBasisPoints),
    supportCredit: amount(p.supportCreditMinor),
    eaPriceNeededLicenseNames: report.eaPriceNeededLicenseNames,
    outsideEaLicenseNames: report.outsideEaLicenseNames,
    baselineAdjustments: report.baselineAdjustments.map((a) => ({
      licenseName: a.licenseName,
      units: a.units,
      reason: a.reason,
      deviceName: a.instanceName,
      virtualAccountName: a.virtualAccountName,
    })),
    licenses: report.result.licenses.map((m) => ({
      licenseName: m.license.licenseName,
      licenseType: m.license.licenseType,
      listPrice: amount(m.license.listPriceMinor),
      discount: rate(m.license.discountBasisPoints),
      supportRate: rate(m.license.supportRateBasisPoints),
      eaUnitPrice: amount(m.license.eaUnitPriceMinor),
      reclaimed: m.license.reclaimed ?? 0,
    })),
    positionRowCount,
  };
}

/** The workbook's sheets: Positions, Findings, Renewal, Renewal detail. */
export async function workbookModels(
  services: Services,
  query: ExportQuery,
): Promise<{ models: SheetModel[]; renewal: RenewalReport }> {
  const currency = query.currency ?? (await defaultCurrency(services, query));
  const [rows, findings, renewal] = await Promise.all([
    positionSheetRows(services, query),
    services.findings({ ...query, includeClassic: true }),
    services.money.renewal({
      smartAccountId: query.smartAccountId,
      asOf: query.asOf,
      includeClassic: true,
      currency,
      parameters: query.renewal ?? {},
    }),
  ]);
  const renewalModels = renewalSheets(renewalSheetInput(renewal, rows.length));
  return {
    models: [
      positionsSheet(rows),
      findingsSheet(
        findings.map((f) => ({
          severity: f.severity,
          code: f.code,
          virtualAccountName: f.virtualAccountName,
          licenseName: f.licenseName,
          quantity: f.quantity,
          money: moneyValue(f.money),
          message: f.message,
        })),
      ),
      ...renewalModels.all,
    ],
    renewal,
  };
}
