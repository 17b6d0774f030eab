import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';

import { EXAMPLE_AS_OF, exampleInput, exampleLine, exampleLot } from './example-estate.js';
import type { FindingCode } from './finding.js';
import type { FindingsInput, LicenseRecord } from './findings-input.js';
import { findings } from './findings.js';

/** A Catalyst 9300 catalog: Network tiers (perpetual) and DNA tiers (term) over them. */
const LICENSES: LicenseRecord[] = [
  { id: 1, name: 'C9300 Network Essentials', kind: 'BASE', requiredBaseLicenseId: null },
  { id: 2, name: 'C9300 Network Advantage', kind: 'BASE', requiredBaseLicenseId: null },
  { id: 3, name: 'C9300 24P DNA Essentials, 3Y Term', kind: 'ADD_ON', requiredBaseLicenseId: 1 },
  // Not in the catalog: the rules read it.
  { id: 4, name: 'C9300 48P DNA Advantage, 3Y Term', kind: 'BASE', requiredBaseLicenseId: null },
];
const TERM = new Set([3, 4]);
/** Device bundles: every add-on with a base that satisfies it. */
const BUNDLES: readonly (readonly number[])[] = [[1], [2], [1, 3], [2, 3], [2, 4]];
const MODES = ['DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR'] as const;

interface DeviceSpec {
  readonly virtualAccountId: number;
  readonly mode: (typeof MODES)[number];
  readonly bundle: readonly number[];
  /** Fraction of its window since the last report (0..1: fresh). */
  readonly age: number;
  readonly status: 'ACTIVE' | 'DECOMMISSIONED';
}
interface EstateSpec {
  readonly devices: readonly DeviceSpec[];
  /** Headroom per Virtual Account × license, ≥ 0. */
  readonly headroom: number;
  readonly satelliteAge: number;
}

/** Builds a consistent estate: lines, lots, reservations and reports all agree. */
function build(spec: EstateSpec, endDays = 400): FindingsInput {
  const instances = spec.devices.map((d, i) => {
    const subscription = d.bundle.some((id) => TERM.has(id));
    const window = subscription ? 90 : 365;
    return {
      id: 100 + i,
      virtualAccountId: d.virtualAccountId,
      name: `device-${i}`,
      hostname: null,
      connectionMode: d.mode,
      status: d.status,
      lastContactAt: addDays(EXAMPLE_AS_OF, -Math.floor(d.age * window)),
      satelliteId: d.mode === 'ON_PREM' ? 7 : null,
      replacedById: null,
    };
  });
  const active = (i: number) => spec.devices[i]?.status === 'ACTIVE';
  const deviceUsage = spec.devices.flatMap((d, i) =>
    active(i) ? d.bundle.map((licenseId) => ({ instanceId: 100 + i, licenseId, quantity: 1 })) : [],
  );
  const reservations = spec.devices.flatMap((d, i) =>
    (d.mode === 'SLR' || d.mode === 'PLR') && active(i)
      ? d.bundle.map((licenseId, j) => ({
          id: 1000 + i * 10 + j,
          instanceId: 100 + i,
          virtualAccountId: d.virtualAccountId,
          licenseId,
          reservationType: d.mode as 'SLR' | 'PLR',
          quantity: 1,
        }))
      : [],
  );
  const consumed = new Map<string, number>();
  for (const u of deviceUsage) {
    const va = instances[u.instanceId - 100]?.virtualAccountId ?? 1;
    consumed.set(`${va}:${u.licenseId}`, (consumed.get(`${va}:${u.licenseId}`) ?? 0) + 1);
  }
  const positionLines = [...consumed].map(([key, q]) => {
    const [va, lic] = key.split(':').map(Number) as [number, number];
    return exampleLine(va, lic, { ownedSmart: q + spec.headroom, consumed: q });
  });
  const lots = positionLines.map((line, i) =>
    exampleLot({
      id: i + 1,
      virtualAccountId: line.virtualAccountId,
      licenseId: line.licenseId,
      quantity: line.ownedSmart,
      ...(TERM.has(line.licenseId)
        ? {
            licenseType: 'TERM' as const,
            startDate: addDays(EXAMPLE_AS_OF, -300),
            endDate: addDays(EXAMPLE_AS_OF, endDays),
          }
        : {}),
    }),
  );
  return exampleInput({
    licenses: LICENSES,
    positionLines,
    lots,
    instances,
    deviceUsage,
    reservations,
    satellites: [{ id: 7, name: 'ssm', lastSyncAt: addDays(EXAMPLE_AS_OF, -spec.satelliteAge) }],
    prices: [{ licenseId: 4, unitPriceMinor: 76_000n, currency: 'USD' }],
  });
}

