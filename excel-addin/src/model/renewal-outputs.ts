import type { RenewalSheetInput } from './renewal-sheet.js';
import { NUMBER_FORMATS, type OutputCell } from './sheet-model.js';

/**
 * The Renewal sheet's result cells (the same ones in the `.xlsx` export and the add-in):
 * `total(key)` addresses a column's total on the Renewal sheet, `at` the minimum EA value input
 * and the break-even growth cell.
 */
export function renewalOutputs(
  input: RenewalSheetInput,
  total: (
    key: 'eaSubscription' | 'aLaCartePresentValue' | 'enterpriseAgreementPresentValue',
  ) => string,
  at: { readonly minimumEaValue: string; readonly breakEvenGrowth: string },
): OutputCell[] {
  return [
    {
      key: 'eaValue',
      label: 'EA value (subscriptions over the term)',
      value: { formula: `${total('eaSubscription')}` },
      numberFormat: NUMBER_FORMATS.money,
    },
    {
      key: 'meetsMinimumEaValue',
      label: 'Meets the minimum EA value',
      value: {
        formula: `${total('eaSubscription')}>=${at.minimumEaValue}`,
      },
    },
    {
      key: 'cheaperOption',
      label: 'Cheaper by NPV',
      value: {
        formula: `IF(${total('enterpriseAgreementPresentValue')}<${total('aLaCartePresentValue')},"Enterprise Agreement","A-la-carte")`,
      },
    },
    {
      key: 'breakEvenGrowth',
      label: 'Break-even growth (the cheaper option by NPV changes; see Break-even)',
      value: { formula: at.breakEvenGrowth },
      numberFormat: NUMBER_FORMATS.percent,
    },
    {
      key: 'eaPriceNeeded',
      label: 'Left out: EA price needed (perpetual, no EA price in the price book)',
      value:
        input.eaPriceNeededLicenseNames.length === 0
          ? 'none'
          : input.eaPriceNeededLicenseNames.join(', '),
    },
    {
      key: 'outsideEa',
      label: 'Not in the EA (a-la-carte under both options, left out of the comparison)',
      value:
        (input.outsideEaLicenseNames ?? []).length === 0
          ? 'none'
          : (input.outsideEaLicenseNames ?? []).join(', '),
    },
    {
      key: 'baselineAdjustments',
      label: 'Baseline adjustments (reclaimable units out of both options; Reclaimed column)',
      value:
        (input.baselineAdjustments ?? []).length === 0
          ? 'none'
          : (input.baselineAdjustments ?? [])
              .map(
                (a) =>
                  `−${a.units} ${a.licenseName}: ${a.reason === 'STRANDED_RESERVATION' ? 'stranded reservation' : 'ghost consumption'} on ${a.deviceName} (${a.virtualAccountName})`,
              )
              .join('; '),
    },
  ];
}
