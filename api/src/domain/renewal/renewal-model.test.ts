import { describe, expect, it } from 'vitest';

import { bisectChange, breakEvenGrowth } from './break-even.js';
import { growthTrend } from './growth-trend.js';
import {
  DEFAULT_RENEWAL_PARAMETERS,
  type RenewalLicense,
  type RenewalParameters,
} from './renewal-input.js';
import { renewalModel } from './renewal-model.js';

// Every expected figure below was worked out by hand (see the comments), not by the model.

const switching: RenewalLicense = {
  licenseId: 1,
  licenseName: 'DNA Advantage',
  licenseType: 'TERM',
  consumed: 100,
  owned: 100,
  listPriceMinor: 100_00n,
  discountBasisPoints: 0,
  supportRateBasisPoints: 0,
  eaUnitPriceMinor: 90_00n,
};

const params = (overrides: Partial<RenewalParameters>): RenewalParameters => ({
  ...DEFAULT_RENEWAL_PARAMETERS,
  termYears: 3,
  growthBasisPoints: 3_000,
  allowanceBasisPoints: 2_000,
  discountRateBasisPoints: 1_000,
  minimumEaValueMinor: 0n,
  ...overrides,
});

describe('renewalModel, 3 years, 30 % growth, g = 20 %, r = 10 %', () => {
  // Units in use: 100, 130, 169. A-la-carte holds them at 100.00: 10000, 13000, 16900.
  // EA subscription: 100 × 90.00 = 9000.00 a year.
  it('mode A bills only growth above the allowance and ratchets the baseline', () => {
    const result = renewalModel([switching], params({ trueForwardMode: 'A' }));
    // Milestone 1: allowance ⌊100 × 1.2⌋ = 120, 130 − 120 = 10 units × 90 × 2 years = 1800.
    // Milestone 2: baseline 110, allowance ⌊110 × 1.2⌋ = 132, 169 − 132 = 37 × 90 × 1 = 3330.
    expect(result.licenses[0]?.years.map((y) => y.milestone)).toEqual([
      null,
      { allowance: 120, trueForwardUnits: 10, baseline: 110, trueForwardMinor: 1_800_00n },
      { allowance: 132, trueForwardUnits: 37, baseline: 147, trueForwardMinor: 3_330_00n },
    ]);
    expect(result.years.map((y) => [y.aLaCarteMinor, y.enterpriseAgreementMinor])).toEqual([
      [10_000_00n, 9_000_00n],
      [13_000_00n, 10_800_00n],
      [16_900_00n, 12_330_00n],
    ]);
    // PV: 13000 / 1.1 = 11818.18; 16900 / 1.21 = 13966.94; 10800 / 1.1 = 9818.18; 12330 / 1.21 = 10190.08.
    expect(result.years.map((y) => y.aLaCartePresentValueMinor)).toEqual([
      10_000_00n,
      11_818_18n,
      13_966_94n,
    ]);
    expect(result.totals).toEqual({
      aLaCarteMinor: 39_900_00n,
      enterpriseAgreementMinor: 32_130_00n,
      aLaCartePresentValueMinor: 35_785_12n,
      enterpriseAgreementPresentValueMinor: 29_008_26n,
    });
    expect(result.licenses[0]?.renewalBaseline).toBe(147);
  });

  it('mode B bills all growth over the baseline once the allowance is crossed', () => {
    const result = renewalModel([switching], params({ trueForwardMode: 'B' }));
    // Milestone 1: 130 > 120 → 130 − 100 = 30 × 90 × 2 = 5400; baseline 130.
    // Milestone 2: allowance ⌊130 × 1.2⌋ = 156; 169 > 156 → 39 × 90 × 1 = 3510; baseline 169.
    expect(result.years.map((y) => y.trueForwardMinor)).toEqual([0n, 5_400_00n, 3_510_00n]);
    expect(result.totals.enterpriseAgreementMinor).toBe(35_910_00n);
    expect(result.licenses[0]?.renewalBaseline).toBe(169);
  });

  it('never lowers the EA baseline when consumption falls; a-la-carte term units follow use', () => {
    const result = renewalModel([switching], params({ growthBasisPoints: -1_000 }));
    // Units 100, 90, 81: nothing to true forward, the EA baseline stays 100 (9,000.00 a year);
    // term units are renewed as used: 100, 90, 81 × 100.00 = 10,000 + 9,000 + 8,100.
    expect(result.licenses[0]?.years.map((y) => [y.units, y.held, y.milestone?.baseline])).toEqual([
      [100, 100, undefined],
      [90, 90, 100],
      [81, 81, 100],
    ]);
    expect(result.totals.aLaCarteMinor).toBe(27_100_00n);
    expect(result.totals.enterpriseAgreementMinor).toBe(27_000_00n);
  });

  it('drops unused term units at renewal but keeps owned perpetual units (and their SWSS)', () => {
    // 150 term units owned, 100 used, flat: renew 100 × 100.00 = 10,000.00 a year, not
    // 150 × 100.00 = 15,000.00 (the old rule never let holdings shrink).
    const term = renewalModel(
      [{ ...switching, owned: 150 }],
      params({ growthBasisPoints: 0, discountRateBasisPoints: 0 }),
    );
    expect(term.years.map((y) => y.aLaCarteMinor)).toEqual([10_000_00n, 10_000_00n, 10_000_00n]);
    // Perpetual: 150 owned stay owned; SWSS 20 % of 100.00 = 20.00 on all 150 = 3,000.00.
    const perpetual = renewalModel(
      [{ ...switching, owned: 150, licenseType: 'PERPETUAL', supportRateBasisPoints: 2_000 }],
      params({ growthBasisPoints: 0, discountRateBasisPoints: 0 }),
    );
    expect(perpetual.licenses[0]?.years.map((y) => [y.held, y.aLaCarteMinor])).toEqual([
      [150, 3_000_00n],
      [150, 3_000_00n],
      [150, 3_000_00n],
    ]);
  });
});

