import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import { simulateReallocation } from './simulate.js';
import { account, estate, line, lot } from './test-estate.js';
import type { ReallocationMove, SimulationResult } from './types.js';

// License 7 (priced 10.00 USD): VA 1 has 6 surplus (2 of its 4 consumed are reserved),
// VA 2 is 5 short, VA 3 is 3 short. License 8 (unpriced): VA 1 owns 5 classic PAK units only.
const input = estate({
  accounts: [
    account(1, { region: 'EU', businessUnit: 'A' }),
    account(2, { region: 'EU', businessUnit: 'A' }),
    account(3, { region: 'US', businessUnit: 'B', environment: 'NON_PRODUCTION' }),
    account(4, { smartAccountId: 2 }),
    account(5, { region: 'EU', businessUnit: 'A' }),
  ],
  lines: [
    line(1, 7, 10, 4, { reserved: 2 }),
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

const move = (
  quantity: number,
  from: number,
  to: number,
  extra: Partial<ReallocationMove> = {},
): ReallocationMove => ({
  licenseId: 7,
  quantity,
  fromVirtualAccountId: from,
  toVirtualAccountId: to,
  ...extra,
});

const codes = (result: SimulationResult, index = 0) =>
  result.moves[index]?.warnings.map((w) => w.code);

describe('simulateReallocation', () => {
  it('moves surplus onto a shortfall: owned moves, consumed and reserved stay', () => {
    const result = simulateReallocation(input, [move(5, 1, 2)]);
    expect(result.lines.map((l) => [l.after.virtualAccountId, l.after.owned])).toEqual([
      [1, 5],
      [2, 7],
    ]);
    expect(result.lines[0]?.after).toMatchObject({ consumed: 4, reserved: 2, surplus: 1 });
    expect(result.lines[1]?.after).toMatchObject({ shortfall: 0, balance: 0 });
    expect(result.moves[0]?.allocations.map((a) => [a.lotId, a.quantity, a.licenseType])).toEqual([
      [101, 4, 'PERPETUAL'],
      [102, 1, 'TERM'],
    ]);
    expect(result).toMatchObject({ shortfallChange: -5, surplusChange: -5, feasible: true });
    expect(result.exposureBefore).toEqual([{ currency: 'USD', amountMinor: 8000n }]);
    expect(result.exposureAfter).toEqual([{ currency: 'USD', amountMinor: 3000n }]);
    expect(result.exposureChange).toEqual([{ currency: 'USD', amountMinor: -5000n }]);
    expect([result.unpricedShortfallBefore, result.unpricedShortfallAfter]).toEqual([1, 1]);
    expect(codes(result)).toEqual([]);
  });

  it('warns when the source goes short, and about reserved units beyond owned − reserved', () => {
    expect(codes(simulateReallocation(input, [move(7, 1, 2)]))).toEqual(['SOURCE_GOES_SHORT']);
    const result = simulateReallocation(input, [move(9, 1, 2)]);
    expect(codes(result)).toEqual(['SOURCE_GOES_SHORT', 'RESERVED_UNITS']);
    expect(result.lines[0]?.after.shortfall).toBe(3);
    expect(result.feasible).toBe(false);
  });

  it('warns when a move eats the headroom kept for growth', () => {
    // ceil(4 consumed × 50 %) = 2 kept: 4 of the 6 surplus can move.
    const policy = { headroomBasisPoints: 5000 };
    expect(codes(simulateReallocation(input, [move(4, 1, 2)], policy))).toEqual([]);
    const result = simulateReallocation(input, [move(5, 1, 2)], policy);
    expect(codes(result)).toEqual(['EXCEEDS_MOVABLE_SURPLUS']);
    expect(result.moves[0]?.warnings[0]).toMatchObject({
      blocking: true,
      details: { surplus: 6, headroom: 2, movableSurplus: 4 },
    });
  });

  it('never moves classic PAK units: a surplus made of them is not movable', () => {
    const result = simulateReallocation(input, [{ ...move(1, 1, 2), licenseId: 8 }]);
    expect(codes(result)).toEqual(['EXCEEDS_MOVABLE_SURPLUS', 'INSUFFICIENT_MOVABLE_LOTS']);
    expect(result.moves[0]?.allocations).toEqual([]);
    expect(result.lines.map((l) => l.after.owned)).toEqual([5, 0]);
  });

  it('takes only lots of the requested license type', () => {
    const result = simulateReallocation(input, [move(5, 1, 2, { licenseType: 'PERPETUAL' })]);
    expect(codes(result)).toEqual(['INSUFFICIENT_MOVABLE_LOTS']);
    expect(result.lines[1]?.after.owned).toBe(6);
  });

  it('refuses moves to another Smart Account', () => {
    const result = simulateReallocation(input, [move(1, 1, 4)]);
    expect(codes(result)).toEqual(['DIFFERENT_SMART_ACCOUNT']);
    expect(result.moves[0]?.warnings[0]?.details).toEqual({ virtualAccountIds: [4] });
  });

  it('reports each policy rule a move breaks', () => {
    const rules = (policy: object, from = 1, to = 3) =>
      simulateReallocation(input, [move(1, from, to)], policy).moves[0]?.warnings.map(
        (w) => w.details.rules,
      );
    expect(rules({ sameRegion: true })).toEqual([['DIFFERENT_REGION']]);
    expect(rules({ sameBusinessUnit: true })).toEqual([['DIFFERENT_BUSINESS_UNIT']]);
    expect(rules({ productionToNonProduction: false })).toEqual([['PRODUCTION_TO_NON_PRODUCTION']]);
    expect(rules({ lockedVirtualAccountIds: [2] }, 1, 2)).toEqual([['LOCKED_TARGET']]);
    expect(rules({ lockedVirtualAccountIds: [1] }, 1, 2)).toEqual([['LOCKED_SOURCE']]);
    expect(rules({ sameRegion: true }, 1, 2)).toEqual([]);
  });

  it('warns without blocking when moved term units end before the horizon', () => {
    const result = simulateReallocation(input, [move(5, 1, 2)], { horizon: '2030-01-01' });
    expect(codes(result)).toEqual(['LOT_EXPIRES_BEFORE_HORIZON']);
    expect(result.moves[0]?.warnings[0]).toMatchObject({
      blocking: false,
      details: { lots: [{ originLotId: 102, quantity: 1, endDate: '2029-12-31' }] },
    });
    expect(result.feasible).toBe(true);
    expect(codes(simulateReallocation(input, [move(4, 1, 2)], { horizon: '2030-01-01' }))).toEqual(
      [],
    );
  });

  it('lets a later move pass on units an earlier one brought in', () => {
    const result = simulateReallocation(input, [
      move(6, 1, 2),
      move(1, 2, 3, { licenseType: 'TERM' }),
    ]);
    expect(result.moves[1]?.allocations).toEqual([
      { lotId: null, originLotId: 102, quantity: 1, licenseType: 'TERM', endDate: '2029-12-31' },
    ]);
    expect(result.lines.map((l) => [l.after.virtualAccountId, l.after.owned])).toEqual([
      [1, 4],
      [2, 7],
      [3, 1],
    ]);
    expect(result.feasible).toBe(true);
    expect(result.shortfallChange).toBe(-6);
  });

  it('judges each move against the position the earlier moves left', () => {
    const result = simulateReallocation(input, [move(4, 1, 2), move(4, 1, 3)]);
    expect(codes(result, 0)).toEqual([]);
    expect(codes(result, 1)).toEqual(['SOURCE_GOES_SHORT']);
  });

  it('starts a Virtual Account without a line from zero', () => {
    const result = simulateReallocation(input, [move(1, 1, 5)]);
    expect(result.lines[1]).toEqual({
      before: expect.objectContaining({ virtualAccountId: 5, owned: 0, consumed: 0 }),
      after: expect.objectContaining({ virtualAccountId: 5, owned: 1, surplus: 1 }),
    });
  });

  it('rejects structurally invalid moves with a domain error', () => {
    const error = (moves: ReallocationMove[]) => {
      try {
        simulateReallocation(input, moves);
      } catch (caught) {
        return caught instanceof DomainError ? caught.code : 'OTHER';
      }
      return 'NONE';
    };
    expect(error([move(0, 1, 2)])).toBe('INVALID_QUANTITY');
    expect(error([move(1.5, 1, 2)])).toBe('INVALID_QUANTITY');
    expect(error([move(1, 1, 99)])).toBe('UNKNOWN_VIRTUAL_ACCOUNT');
    expect(error([move(1, 2, 2)])).toBe('SAME_VIRTUAL_ACCOUNT');
    expect(error([{ ...move(1, 1, 2), licenseId: 999 }])).toBe('UNKNOWN_LICENSE');
    expect(error([move(1, 1, 2)])).toBe('NONE');
  });
});

describe('simulateReallocation of a license with no position line', () => {
  it('warns instead of failing when the account lists the license', () => {
    const listed = { ...input, licenseIds: [7, 8, 9] };
    const result = simulateReallocation(listed, [{ ...move(1, 1, 2), licenseId: 9 }]);
    expect(codes(result)).toEqual([
      'SOURCE_GOES_SHORT',
      'RESERVED_UNITS',
      'INSUFFICIENT_MOVABLE_LOTS',
    ]);
    expect(result.lines.map((l) => l.after.owned)).toEqual([0, 0]);
  });
});
