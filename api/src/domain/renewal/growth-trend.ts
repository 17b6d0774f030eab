/**
 * Yearly growth (basis points, rounded) from consumption at two dates: (later / earlier)^(365 /
 * days) − 1. A parameter estimate, not money: the power is computed in floating point and then
 * rounded to whole basis points. Null when it cannot be estimated (same day, or no consumption
 * at the earlier date).
 */
export function growthTrendBasisPoints(input: {
  readonly earlier: { readonly asOf: string; readonly consumed: number };
  readonly later: { readonly asOf: string; readonly consumed: number };
}): number | null {
  const days =
    (Date.parse(`${input.later.asOf}T00:00:00Z`) - Date.parse(`${input.earlier.asOf}T00:00:00Z`)) /
    86_400_000;
  if (!(days > 0) || input.earlier.consumed <= 0) return null;
  const yearly = (input.later.consumed / input.earlier.consumed) ** (365 / days) - 1;
  return Math.max(-10_000, Math.min(100_000, Math.round(yearly * 10_000)));
}
