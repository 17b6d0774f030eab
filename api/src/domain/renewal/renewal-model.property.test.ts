import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DEFAULT_RENEWAL_PARAMETERS, type RenewalLicense } from './renewal-input.js';
import { renewalModel } from './renewal-model.js';

const license = fc.record({
  licenseId: fc.nat(1000),
  licenseName: fc.string(),
  licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
  consumed: fc.nat(5_000),
  owned: fc.nat(5_000),
  listPriceMinor: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  discountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  supportRateBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  eaUnitPriceMinor: fc.bigInt({ min: 0n, max: 10n ** 9n }),
}) satisfies fc.Arbitrary<RenewalLicense>;

const parameters = fc.record({
  termYears: fc.constantFrom(3, 5),
  growthBasisPoints: fc.integer({ min: -5_000, max: 20_000 }),
  allowanceBasisPoints: fc.integer({ min: 0, max: 5_000 }),
  trueForwardMode: fc.constantFrom('A' as const, 'B' as const),
  discountRateBasisPoints: fc.integer({ min: 0, max: 3_000 }),
  listEscalatorBasisPoints: fc.integer({ min: 0, max: 2_000 }),
  perpetualCreditBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  supportCreditMinor: fc.bigInt({ min: 0n, max: 10n ** 8n }),
});

describe('renewalModel (properties)', () => {
  it('balances: totals are the sums of the years, EA = subscription + true forward − credits, per-license sums are the year figures', () => {
    fc.assert(
      fc.property(fc.array(license, { maxLength: 6 }), parameters, (licenses, p) => {
        const result = renewalModel(licenses, { ...DEFAULT_RENEWAL_PARAMETERS, ...p });
        expect(result.years).toHaveLength(p.termYears);
        let alc = 0n;
        let ea = 0n;
        for (const year of result.years) {
          expect(year.enterpriseAgreementMinor).toBe(
            year.eaSubscriptionMinor + year.trueForwardMinor - year.creditsMinor,
          );
          const licenseAlc = result.licenses.reduce(
            (a, m) => a + (m.years[year.year - 1]?.aLaCarteMinor ?? 0n),
            0n,
          );
          expect(year.aLaCarteMinor).toBe(licenseAlc);
          alc += year.aLaCarteMinor;
          ea += year.enterpriseAgreementMinor;
        }
        expect(result.totals.aLaCarteMinor).toBe(alc);
        expect(result.totals.enterpriseAgreementMinor).toBe(ea);
        if (p.discountRateBasisPoints === 0)
          expect(result.totals.aLaCartePresentValueMinor).toBe(alc);
      }),
    );
  });

  it('ratchets: baselines and perpetual units held never fall, term units held are those in use, and true-forward units are what the baseline rose by', () => {
    fc.assert(
      fc.property(license, parameters, (l, p) => {
        const [model] = renewalModel([l], { ...DEFAULT_RENEWAL_PARAMETERS, ...p }).licenses;
        let baseline = l.consumed;
        let held = l.owned;
        for (const year of model?.years ?? []) {
          if (l.licenseType === 'PERPETUAL') expect(year.held).toBeGreaterThanOrEqual(held);
          else expect(year.held).toBe(year.units);
          expect(year.held).toBeGreaterThanOrEqual(year.units);
          held = year.held;
          if (year.milestone) {
            expect(year.milestone.baseline).toBe(baseline + year.milestone.trueForwardUnits);
            expect(year.milestone.trueForwardUnits).toBeGreaterThanOrEqual(0);
            baseline = year.milestone.baseline;
          }
        }
        expect(model?.renewalBaseline).toBe(baseline);
      }),
    );
  });
});
