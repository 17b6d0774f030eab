import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { PositionLine } from '../position/position.js';

import { simulateReallocation } from './simulate.js';
import { suggestReallocation } from './suggest.js';
import { AS_OF, SMART_ACCOUNT_ID, account, lot } from './test-estate.js';
import type {
  ReallocationInput,
  ReallocationLot,
  ReallocationMove,
  ReallocationPlan,
  ReallocationPolicy,
  ReallocationVirtualAccount,
} from './types.js';

// ---- random estates: lots first, position lines built from them (as the service does) ----

interface Shape {
  readonly accounts: number;
  readonly licenses: number;
  readonly maxLot: number;
  readonly maxConsumed: number;
}

const HORIZON = '2027-01-01';
const END_DATES = ['2026-09-30', '2027-06-30', '2029-12-31', null] as const;

function estateArbitrary(shape: Shape): fc.Arbitrary<ReallocationInput> {
  const tags = fc.record({
    region: fc.constantFrom('EU', 'US', null),
    businessUnit: fc.constantFrom('A', 'B'),
    environment: fc.constantFrom('PRODUCTION' as const, 'NON_PRODUCTION' as const, 'LAB' as const),
  });
  const lotArbitrary = fc.record({
    licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
    endDate: fc.constantFrom(...END_DATES),
    source: fc.constantFrom('SMART' as const, 'SMART' as const, 'CLASSIC_PAK' as const),
    quantity: fc.integer({ min: 1, max: shape.maxLot }),
  });
  const cell = fc.record({
    lots: fc.array(lotArbitrary, { maxLength: 2 }),
    consumed: fc.integer({ min: 0, max: shape.maxConsumed }),
    reservedShare: fc.integer({ min: 0, max: 2 }),
  });
  return fc
    .record({
      tags: fc.array(tags, { minLength: 1, maxLength: shape.accounts }),
      cells: fc.array(fc.array(cell, { minLength: shape.accounts, maxLength: shape.accounts }), {
        minLength: 1,
        maxLength: shape.licenses,
      }),
      foreignAccount: fc.boolean(),
      prices: fc.array(fc.constantFrom(null, 'USD', 'EUR'), {
        minLength: shape.licenses,
        maxLength: shape.licenses,
      }),
    })
    .map(({ tags: accountTags, cells, foreignAccount, prices }) => {
      const accounts = accountTags.map((t, i) =>
        account(i + 1, {
          region: t.region,
          businessUnit: t.businessUnit,
          environment: t.environment,
          smartAccountId: foreignAccount && i === accountTags.length - 1 && i > 0 ? 2 : 1,
        }),
      );
      const lines: PositionLine[] = [];
      const lots: ReallocationLot[] = [];
      cells.forEach((row, l) => {
        const licenseId = l + 1;
        accounts.forEach((va) => {
          const c = row[va.id - 1];
          if (!c) return;
          let ownedSmart = 0;
          let ownedClassic = 0;
          for (const spec of c.lots) {
            const id = lots.length + 1;
            lots.push({
              ...lot(id, va.id, licenseId, spec.quantity, { licenseType: spec.licenseType }),
              source: spec.source,
              endDate: spec.licenseType === 'TERM' ? spec.endDate : null,
            });
            if (spec.source === 'SMART') ownedSmart += spec.quantity;
            else ownedClassic += spec.quantity;
          }
          if (ownedSmart + ownedClassic + c.consumed === 0) return;
          const owned = ownedSmart + ownedClassic;
          const balance = owned - c.consumed;
          lines.push({
            virtualAccountId: va.id,
            licenseId,
            owned,
            ownedSmart,
            ownedClassic,
            consumed: c.consumed,
            reserved: Math.floor((c.consumed * c.reservedShare) / 2),
            balance,
            shortfall: Math.max(0, -balance),
            surplus: Math.max(0, balance),
            billing: 'UNKNOWN',
            usageReportedAt: null,
            ledger: null,
            device: null,
          });
        });
      });
      const unitPrices = new Map(
        prices.flatMap((currency, l) =>
          currency === null
            ? []
            : [[l + 1, { amountMinor: BigInt(100 * (l + 1)), currency }] as const],
        ),
      );
      return {
        smartAccountId: SMART_ACCOUNT_ID,
        asOf: AS_OF,
        virtualAccounts: accounts,
        lines,
        lots,
        unitPrices,
      };
    });
}