describe('renewalModel, perpetual licenses and credits', () => {
  it('buys the shortfall once, pays SWSS on every unit held, escalates list, credits year 1', () => {
    const result = renewalModel(
      [
        {
          ...switching,
          licenseType: 'PERPETUAL',
          consumed: 22,
          owned: 20,
          listPriceMinor: 500_00n,
          discountBasisPoints: 1_000,
          supportRateBasisPoints: 2_000,
          eaUnitPriceMinor: 150_00n,
        },
      ],
      params({
        growthBasisPoints: 0,
        listEscalatorBasisPoints: 500,
        perpetualCreditBasisPoints: 5_000,
        supportCreditMinor: 123_45n,
        minimumEaValueMinor: 10_000_00n,
      }),
    );
    // Year 1: list 500, net 450, SWSS 100: 2 bought × 450 + 22 × 100 = 3100.
    // Year 2: list 525, SWSS 105: 22 × 105 = 2310. Year 3: list 551.25, SWSS 110.25: 2425.50.
    expect(result.years.map((y) => y.aLaCarteMinor)).toEqual([3_100_00n, 2_310_00n, 2_425_50n]);
    expect(result.licenses[0]?.years[2]?.netPriceMinor).toBe(496_12n); // ⌊551.25 × 0.9⌋
    // Credit: 20 owned × 450 × 50 % = 4500, plus 123.45 residual SWSS.
    expect(result.years[0]?.creditsMinor).toBe(4_623_45n);
    // EA: 22 × 150 = 3300 a year; year 1 = 3300 − 4623.45.
    expect(result.years.map((y) => y.enterpriseAgreementMinor)).toEqual([
      -1_323_45n,
      3_300_00n,
      3_300_00n,
    ]);
    expect(result.eaValueMinor).toBe(9_900_00n);
    expect(result.meetsMinimumEaValue).toBe(false);
  });

  it('meets the minimum EA value when the EA value equals it exactly', () => {
    // 100 units × 90.00 = 9,000.00 a year × 3 years = 27,000.00: exactly the minimum.
    const at = renewalModel([switching], params({ minimumEaValueMinor: 27_000_00n }));
    expect(at.eaValueMinor).toBe(27_000_00n);
    expect(at.meetsMinimumEaValue).toBe(true);
    // One cent more and it is below.
    expect(
      renewalModel([switching], params({ minimumEaValueMinor: 27_000_01n })).meetsMinimumEaValue,
    ).toBe(false);
  });
  it('refuses a term other than 3 or 5 years', () => {
    expect(() => renewalModel([switching], params({ termYears: 4 }))).toThrow(/termYears/);
  });
});

