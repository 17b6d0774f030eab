import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';
import { accountExposure } from '../money/exposure.js';
import { totalsByCurrency } from '../money/money.js';
import { licensePositions } from '../position/license-position.js';
import { positionLine, type PositionSums } from '../position/position.js';

import { EXAMPLE_AS_OF, exampleInput, findingsOf } from './example-estate.js';
import type { FindingsInput } from './findings-input.js';
import { findings } from './findings.js';
import { compareFindings } from './order.js';

const quantity = fc.integer({ min: 0, max: 50 });
const virtualAccountId = fc.constantFrom(1, 2, 3);
const licenseId = fc.constantFrom(10, 11, 12);
const day = fc.integer({ min: -200, max: 200 }).map((offset) => addDays(EXAMPLE_AS_OF, offset));
const maybeDay = fc.option(day, { nil: null });

const sums: fc.Arbitrary<PositionSums> = fc.record({
  virtualAccountId,
  licenseId,
  ownedSmart: quantity,
  ownedClassic: quantity,
  consumed: quantity,
  reserved: quantity,
});
const uniqueSums = fc.uniqueArray(sums, {
  maxLength: 9,
  selector: (s) => `${s.virtualAccountId}:${s.licenseId}`,
});

const estate: fc.Arbitrary<FindingsInput> = fc
  .record({
    includeClassic: fc.boolean(),
    sums: uniqueSums,
    lots: fc.array(
      fc.record({
        virtualAccountId,
        licenseId,
        quantity,
        licenseType: fc.constantFrom('TERM' as const, 'PERPETUAL' as const),
        startDate: maybeDay,
        endDate: maybeDay,
        source: fc.constantFrom('SMART' as const, 'CLASSIC_PAK' as const),
        pakNumber: fc.option(fc.constantFrom('PAK-1', 'PAK-2'), { nil: null }),
        sku: fc.constant(null),
        supersededOn: maybeDay,
      }),
      { maxLength: 8 },
    ),
    instances: fc.array(
      fc.record({
        virtualAccountId,
        connectionMode: fc.constantFrom(
          'DIRECT_CLOUD' as const,
          'ON_PREM' as const,
          'SLR' as const,
          'PLR' as const,
        ),
        status: fc.constantFrom('ACTIVE' as const, 'DECOMMISSIONED' as const),
        lastContactAt: maybeDay,
        satelliteId: fc.option(fc.constant(7), { nil: null }),
        replacedById: fc.option(fc.constantFrom(100, 101), { nil: null }),
      }),
      { maxLength: 4 },
    ),
    usage: fc.uniqueArray(fc.record({ instanceIndex: fc.nat(3), licenseId, quantity }), {
      maxLength: 8,
      selector: (row) => `${row.instanceIndex}:${row.licenseId}`,
    }),
    reservations: fc.array(fc.record({ instanceIndex: fc.nat(3), licenseId, quantity }), {
      maxLength: 4,
    }),
    satelliteSync: maybeDay,
    price: fc.option(fc.bigInt({ min: 0n, max: 10n ** 15n }), { nil: null }),
  })
  .map((raw) => {
    const instances = raw.instances.map((row, i) => ({
      ...row,
      id: 100 + i,
      name: `device-${i}`,
      hostname: null,
    }));
    const onInstance = <T extends { instanceIndex: number }>(rows: readonly T[]) =>
      rows.filter((row) => row.instanceIndex < instances.length);
    return exampleInput({
      includeClassic: raw.includeClassic,
      positionLines: raw.sums.map((s) => positionLine(s, { includeClassic: raw.includeClassic })),
      lots: raw.lots.map((lot, i) => ({ ...lot, id: i + 1 })),
      instances,
      deviceUsage: onInstance(raw.usage).map(({ instanceIndex, ...row }) => ({
        ...row,
        instanceId: 100 + instanceIndex,
      })),
      reservations: onInstance(raw.reservations).map(({ instanceIndex, ...row }, i) => ({
        ...row,
        id: 500 + i,
        instanceId: 100 + instanceIndex,
        virtualAccountId: instances[instanceIndex]?.virtualAccountId ?? 1,
        reservationType: 'SLR' as const,
      })),
      satellites: [{ id: 7, name: 'ssm', lastSyncAt: raw.satelliteSync }],
      prices:
        raw.price === null ? [] : [{ licenseId: 10, unitPriceMinor: raw.price, currency: 'USD' }],
    });
  });

