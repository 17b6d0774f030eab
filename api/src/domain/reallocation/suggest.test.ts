import { describe, expect, it } from 'vitest';

import { simulateReallocation } from './simulate.js';
import { suggestReallocation } from './suggest.js';
import { account, estate, line, lot } from './test-estate.js';

// License 7 (10.00 USD): VA 1 has 6 surplus (4 perpetual + 6 term units, 4 consumed),
// VA 2 is 5 short, VA 3 (US, non-production) is 3 short: 6 curable, 2 incurable.
// License 8: VA 1's surplus is classic PAK only; VA 2 is 1 short (incurable by moves).
const input = estate({
  accounts: [
    account(1, { region: 'EU' }),
    account(2, { region: 'EU' }),
    account(3, { region: 'US', environment: 'NON_PRODUCTION' }),
  ],
  lines: [
    line(1, 7, 10, 4),
    line(2, 7, 2, 7),
    line(3, 7, 0, 3),
    line(1, 8, 0, 0, { ownedClassic: 5 }),
    line(2, 8, 0, 1),
  ],
  lots: [
    lot(101, 1, 7, 4),
    lot(102, 1, 7, 6, { licenseType: 'TERM', endDate: '2029-12-31' }),
    lot(201, 2, 7, 2),
    lot(301, 1, 8, 5, { source: 'CLASSIC_PAK' }),
  ],
  prices: [[7, { amountMinor: 1000n, currency: 'USD' }]],
});

describe('suggestReallocation', () => {
  it('cures the curable shortfall, largest first, and leaves the incurable one', () => {
    const plan = suggestReallocation(input);
    expect(plan.moves).toEqual([
      {
        licenseId: 7,
        fromVirtualAccountId: 1,
        toVirtualAccountId: 2,
        licenseType: 'PERPETUAL',
        quantity: 4,
      },
      {
        licenseId: 7,
        fromVirtualAccountId: 1,
        toVirtualAccountId: 2,
        licenseType: 'TERM',
        quantity: 1,
      },
      {
        licenseId: 7,
        fromVirtualAccountId: 1,
        toVirtualAccountId: 3,
        licenseType: 'TERM',
        quantity: 1,
      },
    ]);
    expect(plan).toMatchObject({
      curedUnits: 6,
      boundUnits: 6,
      exposureBefore: [{ currency: 'USD', amountMinor: 8000n }],
      exposureAfter: [{ currency: 'USD', amountMinor: 2000n }],
      unpricedShortfallBefore: 1,
      unpricedShortfallAfter: 1,
    });
    expect(plan.transferRequests).toEqual([
      {
        sourceVirtualAccountId: 1,
        licenses: [
          {
            licenseId: 7,
            licenseType: 'PERPETUAL',
            quantity: 4,
            targetVirtualAccountId: 2,
            note: null,
          },
          { licenseId: 7, licenseType: 'TERM', quantity: 1, targetVirtualAccountId: 2, note: null },
          { licenseId: 7, licenseType: 'TERM', quantity: 1, targetVirtualAccountId: 3, note: null },
        ],
      },
    ]);
  });

  it('writes a plan that simulates without a warning', () => {
    const plan = suggestReallocation(input, { horizon: '2029-01-01' });
    const simulation = simulateReallocation(input, plan.moves, { horizon: '2029-01-01' });
    expect(simulation.feasible).toBe(true);
    expect(simulation.moves.flatMap((m) => m.warnings)).toEqual([]);
  });

  it('keeps the headroom on the source', () => {
    const plan = suggestReallocation(input, { headroomBasisPoints: 5000 });
    expect(plan.curedUnits).toBe(4);
    expect(plan.boundUnits).toBe(4);
    expect(plan.moves.map((m) => [m.toVirtualAccountId, m.quantity])).toEqual([[2, 4]]);
  });

  it('does not count term lots ending before the horizon as cure', () => {
    const plan = suggestReallocation(input, { horizon: '2030-01-01' });
    expect(plan.curedUnits).toBe(4);
    expect(plan.moves.every((m) => m.licenseType === 'PERPETUAL')).toBe(true);
  });

  it('respects policy arcs and reports the bound that ignores them', () => {
    const sameRegion = suggestReallocation(input, { sameRegion: true });
    expect(sameRegion.moves.map((m) => m.toVirtualAccountId)).toEqual([2, 2]);
    expect([sameRegion.curedUnits, sameRegion.boundUnits]).toEqual([5, 6]);
    const noProductionToLab = suggestReallocation(input, { productionToNonProduction: false });
    expect(noProductionToLab.curedUnits).toBe(5);
    const locked = suggestReallocation(input, { lockedVirtualAccountIds: [1] });
    expect([locked.moves, locked.curedUnits, locked.boundUnits]).toEqual([[], 0, 6]);
  });

  it('routes each surplus through the classes the policy allows', () => {
    // Two regions; in each, one source and one short account. Region-blind, the larger
    // source alone would serve the larger shortfall; within regions both sources must give.
    const regional = estate({
      accounts: [
        account(1, { region: 'EU' }),
        account(2, { region: 'EU' }),
        account(3, { region: 'US' }),
        account(4, { region: 'US' }),
      ],
      lines: [line(1, 7, 9, 0), line(2, 7, 0, 2), line(3, 7, 3, 0), line(4, 7, 0, 3)],
      lots: [lot(1, 1, 7, 9), lot(3, 3, 7, 3)],
    });
    const plan = suggestReallocation(regional, { sameRegion: true });
    expect(
      plan.moves.map((m) => [m.fromVirtualAccountId, m.toVirtualAccountId, m.quantity]),
    ).toEqual([
      [1, 2, 2],
      [3, 4, 3],
    ]);
    expect(plan.curedUnits).toBe(5);
  });

  it('plans nothing when no surplus can move', () => {
    const plan = suggestReallocation({
      ...input,
      lines: input.lines.filter((l) => l.licenseId === 8),
    });
    expect(plan.moves).toEqual([]);
    expect(plan.transferRequests).toEqual([]);
    expect(plan.curedUnits).toBe(0);
  });
});

describe('suggestReallocation with several policy classes', () => {
  it('serves a shortfall from the largest class that can cover it, in one move', () => {
    // Three suppliers in three regions may all give to the global account 4 (non-production
    // rules aside): the largest alone covers its shortfall.
    const classes = estate({
      accounts: [
        account(1, { region: 'EU', environment: 'NON_PRODUCTION' }),
        account(2, { region: 'US', environment: 'LAB' }),
        account(3, { region: 'APJC', environment: 'PRODUCTION' }),
        account(4, { region: 'US', environment: 'PRODUCTION' }),
      ],
      lines: [line(1, 7, 1, 0), line(2, 7, 1, 0), line(3, 7, 3, 0), line(4, 7, 0, 3)],
      lots: [lot(1, 1, 7, 1), lot(2, 2, 7, 1), lot(3, 3, 7, 3)],
    });
    const plan = suggestReallocation(classes, { productionToNonProduction: false });
    expect(plan.moves.map((m) => [m.fromVirtualAccountId, m.quantity])).toEqual([[3, 3]]);
  });
});
