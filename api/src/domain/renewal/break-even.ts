import type { RenewalLicense, RenewalParameters } from './renewal-input.js';
import { renewalModel } from './renewal-model.js';

/** The growth rate at which the cheaper option (by NPV) changes, if it does within the range. */
export interface BreakEven {
  /** Lowest growth (whole basis points) at which the option cheaper at `fromBasisPoints` stops being cheaper. */
  readonly growthBasisPoints: number;
  /** Which option is cheaper (or equal) below the break-even. */
  readonly cheaperBelow: 'A_LA_CARTE' | 'ENTERPRISE_AGREEMENT';
}

/** Coarse scan step: 10 % (the scan costs 11 model runs over 0 … 100 %). */
export const BREAK_EVEN_SCAN_BASIS_POINTS = 1_000;

/**
 * The lowest whole basis point `g` in (from, to] where `test(g)` first differs from
 * `test(from)`: a coarse scan in `step`s finds the first step where it differs, then bisection
 * narrows that step to the basis point. Null when no scanned point differs. Evaluates `test`
 * at most (to − from) / step + 1 + ⌈log2 step⌉ times (21 over 0 … 100 % in 10 % steps). A
 * change that reverts within one step is not seen.
 */
export function bisectChange(
  test: (basisPoints: number) => boolean,
  from: number,
  to: number,
  step = BREAK_EVEN_SCAN_BASIS_POINTS,
): number | null {
  const start = test(from);
  let low = from;
  let high: number | null = null;
  for (let g = Math.min(from + step, to); g > low; g = Math.min(g + step, to)) {
    if (test(g) !== start) {
      high = g;
      break;
    }
    low = g;
  }
  if (high === null) return null;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (test(mid) === start) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * The growth (0 … 100 % by default) at which the cheaper option by NPV first changes: a 10 %
 * scan then bisection ({@link bisectChange}), at most 21 model runs (11 when there is no
 * crossing; a 1 % scan took 101 plus 7). Null when the same option is cheaper at every scanned
 * point. The costs need not move monotonically with growth (the EA can be cheaper only in a
 * middle band), hence the scan rather than bisection between the ends.
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
  const growthBasisPoints = bisectChange(eaDearer, from, to);
  if (growthBasisPoints === null) return null;
  return { growthBasisPoints, cheaperBelow: start ? 'A_LA_CARTE' : 'ENTERPRISE_AGREEMENT' };
}