describe('findings properties', () => {
  it('splits every shortfall into curable + purchase, purchases summing to the net shortfall', () => {
    fc.assert(
      fc.property(uniqueSums, fc.boolean(), (all, includeClassic) => {
        const lines = all.map((s) => positionLine(s, { includeClassic }));
        const result = findingsOf(
          findings(exampleInput({ includeClassic, positionLines: lines })),
          'INSUFFICIENT_LICENSES',
        );
        for (const position of licensePositions(lines)) {
          const mine = result.filter((f) => f.licenseId === position.licenseId);
          const shortfalls = lines
            .filter((l) => l.licenseId === position.licenseId)
            .reduce((t, l) => t + l.shortfall, 0);
          const sum = (pick: (f: (typeof mine)[number]) => number) =>
            mine.reduce((t, f) => t + pick(f), 0);
          expect(
            sum(
              (f) =>
                f.facts.curableByReallocation + f.facts.curableByConversion + f.facts.needsPurchase,
            ),
          ).toBe(shortfalls);
          expect(sum((f) => f.facts.curableByConversion)).toBe(position.curableByConversion);
          expect(sum((f) => f.facts.needsPurchase)).toBe(position.netShortfall);
          expect(sum((f) => f.facts.curableByReallocation)).toBe(position.curableByReallocation);
          for (const f of mine) expect(f.quantity).toBe(f.facts.shortfall);
        }
      }),
    );
  });

  it('is a pure function: same input, deep-equal output, input untouched', () => {
    fc.assert(
      fc.property(estate, (input) => {
        const before = structuredClone(input);
        const first = findings(input);
        expect(input).toEqual(before);
        expect(findings(structuredClone(input))).toEqual(first);
      }),
    );
  });

  it('returns sorted findings with unique keys, evidence, and money only on shortfalls', () => {
    fc.assert(
      fc.property(estate, (input) => {
        const result = findings(input);
        const price = input.prices?.[0];
        expect(new Set(result.map((f) => f.key)).size).toBe(result.length);
        for (let i = 1; i < result.length; i += 1) {
          expect(compareFindings(result[i - 1]!, result[i]!)).toBeLessThan(0);
        }
        for (const finding of result) {
          expect(finding.evidence.length).toBeGreaterThan(0);
          expect(Number.isSafeInteger(finding.quantity) && finding.quantity >= 0).toBe(true);
          if (finding.code !== 'INSUFFICIENT_LICENSES' || finding.licenseId !== 10 || !price) {
            expect(finding.money).toBeNull();
            continue;
          }
          expect(finding.money).toEqual({
            amountMinor: BigInt(finding.quantity) * price.unitPriceMinor,
            currency: 'USD',
          });
        }
      }),
    );
  });

  it('prices each unit once: the findings’ money sums to the gross exposure', () => {
    fc.assert(
      fc.property(estate, (input) => {
        const result = findings(input);
        const prices = new Map(
          (input.prices ?? []).map((p) => [
            p.licenseId,
            { amountMinor: p.unitPriceMinor, currency: p.currency },
          ]),
        );
        const exposure = accountExposure({
          lines: input.positionLines,
          prices,
          productFamilies: new Map(),
        });
        const sum = totalsByCurrency(result.flatMap((f) => (f.money ? [f.money] : [])));
        const nonZero = (amounts: readonly { amountMinor: bigint }[]) =>
          amounts.filter((a) => a.amountMinor !== 0n);
        expect(nonZero(sum)).toEqual(nonZero(exposure.gross));
      }),
    );
  });
});
