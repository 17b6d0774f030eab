import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { toRenewalModelGql } from '../../api/src/graphql/money/renewal.mapper.js';
import {
  breakEvenGrowthBasisPoints,
  cheaperBelowBreakEven,
} from '../../api/src/graphql/money/renewal.resolver.js';
import { createServices, fixedClock, textSource } from '../../api/src/services/index.js';
import type { Services } from '../../api/src/services/index.js';
import type { DbHandle } from '../../db/src/index.js';
import { insertEstate } from '../support/estate.js';
import { createTestDb } from '../support/test-db.js';

const TODAY = '2026-11-28';
const DOMAIN = 'renewal-types.example';

// Priced like the demo's C9300 Network Advantage: list 2,800.00, 38 % off (net 1,736.00),
// SWSS 18 % of list (504.00 a unit a year). No `License Type` in the price book: the type
// follows the lots.
const PRICES = [
  'License,Currency,List Price,Discount,Support Rate,License Type,EA Suite,EA Price,Valid From',
  'Network Advantage,USD,2800,38,18,,DNA,1200.00,2026-01-01',
  'Perpetual without EA price,USD,2800,38,18,,DNA,,2026-01-01',
  'DNA Advantage,USD,760,38,,,DNA,,2026-01-01',
  'Sold as term,USD,100,,,TERM,DNA,90.00,2026-01-01',
].join('\n');

