import type { RenewalSheetInput } from '../model/renewal-sheet.js';

import { op } from './operation.js';
import { units, type BigIntString, type MoneyData } from './operations.js';

export interface RenewalModelData {
  smartAccount: {
    renewalModel: {
      currency: string;
      eaPriceNeededLicenseNames: string[];
      outsideEaLicenseNames: string[];
      baselineAdjustments: {
        licenseName: string;
        units: BigIntString;
        reason: 'STRANDED_RESERVATION' | 'GHOST_CONSUMPTION';
        deviceName: string;
        virtualAccountName: string;
      }[];
      parameters: {
        termYears: number;
        growthBasisPoints: number;
        allowanceBasisPoints: number;
        trueForwardMode: 'A' | 'B';
        discountRateBasisPoints: number;
        listEscalatorBasisPoints: number;
        minimumEaValue: MoneyData;
        perpetualCreditBasisPoints: number;
        supportCredit: MoneyData;
      };
      licenses: {
        licenseName: string;
        licenseType: 'TERM' | 'PERPETUAL';
        listPrice: MoneyData;
        discountBasisPoints: number;
        supportRateBasisPoints: number;
        eaUnitPrice: MoneyData;
        reclaimed: BigIntString;
      }[];
    } | null;
  } | null;
}

export const RENEWAL_MODEL = op<RenewalModelData, { domain: string; asOf: string | null }>(
  'RenewalModel',
  `query RenewalModel($domain: String!, $asOf: Date) {
    smartAccount(domain: $domain) {
      renewalModel(input: { asOf: $asOf }) {
        currency eaPriceNeededLicenseNames outsideEaLicenseNames
        baselineAdjustments { licenseName units reason deviceName virtualAccountName }
        parameters {
          termYears growthBasisPoints allowanceBasisPoints trueForwardMode discountRateBasisPoints
          listEscalatorBasisPoints minimumEaValue { amount currency } perpetualCreditBasisPoints
          supportCredit { amount currency }
        }
        licenses {
          licenseName licenseType listPrice { amount currency } discountBasisPoints
          supportRateBasisPoints eaUnitPrice { amount currency } reclaimed
        }
      }
    }
  }`,
);

const rate = (basisPoints: number) => basisPoints / 10_000;
const amount = (money: MoneyData) => Number(money.amount);

/** GraphQL renewal model → the Renewal sheets' input (as the server's XLSX export maps it). */
export function toRenewalSheetInput(
  model: NonNullable<NonNullable<RenewalModelData['smartAccount']>['renewalModel']>,
  positionRowCount: number,
): RenewalSheetInput {
  const p = model.parameters;
  return {
    currency: model.currency,
    termYears: p.termYears,
    growthRate: rate(p.growthBasisPoints),
    allowance: rate(p.allowanceBasisPoints),
    trueForwardMode: p.trueForwardMode,
    discountRate: rate(p.discountRateBasisPoints),
    listEscalator: rate(p.listEscalatorBasisPoints),
    minimumEaValue: amount(p.minimumEaValue),
    perpetualCreditRate: rate(p.perpetualCreditBasisPoints),
    supportCredit: amount(p.supportCredit),
    eaPriceNeededLicenseNames: model.eaPriceNeededLicenseNames,
    outsideEaLicenseNames: model.outsideEaLicenseNames,
    baselineAdjustments: model.baselineAdjustments.map((a) => ({ ...a, units: units(a.units) })),
    licenses: model.licenses.map((l) => ({
      licenseName: l.licenseName,
      licenseType: l.licenseType,
      listPrice: amount(l.listPrice),
      discount: rate(l.discountBasisPoints),
      supportRate: rate(l.supportRateBasisPoints),
      eaUnitPrice: amount(l.eaUnitPrice),
      reclaimed: units(l.reclaimed),
    })),
    positionRowCount,
  };
}