describe('breakEvenGrowth', () => {
  it('finds the growth where the EA stops costing more (hand-computed: 10.50 %)', () => {
    // EA 110.00 vs a-la-carte 100.00, mode A, r = 0. At 10.49 %: units 110, 122 → TF 2 × 110;
    // EA 33220 > a-la-carte 100 × 332 = 33200. At 10.50 %: units 111 (110.5 rounds up), 122 →
    // EA 33220 < 33300.
    const result = breakEvenGrowth(
      [{ ...switching, eaUnitPriceMinor: 110_00n }],
      params({ trueForwardMode: 'A', discountRateBasisPoints: 0 }),
    );
    expect(result).toEqual({ growthBasisPoints: 1_050, cheaperBelow: 'A_LA_CARTE' });
  });

  it('scans in 10 % steps then bisects: at most 21 evaluations, 11 without a change', () => {
    // EA dearer below 37.21 %: the change is at 3721 bp. Scan 0, 10 %, …, 40 % (5 runs), then
    // bisect (3000, 4000] to the basis point (⌈log2 1000⌉ = 10 runs): 15 ≤ 21.
    let calls = 0;
    const found = bisectChange(
      (g) => {
        calls++;
        return g < 3_721;
      },
      0,
      10_000,
    );
    expect(found).toBe(3_721);
    expect(calls).toBeLessThanOrEqual(21);
    calls = 0;
    expect(
      bisectChange(
        () => {
          calls++;
          return true;
        },
        0,
        10_000,
      ),
    ).toBeNull();
    expect(calls).toBe(11); // no crossing: 0, 10 %, …, 100 % (the 1 % scan ran 101)
  });
  it('is null when one option stays cheaper', () => {
    // EA at 50.00 against 100.00 a-la-carte is cheaper at any growth in mode B.
    expect(
      breakEvenGrowth(
        [{ ...switching, eaUnitPriceMinor: 50_00n }],
        params({ trueForwardMode: 'B' }),
      ),
    ).toBeNull();
  });
});

describe('growthTrend', () => {
  const quarterly = (consumed: number[]) =>
    consumed.map((c, i) => ({
      asOf: ['2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][i] ?? '',
      consumed: c,
    }));

  it('compounds the median quarter-over-quarter growth (hand-computed: 8.16 %)', () => {
    // 1000, 1020, 1040, 1090, 1100: steps 2.00 %, 1.96 %, 4.81 %, 0.92 %; median of the middle
    // two (1.0196 + 1.0200) / 2 = 1.019804; 1.019804^4 − 1 = 8.16 %.
    const trend = growthTrend(quarterly([1000, 1020, 1040, 1090, 1100]));
    expect(trend.refusal).toBeNull();
    expect(trend.basisPoints).toBe(816);
    expect(trend.points).toHaveLength(5);
  });

  it('is robust to one jump (a bulk import) and uses the last snapshot of each quarter', () => {
    // 1000, 1000, 1010, 15741, 15800: steps 0, 1.00 %, 1458.5 %, 0.37 %; median
    // (1.0037 + 1.0100) / 2 = 1.006874; ^4 − 1 = 2.78 %. The mid-quarter 500 is not used.
    const trend = growthTrend([
      ...quarterly([1000, 1000, 1010, 15_741, 15_800]),
      { asOf: '2026-02-01', consumed: 500 },
    ]);
    expect(trend.basisPoints).toBe(278);
    expect(trend.points.map((p) => p.consumed)).toEqual([1000, 1000, 1010, 15_741, 15_800]);
  });

  it('refuses with a reason: too few quarters, an empty quarter, an implausible rate', () => {
    // Two snapshots, 176 then 15,741: the old two-point annualisation said 1000 % (capped).
    const two = growthTrend([
      { asOf: '2026-09-30', consumed: 176 },
      { asOf: '2026-12-03', consumed: 15_741 },
    ]);
    expect(two).toMatchObject({ basisPoints: null });
    expect(two.refusal).toMatch(/at least 4 quarters; there are 2/);
    expect(growthTrend(quarterly([0, 10, 20, 30])).refusal).toMatch(/no consumption.*2025-Q4/);
    // Doubling every quarter: 2^4 − 1 = 1500 % a year.
    expect(growthTrend(quarterly([10, 20, 40, 80])).refusal).toMatch(/1500.00 % a year/);
  });
});