describe('renewal: the a-la-carte price type follows the lots; an unknown EA price is asked for', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock(TODAY));
    const perpetual = (license: number, quantity: number) => ({
      va: 0,
      license,
      quantity,
      licenseType: 'PERPETUAL' as const,
      startDate: null,
      endDate: null,
      source: 'SMART' as const,
    });
    ({ smartAccountId } = await insertEstate(handle.db, {
      domain: DOMAIN,
      virtualAccounts: [{ name: 'Campus' }],
      licenses: [
        { name: 'Network Advantage' },
        { name: 'Perpetual without EA price' },
        { name: 'DNA Advantage' },
        { name: 'Sold as term' },
      ],
      lots: [
        perpetual(0, 144),
        perpetual(1, 10),
        {
          va: 0,
          license: 2,
          quantity: 10,
          licenseType: 'TERM',
          startDate: '2026-01-01',
          endDate: '2028-12-31',
          source: 'SMART',
        },
        perpetual(3, 5),
      ],
      instances: [],
      usage: [
        { va: 0, license: 0, instance: null, quantity: 144, asOf: '2026-11-01' },
        { va: 0, license: 1, instance: null, quantity: 10, asOf: '2026-11-01' },
        { va: 0, license: 2, instance: null, quantity: 10, asOf: '2026-11-01' },
        { va: 0, license: 3, instance: null, quantity: 1, asOf: '2026-03-01' },
        { va: 0, license: 3, instance: null, quantity: 5, asOf: '2026-11-01' },
      ],
      reservations: [],
    }));
    const summary = await services.imports.run({
      smartAccount: DOMAIN,
      asOf: TODAY,
      dryRun: false,
      files: [textSource('prices.csv', PRICES, 'price-book')],
    });
    if (!summary.committed) throw new Error(JSON.stringify(summary.issues));
  });
  afterAll(async () => {
    await handle.close();
  });

  const renewal = (licenseNames: string[]) =>
    services.money.renewal({
      smartAccountId,
      asOf: TODAY,
      includeClassic: true,
      licenseNames,
      parameters: { growthBasisPoints: 0, discountRateBasisPoints: 0 },
    });

  it('computes the break-even growth only when it is asked for (up to 21 model runs)', async () => {
    const report = await renewal(['Network Advantage']);
    let runs = 0;
    const counted = {
      ...report,
      breakEven: () => {
        runs++;
        return report.breakEven();
      },
    };
    // The GraphQL mapping leaves it to the field resolver: not computed for a query without it.
    const mapped = toRenewalModelGql(counted);
    expect(runs).toBe(0);
    // Asked for: each field asks the report, which computes it once. Perpetual Network
    // Advantage, 144 held, no discounting: at 0 % a-la-carte is 3 × 72,576.00 against the EA's
    // 3 × 172,800.00; at 100 % a-la-carte is 72,576.00 + (144 × 1,736.00 + 288 × 504.00) +
    // (288 × 1,736.00 + 576 × 504.00) = 1,257,984.00 and the EA 172,800.00 + 2 × (172,800.00 +
    // 144 × 1,200.00 × 2) = 1,209,600.00: the cheaper option changes in between.
    const growth = breakEvenGrowthBasisPoints(mapped);
    expect(growth).toBeGreaterThan(0);
    expect(growth).toBeLessThanOrEqual(10_000);
    expect(cheaperBelowBreakEven(mapped)).toBe('A_LA_CARTE');
    expect(runs).toBe(2);
    // The report computes it once and remembers it.
    expect(report.breakEven()).toBe(report.breakEven());
  });

  it('prices perpetual lots as support on the installed base, not a re-purchase every year', async () => {
    const report = await renewal(['Network Advantage']);
    const [model] = report.result.licenses;
    expect(model?.license.licenseType).toBe('PERPETUAL');
    // 144 owned, 144 in use, no growth: nothing to buy; SWSS 144 × (2,800.00 × 18 % = 504.00)
    // = 72,576.00 a year (the old TERM reading re-bought 144 × 1,736.00 = 249,984.00).
    expect(report.result.years.map((y) => y.aLaCarteMinor)).toEqual([
      72_576_00n,
      72_576_00n,
      72_576_00n,
    ]);
    // EA: 144 × 1,200.00 = 172,800.00 a year, as the price book says.
    expect(report.result.years[0]?.eaSubscriptionMinor).toBe(172_800_00n);
  });

  it('keeps term lots and an explicit price book type as they are', async () => {
    const report = await renewal(['DNA Advantage', 'Sold as term']);
    expect(
      report.result.licenses.map((m) => [m.license.licenseName, m.license.licenseType]),
    ).toEqual([
      ['DNA Advantage', 'TERM'],
      ['Sold as term', 'TERM'],
    ]);
    // DNA Advantage: 10 × 471.20 (760.00 × 0.62) = 4,712.00; Sold as term: 5 × 100.00 = 500.00.
    expect(report.result.years[0]?.aLaCarteMinor).toBe(4_712_00n + 500_00n);
  });

  it('leaves a perpetual license without an EA price out and asks for the price', async () => {
    const report = await renewal(['Network Advantage', 'Perpetual without EA price']);
    // Not 10 × 1,736.00 (the one-off price) a year under the EA: the price is unknown.
    expect(report.result.licenses.map((m) => m.license.licenseName)).toEqual(['Network Advantage']);
    expect(report.eaPriceNeededLicenseNames).toEqual(['Perpetual without EA price']);
    expect(report.result.years[0]?.eaSubscriptionMinor).toBe(172_800_00n);
  });

  it('refuses a growth trend from two snapshots, says why, and falls back to 0', async () => {
    // 'Sold as term': 1 in use at the end of March, 5 in November. The old two-point reading
    // annualised (5 / 1)^(365 / 242) − 1 ≈ 1 030 % and capped it at 1000 %.
    for (const [label, asOf] of [
      ['Q1', '2026-03-31'],
      ['Q4', '2026-11-28'],
    ] as const)
      await services.history.takeSnapshot({ smartAccountId, label, asOf, includeClassic: true });
    const report = await services.money.renewal({
      smartAccountId,
      asOf: TODAY,
      includeClassic: true,
      licenseNames: ['Sold as term'],
      parameters: { discountRateBasisPoints: 0 },
    });
    expect(report.growthSource).toBe('DEFAULT');
    expect(report.result.parameters.growthBasisPoints).toBe(0);
    expect(report.growthTrend?.refusal).toMatch(/at least 4 quarters; there are 2/);
    expect(report.growthTrend?.points).toEqual([
      { asOf: '2026-03-31', consumed: 1 },
      { asOf: '2026-11-28', consumed: 5 },
    ]);
    // No growth: 5 × 100.00 a year, 1,500.00 over three years.
    expect(report.result.totals.aLaCarteMinor).toBe(1_500_00n);
  });
});
