import exceljs from 'exceljs';
import { describe, expect, it } from 'vitest';

import {
  positionsSheet,
  renewalSheets,
  type PositionSheetRow,
  type RenewalSheetInput,
} from '@trueup/excel-addin/model';

import { breakEvenGrowth } from '../domain/renewal/break-even.js';
import type { RenewalLicense, RenewalParameters } from '../domain/renewal/renewal-input.js';
import { renewalModel } from '../domain/renewal/renewal-model.js';

import { writeXlsx } from './xlsx.js';

// A small invented estate: DNA Advantage (term), 6 in use in Campus and 4 in Branch, list
// 100.00 at 20 % off (net 80.00), EA 70.00 a unit a year; 3 years at 30 % growth, allowance
// 20 %, true-forward mode B, NPV at 10 %.
const row = (virtualAccountName: string, units: number): PositionSheetRow => ({
  virtualAccountName,
  licenseName: 'DNA Advantage',
  productFamily: 'Switching',
  owned: units,
  consumed: units,
  reserved: 0,
  balance: 0,
  shortfall: 0,
  surplus: 0,
  unitPrice: null,
  exposure: null,
  billing: 'SUBSCRIPTION',
  usageReportedAt: '2026-11-01',
});
const positions = [row('Campus', 6), row('Branch', 4)];

const sheetInput = (
  minimumEaValue: number,
  change: Partial<RenewalSheetInput> = {},
): RenewalSheetInput => ({
  currency: 'USD',
  termYears: 3,
  growthRate: 0.3,
  allowance: 0.2,
  trueForwardMode: 'B',
  discountRate: 0.1,
  listEscalator: 0,
  minimumEaValue,
  perpetualCreditRate: 0,
  supportCredit: 0,
  eaPriceNeededLicenseNames: [],
  licenses: [
    {
      licenseName: 'DNA Advantage',
      licenseType: 'TERM',
      listPrice: 100,
      discount: 0.2,
      supportRate: 0,
      eaUnitPrice: 70,
      reclaimed: 0,
    },
  ],
  positionRowCount: positions.length,
  ...change,
});

const license: RenewalLicense = {
  licenseId: 1,
  licenseName: 'DNA Advantage',
  licenseType: 'TERM',
  consumed: 10,
  owned: 10,
  listPriceMinor: 100_00n,
  discountBasisPoints: 2_000,
  supportRateBasisPoints: 0,
  eaUnitPriceMinor: 70_00n,
};
const parameters = (minimumEaValueMinor: bigint): RenewalParameters => ({
  termYears: 3,
  growthBasisPoints: 3_000,
  allowanceBasisPoints: 2_000,
  trueForwardMode: 'B',
  discountRateBasisPoints: 1_000,
  listEscalatorBasisPoints: 0,
  minimumEaValueMinor,
  perpetualCreditBasisPoints: 0,
  supportCreditMinor: 0n,
});

/** The exported file as a reader that does not calculate sees it: formula results only. */
async function exportAndRead(minimumEaValue: number, change: Partial<RenewalSheetInput> = {}) {
  const buffer = await writeXlsx([
    positionsSheet(positions),
    ...renewalSheets(sheetInput(minimumEaValue, change)).all,
  ]);
  const workbook = new exceljs.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  /** A formula cell's cached result, or a value cell's value: nothing is computed here. */
  return (sheet: string, address: string): unknown => {
    const cell = workbook.getWorksheet(sheet)?.getCell(address);
    return cell?.formula ? cell.result : cell?.value;
  };
}

/** Cents of a sheet number. */
const cents = (value: unknown) => Math.round(Number(value) * 100);

