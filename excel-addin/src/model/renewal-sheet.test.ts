import { describe, expect, it } from 'vitest';

import { findingsSheet } from './findings-sheet.js';
import { RENEWAL_YEARS, renewalSheets } from './renewal-sheet.js';
import { isFormula, layoutOf } from './sheet-model.js';

const input = {
  currency: 'USD',
  termYears: 3,
  growthRate: 0.1,
  allowance: 0.2,
  trueForwardMode: 'B' as const,
  discountRate: 0.08,
  listEscalator: 0,
  minimumEaValue: 100_000,
  perpetualCreditRate: 0,
  supportCredit: 0,
  eaPriceNeededLicenseNames: [],
  licenses: [
    {
      licenseName: '=evil()',
      licenseType: 'TERM' as const,
      listPrice: 1000,
      discount: 0.2,
      supportRate: 0,
      eaUnitPrice: 700,
      reclaimed: 0,
    },
  ],
  positionRowCount: 4,
};

describe('renewalSheets', () => {
  const { renewal, detail } = renewalSheets(input);

  it('puts the inputs in cells the formulas read', () => {
    const layout = layoutOf(renewal);
    expect(layout.inputAddress('growthRate')).toBe('$B$3');
    expect(renewal.inputs.find((i) => i.key === 'growthRate')?.value).toBe(0.1);
    const units1 = detail.rows[0]?.find(
      (cell) => isFormula(cell) && cell.formula.includes('Renewal!$B$3'),
    );
    expect(units1).toBeDefined();
  });

  it('sums quantities from the Positions table by exact license name', () => {
    const consumed = detail.rows[0]?.[2];
    expect(consumed).toEqual({
      formula: 'SUMPRODUCT((Positions!$B$2:$B$5=$A2)*Positions!$E$2:$E$5)',
    });
    // The name itself is data: text, never a formula.
    expect(detail.rows[0]?.[0]).toBe('=evil()');
  });

  it('lays out five years plus a total, each yearly figure a formula', () => {
    expect(renewal.rows).toHaveLength(RENEWAL_YEARS + 1);
    for (const row of renewal.rows.slice(0, RENEWAL_YEARS)) {
      expect(isFormula(row[1] ?? null)).toBe(true); // a-la-carte
      expect(isFormula(row[5] ?? null)).toBe(true); // enterprise agreement
    }
    expect(renewal.rows[RENEWAL_YEARS]?.[0]).toBe('Total');
    expect(renewal.outputs?.map((o) => o.key)).toEqual([
      'eaValue',
      'meetsMinimumEaValue',
      'cheaperOption',
      'breakEvenGrowth',
      'eaPriceNeeded',
      'outsideEa',
      'baselineAdjustments',
    ]);
  });

  it('lists the licenses outside the EA and the baseline adjustments with their devices', () => {
    const { renewal: sheet } = renewalSheets({
      ...input,
      outsideEaLicenseNames: ['Webex Calling Professional'],
      baselineAdjustments: [
        {
          licenseName: 'AIR Network Essentials',
          units: 35,
          reason: 'STRANDED_RESERVATION',
          deviceName: 'lon-wlc-slr-02',
          virtualAccountName: 'Campus-EMEA',
        },
      ],
    });
    const value = (key: string) => sheet.outputs?.find((o) => o.key === key)?.value;
    expect(value('outsideEa')).toBe('Webex Calling Professional');
    expect(value('baselineAdjustments')).toBe(
      '−35 AIR Network Essentials: stranded reservation on lon-wlc-slr-02 (Campus-EMEA)',
    );
  });

  it('subtracts the reclaimed units from the consumed ones for every baseline use', () => {
    const columns = detail.columns.map((c) => c.header);
    expect(columns.slice(2, 5)).toEqual([
      'Consumed',
      'Reclaimed',
      'Baseline (consumed − reclaimed)',
    ]);
  });

  it('meets the minimum EA value when the EA value equals it (>=, not >)', () => {
    // The EA value cell is the EA subscription total (column C of the total row); the check
    // compares it with the minimum input inclusively, like renewalModel.
    const layout = layoutOf(renewal);
    const totalRow = layout.firstDataRow + RENEWAL_YEARS;
    const check = renewal.outputs?.find((o) => o.key === 'meetsMinimumEaValue')?.value;
    expect(check).toEqual({
      formula: `C${totalRow}>=${layout.inputAddress('minimumEaValue')}`,
    });
  });

  it('reads the break-even growth from the Break-even sheet, a formula over the inputs', () => {
    const sheets = renewalSheets(input);
    const output = sheets.renewal.outputs?.find((o) => o.key === 'breakEvenGrowth')?.value;
    // Break-even: header on row 1, 21 steps on rows 2–22, outputs from row 24 (crossing, growth).
    expect(output).toEqual({ formula: "'Break-even'!$B$25" });
    expect(sheets.breakEven.rows).toHaveLength(21);
    expect(sheets.breakEven.rows.slice(0, 11).map((r) => r[1])).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000,
    ]);
    // Bisection step 12 halves the interval the scan left in step 11's Low and High.
    expect(sheets.breakEven.rows[11]?.[1]).toEqual({ formula: 'INT((P12+Q12)/2)' });
    // One row per step and license; a license's growth-dependent figures at the step's growth.
    expect(sheets.breakEvenDetail.rows).toHaveLength(21 * input.licenses.length);
    expect(sheets.breakEvenDetail.rows[0]?.[2]).toEqual({
      formula:
        "IF(1<=Renewal!$B$2,ROUND(ROUND('Renewal detail'!$E$2*(1+('Break-even'!$B$2/10000))^0,6),0),0)",
    });
    expect(sheets.all.map((m) => m.name)).toEqual([
      'Renewal',
      'Renewal detail',
      'Break-even',
      'Break-even detail',
    ]);
  });
});

describe('findingsSheet', () => {
  it('writes money as numbers and leaves unpriced findings blank', () => {
    const model = findingsSheet([
      {
        severity: 'high',
        code: 'INSUFFICIENT_LICENSES',
        virtualAccountName: 'Campus',
        licenseName: 'DNA',
        quantity: 4,
        money: { amount: '3200.00', currency: 'USD' },
        message: '+4 short',
      },
      {
        severity: 'low',
        code: 'STALE_REPORTING',
        virtualAccountName: null,
        licenseName: null,
        quantity: 0,
        money: null,
        message: 'x',
      },
    ]);
    expect(model.rows[0]).toEqual([
      'high',
      'INSUFFICIENT_LICENSES',
      'Campus',
      'DNA',
      4,
      3200,
      'USD',
      '+4 short',
    ]);
    expect(model.rows[1]?.slice(4, 7)).toEqual([0, null, null]);
  });
});
