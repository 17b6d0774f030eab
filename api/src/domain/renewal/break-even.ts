import type { RenewalLicense, RenewalParameters } from './renewal-input.js';
import { renewalModel } from './renewal-model.js';

/** The growth rate at which the cheaper option (by NPV) changes, if it does within the range. */
export interface BreakEven {
  /** Lowest growth (whole basis points) at which the option cheaper at `fromBasisPoints` stops being cheaper. */
  readonly growthBasisPoints: number;
  /** Which option is cheaper (or equal) below the break-even. */
  readonly cheaperBelow: 'A_LA_CARTE' | 'ENTERPRISE_AGREEMENT';
}

const STEP = 100;

/**
 * Scans growth from `fromBasisPoints` to `toBasisPoints` (default 0 … 100 %) in 1 % steps for the
 * first change of the cheaper option by NPV, then bisects to the whole basis point. Null when
 * the same option stays cheaper over the range. Rounding makes the difference step-wise, so a
 * crossing that reverts within one 1 % step can be missed; the scan says where the first
 * sustained change lies.
 */
export function breakEvenGrowth(
  licenses: readonly RenewalLicense[],
  parameters: RenewalParameters,
  range: { fromBasisPoints?: number; toBasisPoints?: number } = {},
): BreakEven | null {
  const from = range.fromBasisPoints ?? 0;
  const to = range.toBasisPoints ?? 10_000;
  // true when the EA costs more than a-la-carte (strictly) at this growth.
  const eaDearer = (growthBasisPoints: number): boolean => {
    const { totals } = renewalModel(licenses, { ...parameters, growthBasisPoints });
    return totals.enterpriseAgreementPresentValueMinor > totals.aLaCartePresentValueMinor;
  };
  const start = eaDearer(from);
  let low = from;
  let high: number | null = null;
  for (let g = from + STEP; g <= to; g += STEP) {
    if (eaDearer(g) !== start) {
      high = g;
      break;
    }
    low = g;
  }
  if (high === null) return null;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (eaDearer(mid) === start) low = mid;
    else high = mid;
  }
  return {
    growthBasisPoints: high,
    cheaperBelow: start ? 'A_LA_CARTE' : 'ENTERPRISE_AGREEMENT',
  };
}