const policyArbitrary = (accounts: number): fc.Arbitrary<ReallocationPolicy> =>
  fc.record(
    {
      headroomBasisPoints: fc.constantFrom(0, 1000, 5000),
      horizon: fc.constant(HORIZON),
      sameRegion: fc.boolean(),
      sameBusinessUnit: fc.boolean(),
      productionToNonProduction: fc.boolean(),
      lockedVirtualAccountIds: fc.subarray(
        Array.from({ length: accounts }, (_, k) => k + 1),
        { maxLength: Math.min(2, accounts) },
      ),
    },
    { requiredKeys: [] },
  );

// ---- an independent statement of the rules, written from the issue, not from the code ----

function movableSurplus(input: ReallocationInput, policy: ReallocationPolicy, l: PositionLine) {
  const smart = input.lots
    .filter(
      (x) =>
        x.virtualAccountId === l.virtualAccountId &&
        x.licenseId === l.licenseId &&
        x.source === 'SMART' &&
        !(
          policy.horizon &&
          x.licenseType === 'TERM' &&
          x.endDate !== null &&
          x.endDate < policy.horizon
        ),
    )
    .reduce((t, x) => t + x.quantity, 0);
  const headroom = Math.ceil((l.consumed * (policy.headroomBasisPoints ?? 0)) / 10000);
  return Math.max(0, Math.min(l.surplus - headroom, smart));
}

function arcAllowed(
  policy: ReallocationPolicy,
  from: ReallocationVirtualAccount,
  to: ReallocationVirtualAccount,
): boolean {
  if (from.smartAccountId !== SMART_ACCOUNT_ID || to.smartAccountId !== SMART_ACCOUNT_ID) {
    return false;
  }
  const locked = policy.lockedVirtualAccountIds ?? [];
  if (locked.includes(from.id) || locked.includes(to.id)) return false;
  if (policy.sameRegion && from.region !== to.region) return false;
  if (policy.sameBusinessUnit && from.businessUnit !== to.businessUnit) return false;
  if (policy.productionToNonProduction === false) {
    if (from.environment === 'PRODUCTION' && to.environment !== 'PRODUCTION') return false;
  }
  return true;
}

interface BruteLicense {
  readonly cured: number;
  readonly minMoves: number;
}

/** Every move matrix x[source][sink] with 0 ≤ x ≤ min(movable, shortfall): best cure, fewest moves. */
function bruteForce(
  input: ReallocationInput,
  policy: ReallocationPolicy,
  licenseId: number,
): BruteLicense {
  const accounts = new Map(input.virtualAccounts.map((a) => [a.id, a]));
  const mine = input.lines.filter((l) => l.licenseId === licenseId);
  const sources = mine
    .map((l) => ({ id: l.virtualAccountId, amount: movableSurplus(input, policy, l) }))
    .filter((s) => s.amount > 0);
  const sinks = mine
    .filter((l) => l.shortfall > 0)
    .map((l) => ({ id: l.virtualAccountId, amount: l.shortfall }));
  const pairs = sources.flatMap((s, i) =>
    sinks.flatMap((d, j) => {
      const from = accounts.get(s.id);
      const to = accounts.get(d.id);
      return from && to && arcAllowed(policy, from, to) ? [{ i, j }] : [];
    }),
  );
  let best = { cured: 0, minMoves: 0 };
  const given = sources.map(() => 0);
  const received = sinks.map(() => 0);
  const visit = (k: number, moves: number): void => {
    if (k === pairs.length) {
      const cured = received.reduce((t, r, j) => t + Math.min(r, sinks[j]?.amount ?? 0), 0);
      if (cured > best.cured || (cured === best.cured && moves < best.minMoves)) {
        best = { cured, minMoves: moves };
      }
      return;
    }
    const { i, j } = pairs[k] as { i: number; j: number };
    const limit = Math.min(sources[i]?.amount ?? 0, sinks[j]?.amount ?? 0);
    for (let x = 0; x <= limit && (given[i] as number) + x <= (sources[i]?.amount ?? 0); x += 1) {
      given[i] = (given[i] as number) + x;
      received[j] = (received[j] as number) + x;
      visit(k + 1, moves + (x > 0 ? 1 : 0));
      given[i] = (given[i] as number) - x;
      received[j] = (received[j] as number) - x;
    }
  };
  visit(0, 0);
  return best;
}

