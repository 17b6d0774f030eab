import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { forestFlow, maxFlow, type BipartiteFlow } from './flow.js';

describe('maxFlow', () => {
  it('finds the maximum that needs a rerouting of the first path', () => {
    // s=0, a=1, b=2, c=3, d=4, t=5. Greedy s-a-c-t blocks b; the max is 2 via a-d and b-c.
    const arcs = [
      { from: 0, to: 1, capacity: 1 },
      { from: 0, to: 2, capacity: 1 },
      { from: 1, to: 3, capacity: 1 },
      { from: 1, to: 4, capacity: 1 },
      { from: 2, to: 3, capacity: 1 },
      { from: 3, to: 5, capacity: 1 },
      { from: 4, to: 5, capacity: 1 },
    ];
    const flows = maxFlow(6, arcs, 0, 5);
    expect((flows[5] ?? 0) + (flows[6] ?? 0)).toBe(2);
    flows.forEach((flow, i) => expect(flow).toBeLessThanOrEqual(arcs[i]?.capacity ?? 0));
  });
});

describe('forestFlow', () => {
  const edge = fc.record({
    left: fc.integer({ min: 0, max: 4 }),
    right: fc.integer({ min: 10, max: 14 }),
    flow: fc.integer({ min: 1, max: 9 }),
  });
  const totals = (edges: readonly BipartiteFlow[]) => {
    const sums = new Map<number, number>();
    for (const e of edges) {
      sums.set(e.left, (sums.get(e.left) ?? 0) + e.flow);
      sums.set(e.right, (sums.get(e.right) ?? 0) + e.flow);
    }
    return sums;
  };

  it('keeps what every node gives or gets, uses only given edges, and leaves no cycle', () => {
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 20 }), (edges) => {
        const forest = forestFlow(edges);
        expect(totals(forest)).toEqual(totals(edges));
        const given = new Set(edges.map((e) => `${e.left}-${e.right}`));
        const parent = new Map<number, number>();
        const find = (x: number): number => {
          while (parent.has(x) && parent.get(x) !== x) x = parent.get(x) as number;
          return x;
        };
        for (const e of forest) {
          expect(e.flow).toBeGreaterThan(0);
          expect(given.has(`${e.left}-${e.right}`)).toBe(true);
          expect(find(e.left)).not.toBe(find(e.right));
          parent.set(find(e.left), find(e.right));
        }
      }),
      { numRuns: 500 },
    );
  });
});
