import { divideFloor, divideHalfUp } from '../money/index.js';

// The model's rounding points, chosen so a spreadsheet recomputes every figure exactly:
// units and money are rounded half away from zero (Excel/LibreOffice ROUND) or down (INT) at
// the same steps as the Renewal sheet's formulas (excel-addin/src/model/renewal-sheet.ts).

const BP = 10_000n;

/** value × (1 + rate)^years, rounded half up. */
export function grow(value: bigint, rateBasisPoints: number, years: number): bigint {
  const n = BigInt(years);
  return divideHalfUp(value * (BP + BigInt(rateBasisPoints)) ** n, BP ** n);
}

/** value × (1 + rate), rounded down (the allowance in whole units). */
export const growFloor = (value: bigint, rateBasisPoints: number): bigint =>
  divideFloor(value * (BP + BigInt(rateBasisPoints)), BP);

/** value × rate, rounded down (net price, support per unit). */
export const shareFloor = (value: bigint, rateBasisPoints: number): bigint =>
  divideFloor(value * BigInt(rateBasisPoints), BP);

/** value × rate, rounded half up (credits). */
export const shareHalfUp = (value: bigint, rateBasisPoints: number): bigint =>
  divideHalfUp(value * BigInt(rateBasisPoints), BP);

/** value / (1 + rate)^years, rounded half up (present value). */
export function discount(value: bigint, rateBasisPoints: number, years: number): bigint {
  const n = BigInt(years);
  return divideHalfUp(value * BP ** n, (BP + BigInt(rateBasisPoints)) ** n);
}