function pairsPerLicense(plan: ReallocationPlan, licenseId: number) {
  return new Set(
    plan.moves
      .filter((m) => m.licenseId === licenseId)
      .map((m) => `${m.fromVirtualAccountId}>${m.toVirtualAccountId}`),
  );
}

function licenseIds(input: ReallocationInput): number[] {
  return [...new Set(input.lines.map((l) => l.licenseId))];
}

const small: Shape = { accounts: 4, licenses: 2, maxLot: 4, maxConsumed: 5 };
const medium: Shape = { accounts: 8, licenses: 3, maxLot: 8, maxConsumed: 14 };

describe('reallocation properties', () => {
  it('conserves Σ owned per license over any sequence of moves, chained or not', () => {
    const withMoves = estateArbitrary(medium).chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.array(
          fc.record({
            licenseId: fc.integer({ min: 1, max: Math.max(1, licenseIds(input).length) }),
            quantity: fc.integer({ min: 1, max: 12 }),
            fromVirtualAccountId: fc.integer({ min: 1, max: input.virtualAccounts.length }),
            toVirtualAccountId: fc.integer({ min: 1, max: input.virtualAccounts.length }),
            licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const, undefined),
          }),
          { maxLength: 12 },
        ),
      ),
    );
    fc.assert(
      fc.property(withMoves, ([input, candidates]) => {
        const known = new Set(licenseIds(input));
        const moves: ReallocationMove[] = candidates
          .filter((m) => m.fromVirtualAccountId !== m.toVirtualAccountId && known.has(m.licenseId))
          .map(({ licenseType, ...m }) => (licenseType ? { ...m, licenseType } : m));
        const result = simulateReallocation(input, moves);
        for (const licenseId of known) {
          const changes = result.lines.filter((c) => c.before.licenseId === licenseId);
          const sum = (pick: (l: PositionLine) => number, side: 'before' | 'after') =>
            changes.reduce((t, c) => t + pick(c[side]), 0);
          expect(sum((l) => l.owned, 'after')).toBe(sum((l) => l.owned, 'before'));
          expect(sum((l) => l.ownedSmart, 'after')).toBe(sum((l) => l.ownedSmart, 'before'));
          expect(sum((l) => l.consumed, 'after')).toBe(sum((l) => l.consumed, 'before'));
        }
        for (const change of result.lines) {
          expect(change.after.owned).toBeGreaterThanOrEqual(0);
          expect(change.after.owned - change.after.consumed).toBe(
            change.after.surplus - change.after.shortfall,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans only feasible moves: no shortfall rises, no reserved or immovable unit moves, policy holds', () => {
    const withPolicy = estateArbitrary(medium).chain((input) =>
      fc.tuple(fc.constant(input), policyArbitrary(input.virtualAccounts.length)),
    );
    fc.assert(
      fc.property(withPolicy, ([input, policy]) => {
        const plan = suggestReallocation(input, policy);
        const simulation = simulateReallocation(input, plan.moves, policy);
        expect(simulation.moves.flatMap((m) => m.warnings)).toEqual([]);
        for (const change of simulation.lines) {
          expect(change.after.shortfall).toBeLessThanOrEqual(change.before.shortfall);
        }
        const accounts = new Map(input.virtualAccounts.map((a) => [a.id, a]));
        const given = new Map<string, number>();
        for (const move of plan.moves) {
          const from = accounts.get(move.fromVirtualAccountId);
          const to = accounts.get(move.toVirtualAccountId);
          expect(from && to && arcAllowed(policy, from, to)).toBe(true);
          const key = `${move.licenseId}:${move.fromVirtualAccountId}`;
          given.set(key, (given.get(key) ?? 0) + move.quantity);
        }
        for (const [key, quantity] of given) {
          const [licenseId, virtualAccountId] = key.split(':').map(Number);
          const source = input.lines.find(
            (l) => l.licenseId === licenseId && l.virtualAccountId === virtualAccountId,
          );
          expect(source).toBeDefined();
          if (!source) continue;
          expect(quantity).toBeLessThanOrEqual(movableSurplus(input, policy, source));
          expect(quantity).toBeLessThanOrEqual(source.owned - source.reserved);
        }
        expect(plan.curedUnits).toBe(0 - simulation.shortfallChange);
        expect(plan.curedUnits).toBeLessThanOrEqual(plan.boundUnits);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the bound without policy arcs: cured = Σ per license min(Σ movable surplus, Σ shortfall)', () => {
    const withHeadroom = fc.tuple(
      estateArbitrary({ ...medium, accounts: 10 }),
      fc.constantFrom(0, 1000, 5000),
      fc.constantFrom(undefined, HORIZON),
    );
    fc.assert(
      fc.property(withHeadroom, ([input, headroomBasisPoints, horizon]) => {
        const policy: ReallocationPolicy = horizon
          ? { headroomBasisPoints, horizon }
          : { headroomBasisPoints };
        const own = (l: PositionLine) =>
          input.virtualAccounts.find((a) => a.id === l.virtualAccountId)?.smartAccountId ===
          SMART_ACCOUNT_ID;
        let expected = 0;
        for (const licenseId of licenseIds(input)) {
          const mine = input.lines.filter((l) => l.licenseId === licenseId && own(l));
          const supply = mine.reduce((t, l) => t + movableSurplus(input, policy, l), 0);
          const demand = mine.reduce((t, l) => t + l.shortfall, 0);
          expected += Math.min(supply, demand);
        }
        const plan = suggestReallocation(input, policy);
        expect(plan.curedUnits).toBe(expected);
        expect(plan.boundUnits).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('moves form a forest per license: at most Virtual Accounts involved − components', () => {
    const withPolicy = estateArbitrary({ ...medium, accounts: 10 }).chain((input) =>
      fc.tuple(fc.constant(input), policyArbitrary(input.virtualAccounts.length)),
    );
    fc.assert(
      fc.property(withPolicy, ([input, policy]) => {
        const plan = suggestReallocation(input, policy);
        for (const licenseId of licenseIds(input)) {
          const pairs = [...pairsPerLicense(plan, licenseId)].map((p) => p.split('>').map(Number));
          const parent = new Map<number, number>();
          const find = (x: number): number => {
            while (parent.has(x) && parent.get(x) !== x) x = parent.get(x) as number;
            return x;
          };
          for (const [a, b] of pairs as [number, number][]) {
            const [ra, rb] = [find(a), find(b)];
            expect(ra).not.toBe(rb); // an edge inside a component would close a cycle
            parent.set(ra, rb);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches brute force on small estates: same cure and exposure, at most one move more', () => {
    const withPolicy = estateArbitrary(small).chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.oneof(fc.constant({}), policyArbitrary(input.virtualAccounts.length)),
      ),
    );
    fc.assert(
      fc.property(withPolicy, ([input, policy]) => {
        const plan = suggestReallocation(input, policy);
        const exposure = new Map<string, bigint>();
        let unpriced = 0;
        let cured = 0;
        for (const licenseId of licenseIds(input)) {
          const best = bruteForce(input, policy, licenseId);
          cured += best.cured;
          const mine = pairsPerLicense(plan, licenseId).size;
          expect(mine).toBeGreaterThanOrEqual(best.minMoves);
          expect(mine).toBeLessThanOrEqual(best.minMoves + 1);
          const shortfall = input.lines
            .filter((l) => l.licenseId === licenseId)
            .reduce((t, l) => t + l.shortfall, 0);
          const price = input.unitPrices.get(licenseId);
          if (!price) unpriced += shortfall - best.cured;
          else {
            const amount = BigInt(shortfall - best.cured) * price.amountMinor;
            exposure.set(price.currency, (exposure.get(price.currency) ?? 0n) + amount);
          }
        }
        expect(plan.curedUnits).toBe(cured);
        expect(plan.unpricedShortfallAfter).toBe(unpriced);
        const after = new Map(plan.exposureAfter.map((m) => [m.currency, m.amountMinor]));
        for (const [currency, amount] of exposure) {
          expect(after.get(currency) ?? 0n).toBe(amount);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
