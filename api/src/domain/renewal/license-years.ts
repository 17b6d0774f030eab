import type { RenewalLicense, RenewalParameters } from './renewal-input.js';
import { grow, growFloor, shareFloor, shareHalfUp } from './rounding.js';

/** One license in one year of the term (year 1 starts at the as-of date). */
export interface LicenseYear {
  readonly year: number;
  /** Units in use during the year: consumed × (1 + growth)^(year − 1), rounded. */
  readonly units: number;
  /**
   * A-la-carte units held. Term: the units in use (unused term units are dropped at renewal).
   * Perpetual: never fewer than owned or than any earlier year (owned stays owned; SWSS is paid
   * on every unit held, as Cisco asks support to cover the installed base).
   */
  readonly held: number;
  /** List price this year: list × (1 + escalator)^(year − 1), rounded to the minor unit. */
  readonly listPriceMinor: bigint;
  /** list × (1 − discount), rounded down. */
  readonly netPriceMinor: bigint;
  /** SWSS per unit this year (perpetual: list × support rate, rounded down; term: 0). */
  readonly supportPriceMinor: bigint;
  /** TERM: units in use × net; PERPETUAL: newly bought × net + held × support. */
  readonly aLaCarteMinor: bigint;
  /**
   * The True Forward milestone at the end of the previous year (year ≥ 2): the allowance in
   * whole units (baseline × (1 + g), rounded down), the units billed, the baseline after the
   * ratchet, and the charge (units × EA price × years left), invoiced in this year.
   */
  readonly milestone: {
    readonly allowance: number;
    readonly trueForwardUnits: number;
    readonly baseline: number;
    readonly trueForwardMinor: bigint;
  } | null;
}

export interface LicenseModel {
  readonly license: RenewalLicense;
  /** consumed × EA price: the yearly EA subscription for this license. */
  readonly eaSubscriptionMinor: bigint;
  /** Migration credit at EA start (perpetual: owned × net price × credit rate). */
  readonly creditMinor: bigint;
  readonly years: readonly LicenseYear[];
  /** The baseline the EA renews at (after the last ratchet). */
  readonly renewalBaseline: number;
}

/** The year-by-year figures of one license under both options. */
export function licenseModel(license: RenewalLicense, p: RenewalParameters): LicenseModel {
  const perpetual = license.licenseType === 'PERPETUAL';
  const consumed = BigInt(license.consumed);
  const years: LicenseYear[] = [];
  let held = BigInt(license.owned);
  let baseline = consumed;
  let firstNetPrice = 0n;
  for (let year = 1; year <= p.termYears; year++) {
    const units = grow(consumed, p.growthBasisPoints, year - 1);
    const heldBefore = held;
    held = !perpetual || units > held ? units : held;
    const listPriceMinor = grow(license.listPriceMinor, p.listEscalatorBasisPoints, year - 1);
    const netPriceMinor = shareFloor(listPriceMinor, 10_000 - license.discountBasisPoints);
    if (year === 1) firstNetPrice = netPriceMinor;
    const supportPriceMinor = perpetual
      ? shareFloor(listPriceMinor, license.supportRateBasisPoints)
      : 0n;
    const aLaCarteMinor = perpetual
      ? (held - heldBefore) * netPriceMinor + held * supportPriceMinor
      : held * netPriceMinor;
    let milestone: LicenseYear['milestone'] = null;
    if (year >= 2) {
      // Milestone k = year − 1 measures this year's units against the baseline so far.
      const allowance = growFloor(baseline, p.allowanceBasisPoints);
      const over =
        p.trueForwardMode === 'A'
          ? units > allowance
            ? units - allowance
            : 0n
          : units > allowance
            ? units - baseline
            : 0n;
      baseline += over; // the ratchet: the baseline rises, never falls
      milestone = {
        allowance: Number(allowance),
        trueForwardUnits: Number(over),
        baseline: Number(baseline),
        trueForwardMinor: over * license.eaUnitPriceMinor * BigInt(p.termYears - (year - 1)),
      };
    }
    years.push({
      year,
      units: Number(units),
      held: Number(held),
      listPriceMinor,
      netPriceMinor,
      supportPriceMinor,
      aLaCarteMinor,
      milestone,
    });
  }
  return {
    license,
    eaSubscriptionMinor: consumed * license.eaUnitPriceMinor,
    creditMinor: perpetual
      ? shareHalfUp(BigInt(license.owned) * firstNetPrice, p.perpetualCreditBasisPoints)
      : 0n,
    years,
    renewalBaseline: Number(baseline),
  };
}