describe('the exported workbook read without calculating', () => {
  it('shows the renewal figures worked by hand, which are renewalModel’s', async () => {
    const read = await exportAndRead(2_100);
    // Renewal: inputs in rows 1–10, header on 12, years 1–5 on rows 13–17, total on 18.
    // Units 10, 13, round(16.9) = 17; a-la-carte 10, 13, 17 × 80.00.
    // Milestone 1: allowance ⌊10 × 1.2⌋ = 12 < 13 → mode B bills 13 − 10 = 3 units × 70.00 ×
    // 2 years left = 420.00; baseline 13. Milestone 2: ⌊13 × 1.2⌋ = 15 < 17 → 4 × 70.00 × 1 =
    // 280.00. EA: 10 × 70.00 = 700.00 a year. PV at 10 % in advance.
    const yearly = [13, 14, 15, 16, 17].map((r) =>
      ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => cents(read('Renewal', `${c}${r}`))),
    );
    expect(yearly).toEqual([
      // a-la-carte, EA subscription, true-forward, credits, EA, a-la-carte PV, EA PV
      [800_00, 700_00, 0, 0, 700_00, 800_00, 700_00],
      [1_040_00, 700_00, 420_00, 0, 1_120_00, 945_45, 1_018_18], // 1040 / 1.1, 1120 / 1.1
      [1_360_00, 700_00, 280_00, 0, 980_00, 1_123_97, 809_92], // 1360 / 1.21, 980 / 1.21
      [0, 0, 0, 0, 0, 0, 0], // years beyond the 3-year term
      [0, 0, 0, 0, 0, 0, 0],
    ]);
    const totals = ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => cents(read('Renewal', `${c}18`)));
    expect(totals).toEqual([3_200_00, 2_100_00, 700_00, 0, 2_800_00, 2_869_42, 2_528_10]);
    // Outputs from row 20: EA value, meets the minimum, cheaper option, break-even.
    expect(cents(read('Renewal', 'B20'))).toBe(2_100_00);
    expect(read('Renewal', 'B21')).toBe(true); // 2,100.00 ≥ 2,100.00: the boundary counts
    expect(read('Renewal', 'B22')).toBe('Enterprise Agreement');
    // The EA is cheaper at every growth from 0 % to 100 %: no break-even.
    expect(read('Renewal', 'B23')).toBe('none');
    // Renewal detail: consumed summed from Positions (6 + 4), owned likewise.
    expect([read('Renewal detail', 'C2'), read('Renewal detail', 'F2')]).toEqual([10, 10]);

    // The same figures as the API's model.
    const model = renewalModel([license], parameters(2_100_00n));
    expect(
      model.years.map((y) => [
        y.aLaCarteMinor,
        y.eaSubscriptionMinor,
        y.trueForwardMinor,
        y.creditsMinor,
        y.enterpriseAgreementMinor,
        y.aLaCartePresentValueMinor,
        y.enterpriseAgreementPresentValueMinor,
      ]),
    ).toEqual(yearly.slice(0, 3).map((r) => r.map(BigInt)));
    expect(model.meetsMinimumEaValue).toBe(true);
    expect(breakEvenGrowth([license], parameters(2_100_00n))).toBeNull();
  });

  it('misses the minimum EA value by one cent', async () => {
    const read = await exportAndRead(2_100.01);
    expect(read('Renewal', 'B21')).toBe(false);
    expect(renewalModel([license], parameters(2_100_01n)).meetsMinimumEaValue).toBe(false);
  });

  it('finds the break-even growth the API finds, in its formulas', async () => {
    // EA at 80.00 (the net a-la-carte price) and a 50 % allowance: the EA is cheaper at low
    // growth, a-la-carte once true-forward bills the growth; the crossing is inside a 10 %
    // step, so the sheet's bisection steps have to narrow it like the API's.
    const read = await exportAndRead(2_100, {
      allowance: 0.5,
      licenses: [{ ...sheetInput(0).licenses[0]!, eaUnitPrice: 80 }],
    });
    const api = breakEvenGrowth([{ ...license, eaUnitPriceMinor: 80_00n }], {
      ...parameters(2_100_00n),
      allowanceBasisPoints: 5_000,
    });
    expect(api?.cheaperBelow).toBe('ENTERPRISE_AGREEMENT');
    expect(api!.growthBasisPoints % 1_000).not.toBe(0);
    expect(Math.round(Number(read('Renewal', 'B23')) * 10_000)).toBe(api!.growthBasisPoints);
    expect(read('Break-even', 'B26')).toBe('Enterprise Agreement'); // cheaper below
  });
});