const device: fc.Arbitrary<DeviceSpec> = fc.record({
  virtualAccountId: fc.constantFrom(1, 2, 3),
  mode: fc.constantFrom(...MODES),
  bundle: fc.constantFrom(...BUNDLES),
  age: fc.double({ min: 0, max: 1, noNaN: true }),
  status: fc.constantFrom('ACTIVE' as const, 'ACTIVE' as const, 'DECOMMISSIONED' as const),
});
const spec: fc.Arbitrary<EstateSpec> = fc.record({
  devices: fc.array(device, { minLength: 1, maxLength: 8 }),
  headroom: fc.integer({ min: 0, max: 3 }),
  satelliteAge: fc.integer({ min: 0, max: 60 }),
});

const codes = (input: FindingsInput): FindingCode[] => [
  ...new Set(findings(input).map((f) => f.code)),
];

/** The index of the first device matching, or -1. */
const find = (s: EstateSpec, test: (d: DeviceSpec) => boolean) => s.devices.findIndex(test);
const replace = (s: EstateSpec, i: number, d: Partial<DeviceSpec>): EstateSpec => ({
  ...s,
  devices: s.devices.map((x, j) => (j === i ? { ...x, ...d } : x)),
});

describe('findings on consistent estates', () => {
  it('finds nothing when every add-on has its base, reports are fresh and nothing is short', () => {
    fc.assert(
      fc.property(spec, (s) => {
        expect(findings(build(s))).toEqual([]);
      }),
    );
  });

  it('fires ADDON_WITHOUT_BASE alone, on the device that lost its base', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const i = find(s, (d) => d.status === 'ACTIVE' && d.bundle.length === 2);
        fc.pre(i >= 0);
        const addOn = s.devices[i]?.bundle[1] ?? 0;
        const result = findings(build(replace(s, i, { bundle: [addOn] })));
        expect(result.map((f) => f.key)).toEqual([
          `ADDON_WITHOUT_BASE:instance:${100 + i}:${addOn}`,
        ]);
      }),
    );
  });

  it('fires STALE_REPORTING alone for a direct device past the window of what it holds', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const i = find(s, (d) => d.status === 'ACTIVE' && d.mode === 'DIRECT_CLOUD');
        fc.pre(i >= 0);
        const result = findings(build(replace(s, i, { age: 1.02 })));
        const held = s.devices[i]?.bundle ?? [];
        expect(result.map((f) => [f.key, f.facts])).toEqual([
          [
            `STALE_REPORTING:instance:${100 + i}`,
            expect.objectContaining({
              rule: held.some((id) => TERM.has(id)) ? 'SUBSCRIPTION' : 'PERPETUAL_ONLY',
            }),
          ],
        ]);
      }),
    );
  });

  it('fires one STALE_REPORTING for a late satellite, whatever sits behind it', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 91, max: 200 }), (s, age) => {
        const result = findings(build({ ...s, satelliteAge: age }));
        expect(result.map((f) => [f.key, f.severity])).toEqual([
          ['STALE_REPORTING:satellite:7', 'critical'],
        ]);
      }),
    );
  });

  it('fires INSUFFICIENT_LICENSES (only) when consumption outgrows what is owned', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const input = build(s);
        const line = input.positionLines[0];
        fc.pre(line !== undefined && line.consumed > 0);
        const short = {
          ...input,
          positionLines: input.positionLines.map((l, j) =>
            j === 0
              ? exampleLine(l.virtualAccountId, l.licenseId, {
                  ownedSmart: 0,
                  consumed: l.consumed,
                })
              : l,
          ),
          lots: input.lots.filter(
            (lot) =>
              !(lot.virtualAccountId === line.virtualAccountId && lot.licenseId === line.licenseId),
          ),
        };
        expect(codes(short)).toEqual(['INSUFFICIENT_LICENSES']);
      }),
    );
  });

  it('fires LICENSES_EXPIRING (only) for terms ending within the lead time', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 90 }), (s, days) => {
        const input = build(s, days);
        fc.pre(input.lots.some((lot) => lot.licenseType === 'TERM'));
        expect(codes(input)).toEqual(['LICENSES_EXPIRING']);
      }),
    );
  });

  it('fires GHOST_CONSUMPTION (only) for a decommissioned device still reporting', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const i = find(s, (d) => d.status === 'ACTIVE' && d.mode === 'DIRECT_CLOUD');
        fc.pre(i >= 0);
        const input = build(s);
        const gone = {
          ...input,
          instances: input.instances.map((x) =>
            x.id === 100 + i ? { ...x, status: 'DECOMMISSIONED' as const } : x,
          ),
        };
        expect(codes(gone)).toEqual(['GHOST_CONSUMPTION']);
      }),
    );
  });
});
