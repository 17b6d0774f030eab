/** Consumption of the licenses in scope at one snapshot. */
export interface TrendPoint {
  readonly asOf: string;
  readonly consumed: number;
}

/** A yearly growth estimate from snapshots, with the points it used or why there is none. */
export type GrowthTrend =
  | {
      readonly basisPoints: number;
      /** The last snapshot of each quarter, oldest first: what the trend was computed from. */
      readonly points: readonly TrendPoint[];
      /** Median quarter-over-quarter growth, basis points (rounded). */
      readonly quarterlyMedianBasisPoints: number;
      readonly refusal: null;
    }
  | {
      readonly basisPoints: null;
      readonly points: readonly TrendPoint[];
      readonly refusal: string;
    };

/** Fewest quarters with a snapshot the trend needs (three quarter-over-quarter changes). */
export const MIN_TREND_QUARTERS = 4;
/** A yearly trend outside this range is refused as implausible (basis points). */
export const TREND_RANGE_BASIS_POINTS = { min: -5_000, max: 10_000 } as const;

const quarterIndex = (asOf: string): number => {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return year * 4 + Math.floor((month - 1) / 3);
};
const quarterName = (asOf: string): string =>
  `${asOf.slice(0, 4)}-Q${Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Yearly consumption growth from snapshots: the last snapshot of each calendar quarter, the
 * quarter-over-quarter growth between consecutive ones (a gap of n quarters counts as n equal
 * steps), their median (robust to one jump such as a bulk import), compounded over four
 * quarters: (1 + median)^4 − 1. A parameter estimate, computed in floating point and rounded to
 * whole basis points. Refused (null, with the reason) with fewer than four quarters, a quarter
 * with no consumption, or a result outside −50 % … +100 % a year.
 */
export function growthTrend(snapshots: readonly TrendPoint[]): GrowthTrend {
  const byQuarter = new Map<number, TrendPoint>();
  for (const point of [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)))
    byQuarter.set(quarterIndex(point.asOf), point);
  const quarters = [...byQuarter.entries()].sort(([a], [b]) => a - b);
  const points = quarters.map(([, p]) => p);
  if (quarters.length < MIN_TREND_QUARTERS)
    return {
      basisPoints: null,
      points,
      refusal:
        `a trend needs snapshots in at least ${MIN_TREND_QUARTERS} quarters; ` +
        `there ${quarters.length === 1 ? 'is' : 'are'} ${quarters.length}`,
    };
  const empty = points.find((p) => p.consumed <= 0);
  if (empty)
    return {
      basisPoints: null,
      points,
      refusal: `no consumption in the snapshot of ${empty.asOf} (${quarterName(empty.asOf)}): no growth rate from it`,
    };
  const steps: number[] = [];
  for (let i = 1; i < quarters.length; i++) {
    const [q0, p0] = quarters[i - 1] ?? [0, points[0]];
    const [q1, p1] = quarters[i] ?? [0, points[0]];
    if (!p0 || !p1) continue;
    steps.push((p1.consumed / p0.consumed) ** (1 / (q1 - q0)) - 1);
  }
  const quarterly = median(steps);
  const basisPoints = Math.round(((1 + quarterly) ** 4 - 1) * 10_000);
  if (basisPoints < TREND_RANGE_BASIS_POINTS.min || basisPoints > TREND_RANGE_BASIS_POINTS.max)
    return {
      basisPoints: null,
      points,
      refusal: `the snapshots give ${(basisPoints / 100).toFixed(2)} % a year, outside −50 % … +100 %: check the history`,
    };
  return {
    basisPoints,
    points,
    quarterlyMedianBasisPoints: Math.round(quarterly * 10_000),
    refusal: null,
  };
}
