import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { transferRequests, UNKNOWN_TYPE_NOTE } from './transfer-requests.js';
import type { PlannedMove } from './types.js';

const planned = (quantity: number, to: number, from = 1, licenseId = 7): PlannedMove => ({
  licenseId,
  licenseType: 'TERM',
  quantity,
  fromVirtualAccountId: from,
  toVirtualAccountId: to,
});

describe('transferRequests', () => {
  it('chunks a quantity above 998 into entries of 998 and a remainder', () => {
    expect(transferRequests([planned(2500, 2)])).toEqual([
      {
        sourceVirtualAccountId: 1,
        licenses: [998, 998, 504].map((quantity) => ({
          licenseId: 7,
          licenseType: 'TERM',
          quantity,
          targetVirtualAccountId: 2,
          note: null,
        })),
      },
    ]);
  });

  it('puts UNKNOWN entries after PERPETUAL and TERM, each saying to check the type in CSSM', () => {
    const unknown = { ...planned(4, 2), licenseType: 'UNKNOWN' as const };
    const perpetual = { ...planned(3, 2), licenseType: 'PERPETUAL' as const };
    const [request] = transferRequests([unknown, planned(5, 2), perpetual]);
    expect(request!.licenses.map((e) => [e.licenseType, e.quantity, e.note])).toEqual([
      ['PERPETUAL', 3, null],
      ['TERM', 5, null],
      ['UNKNOWN', 4, UNKNOWN_TYPE_NOTE],
    ]);
    expect(UNKNOWN_TYPE_NOTE).toMatch(/check in CSSM whether these are TERM or PERPETUAL/);
  });

  it('puts at most 10 entries in a request, counting every chunk', () => {
    const moves = [planned(1996, 2), ...Array.from({ length: 9 }, (_, i) => planned(1, 3 + i))];
    const requests = transferRequests(moves);
    expect(requests.map((r) => r.licenses.length)).toEqual([10, 1]);
    expect(requests.every((r) => r.sourceVirtualAccountId === 1)).toBe(true);
  });

  it('writes one series of requests per source, merging equal entries', () => {
    const requests = transferRequests([planned(3, 2, 5), planned(4, 2, 5), planned(1, 2, 4)]);
    expect(
      requests.map((r) => [r.sourceVirtualAccountId, r.licenses.map((e) => e.quantity)]),
    ).toEqual([
      [4, [1]],
      [5, [7]],
    ]);
  });

  it('keeps every limit and sums back to the moves (property)', () => {
    const move = fc.record({
      licenseId: fc.integer({ min: 1, max: 4 }),
      licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
      quantity: fc.integer({ min: 1, max: 5000 }),
      fromVirtualAccountId: fc.integer({ min: 1, max: 3 }),
      toVirtualAccountId: fc.integer({ min: 4, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const requests = transferRequests(moves);
        const key = (
          source: number,
          e: Omit<PlannedMove, 'fromVirtualAccountId' | 'toVirtualAccountId'> & { target: number },
        ) => `${source}:${e.licenseId}:${e.licenseType}:${e.target}`;
        const expected = new Map<string, number>();
        for (const m of moves) {
          const k = key(m.fromVirtualAccountId, { ...m, target: m.toVirtualAccountId });
          expected.set(k, (expected.get(k) ?? 0) + m.quantity);
        }
        const actual = new Map<string, number>();
        for (const request of requests) {
          expect(request.licenses.length).toBeGreaterThan(0);
          expect(request.licenses.length).toBeLessThanOrEqual(10);
          for (const entry of request.licenses) {
            expect(entry.quantity).toBeGreaterThan(0);
            expect(entry.quantity).toBeLessThanOrEqual(998);
            const k = key(request.sourceVirtualAccountId, {
              ...entry,
              target: entry.targetVirtualAccountId,
            });
            actual.set(k, (actual.get(k) ?? 0) + entry.quantity);
          }
        }
        expect(actual).toEqual(expected);
      }),
    );
  });
});
