import { assert } from '../errors.js';

/** Longest term the model (and its sheet) covers; EA 3.0 terms are 3 or 5 years [S44]. */
export const MAX_TERM_YEARS = 5;

/**
 * How True Forward bills growth at a milestone. Sources disagree (domain.md §5.1):
 * - `A` (buffer): only consumption above the allowance, `max(0, C − E × (1 + g))` [S49];
 * - `B`: all growth over the baseline once the allowance is crossed, `C − E` [S46, program-terms
 *   excerpt]. B is the default: it is the reading of Cisco's own program terms.
 */
export type TrueForwardMode = 'A' | 'B';

/** One license in the model's scope, with its account-wide quantities and price book entry. */
export interface RenewalLicense {
  readonly licenseId: number;
  readonly licenseName: string;
  /** How it is bought a-la-carte: TERM per unit per year, PERPETUAL one-off plus SWSS. */
  readonly licenseType: 'TERM' | 'PERPETUAL';
  /**
   * The renewal baseline of both options: Σ consumed over the Virtual Accounts at the as-of
   * date less the reclaimable units (`reclaimed`).
   */
  readonly consumed: number;
  /** Units taken out of the raw consumption: stranded reservations and ghost use (see baseline.ts). */
  readonly reclaimed?: number;
  /** Σ owned over the Virtual Accounts at the as-of date. */
  readonly owned: number;
  readonly listPriceMinor: bigint;
  readonly discountBasisPoints: number;
  /** SWSS per unit per year as a share of list (perpetual licenses only). */
  readonly supportRateBasisPoints: number;
  /** EA price per unit per year, fixed for the term (Full Commit not-to-exceed pricing [S50]). */
  readonly eaUnitPriceMinor: bigint;
}

/** Model parameters; rates are basis points (1 % = 100 bp), money minor units. */
export interface RenewalParameters {
  /** 3 or 5 [S44]. */
  readonly termYears: number;
  /** Consumption growth per year (may be negative, not below −100 %). */
  readonly growthBasisPoints: number;
  /** EA growth allowance `g`; default 20 % [S48][S49][S52] (one source says 15 % [S51]). */
  readonly allowanceBasisPoints: number;
  readonly trueForwardMode: TrueForwardMode;
  /** Discount rate for the NPV; payments are annual in advance (year 1 undiscounted). */
  readonly discountRateBasisPoints: number;
  /** Yearly rise of list prices for a-la-carte purchases; no public source, default 0. */
  readonly listEscalatorBasisPoints: number;
  /** EA floor; $100,000 in EA 3.0 [S47] (in the model's currency). */
  readonly minimumEaValueMinor: bigint;
  /** Share of the current net value of owned perpetual licenses credited at EA start [S49]. */
  readonly perpetualCreditBasisPoints: number;
  /** Residual SWSS (support already paid) credited at EA start, as quoted. */
  readonly supportCreditMinor: bigint;
}

/** The defaults, each with its source (or the lack of one). */
export const DEFAULT_RENEWAL_PARAMETERS: RenewalParameters = {
  termYears: 3,
  growthBasisPoints: 0,
  allowanceBasisPoints: 2_000,
  trueForwardMode: 'B',
  discountRateBasisPoints: 800,
  listEscalatorBasisPoints: 0,
  minimumEaValueMinor: 10_000_000n,
  perpetualCreditBasisPoints: 0,
  supportCreditMinor: 0n,
};

const isInt = (n: number) => Number.isSafeInteger(n);

/** Checks parameters and licenses; INVALID_RENEWAL_INPUT names the first bad field. */
export function validateRenewalInput(
  licenses: readonly RenewalLicense[],
  p: RenewalParameters,
): void {
  const check = (ok: boolean, field: string, message: string) =>
    assert(ok, 'INVALID_RENEWAL_INPUT', `${field}: ${message}`, { field });
  check(p.termYears === 3 || p.termYears === 5, 'termYears', 'must be 3 or 5');
  check(
    isInt(p.growthBasisPoints) && p.growthBasisPoints >= -10_000 && p.growthBasisPoints <= 100_000,
    'growthBasisPoints',
    'must be −10000…100000',
  );
  for (const [field, value] of [
    ['allowanceBasisPoints', p.allowanceBasisPoints],
    ['discountRateBasisPoints', p.discountRateBasisPoints],
    ['listEscalatorBasisPoints', p.listEscalatorBasisPoints],
    ['perpetualCreditBasisPoints', p.perpetualCreditBasisPoints],
  ] as const)
    check(isInt(value) && value >= 0 && value <= 100_000, field, 'must be 0…100000 basis points');
  check(
    p.trueForwardMode === 'A' || p.trueForwardMode === 'B',
    'trueForwardMode',
    'must be A or B',
  );
  check(p.minimumEaValueMinor >= 0n, 'minimumEaValue', 'cannot be negative');
  check(p.supportCreditMinor >= 0n, 'supportCredit', 'cannot be negative');
  for (const license of licenses) {
    check(
      isInt(license.consumed) && license.consumed >= 0,
      'consumed',
      'must be a whole number ≥ 0',
    );
    check(isInt(license.owned) && license.owned >= 0, 'owned', 'must be a whole number ≥ 0');
    check(
      license.listPriceMinor >= 0n && license.eaUnitPriceMinor >= 0n,
      'price',
      'cannot be negative',
    );
    check(
      [license.discountBasisPoints, license.supportRateBasisPoints].every(
        (r) => isInt(r) && r >= 0 && r <= 10_000,
      ),
      'rate',
      'discount and support rate must be 0–100 %',
    );
  }
}
