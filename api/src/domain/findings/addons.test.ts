import { describe, expect, it } from 'vitest';

import {
  EXAMPLE_LICENSES,
  exampleInput,
  exampleInstance,
  exampleLine,
  findingsOf,
} from './example-estate.js';
import type { LicenseRecord } from './findings-input.js';
import { findings } from './findings.js';

const sw = exampleInstance({ id: 100, virtualAccountId: 1, name: 'campus-sw-01' });
const addOnUse = { instanceId: 100, licenseId: 11, quantity: 1 };
const baseUse = { instanceId: 100, licenseId: 10, quantity: 1 };

describe('ADDON_WITHOUT_BASE on an instance', () => {
  it('reports an add-on used without its base on the same device, without money', () => {
    const input = exampleInput({
      instances: [sw],
      deviceUsage: [addOnUse],
      prices: [
        { licenseId: 10, unitPriceMinor: 20_000n, currency: 'EUR' },
        { licenseId: 11, unitPriceMinor: 99_000n, currency: 'EUR' },
      ],
    });
    const [finding, ...rest] = findingsOf(findings(input), 'ADDON_WITHOUT_BASE');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      licenseName: 'DNA Advantage Add-on',
      quantity: 1,
      money: null, // a missing base is not part of the exposure
      facts: {
        scope: 'INSTANCE',
        instanceId: 100,
        baseLicenseId: 10,
        requiredBase: 'DNA Essentials',
        baseConsumed: 0,
      },
      message:
        'Campus: campus-sw-01 uses 1 × DNA Advantage Add-on without its base (it needs DNA Essentials on the same device): license the base on it or remove the add-on.',
    });
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'usage', instanceName: 'campus-sw-01', licenseId: 11 }),
    );
  });

  it('accepts an add-on with its base, reported or reserved', () => {
    const reported = exampleInput({ instances: [sw], deviceUsage: [addOnUse, baseUse] });
    const reserved = exampleInput({
      instances: [{ ...sw, connectionMode: 'SLR' }],
      deviceUsage: [addOnUse],
      reservations: [
        {
          id: 1,
          instanceId: 100,
          virtualAccountId: 1,
          licenseId: 10,
          reservationType: 'SLR',
          quantity: 1,
        },
        {
          id: 2,
          instanceId: 100,
          virtualAccountId: 1,
          licenseId: 11,
          reservationType: 'SLR',
          quantity: 1,
        },
      ],
    });
    expect(findings(reported)).toEqual([]);
    expect(findings(reserved)).toEqual([]);
  });

  it('does not judge add-ons without a catalog base, or decommissioned devices', () => {
    const noCatalog = exampleInput({
      licenses: EXAMPLE_LICENSES.map((l) =>
        l.id === 11 ? { ...l, requiredBaseLicenseId: null } : l,
      ),
      instances: [sw],
      deviceUsage: [addOnUse],
    });
    const gone = exampleInput({
      instances: [{ ...sw, status: 'DECOMMISSIONED' }],
      deviceUsage: [addOnUse],
    });
    expect(findingsOf(findings(noCatalog), 'ADDON_WITHOUT_BASE')).toEqual([]);
    expect(findingsOf(findings(gone), 'ADDON_WITHOUT_BASE')).toEqual([]);
  });
});

describe('ADDON_WITHOUT_BASE in a Virtual Account', () => {
  it('reports add-on consumption above base consumption', () => {
    const input = exampleInput({
      positionLines: [
        exampleLine(2, 10, { ownedSmart: 5, consumed: 5 }),
        exampleLine(2, 11, { ownedSmart: 8, consumed: 8 }),
      ],
    });
    const [finding, ...rest] = findings(input);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'ADDON_WITHOUT_BASE',
      severity: 'medium',
      virtualAccountName: 'Branch',
      quantity: 3,
      facts: { scope: 'VIRTUAL_ACCOUNT', instanceId: null, addOnConsumed: 8, baseConsumed: 5 },
    });
    expect(finding?.evidence.map((e) => e.id)).toEqual(['2:11', '2:10']);
  });

  it('lets several add-ons share one catalog base (threat and URL on one firewall)', () => {
    const licenses: LicenseRecord[] = [
      {
        id: 20,
        name: 'Firepower 2100 Threat Defense Base',
        kind: 'BASE',
        requiredBaseLicenseId: null,
      },
      { id: 21, name: 'FPR2100 Threat Protection', kind: 'ADD_ON', requiredBaseLicenseId: 20 },
      { id: 22, name: 'FPR2100 URL Filtering', kind: 'ADD_ON', requiredBaseLicenseId: 20 },
    ];
    const input = exampleInput({
      licenses,
      positionLines: [20, 21, 22].map((id) => exampleLine(2, id, { ownedSmart: 2, consumed: 2 })),
    });
    expect(findings(input)).toEqual([]);
  });

  it('does not pool a non-DNA add-on with DNA units over the same Network base', () => {
    const licenses: LicenseRecord[] = [
      { id: 30, name: 'C9300 Network Advantage', kind: 'BASE', requiredBaseLicenseId: null },
      {
        id: 31,
        name: 'C9300 48P DNA Advantage, 3Y Term',
        kind: 'ADD_ON',
        requiredBaseLicenseId: 30,
      },
      { id: 32, name: 'Switch Analytics Add-on', kind: 'ADD_ON', requiredBaseLicenseId: 30 },
    ];
    const input = exampleInput({
      licenses,
      positionLines: [30, 31, 32].map((id) => exampleLine(2, id, { ownedSmart: 2, consumed: 2 })),
    });
    expect(findings(input)).toEqual([]);
  });

  it('is silent when the base covers the add-ons', () => {
    const input = exampleInput({
      positionLines: [
        exampleLine(2, 10, { ownedSmart: 8, consumed: 8 }),
        exampleLine(2, 11, { ownedSmart: 8, consumed: 8 }),
      ],
    });
    expect(findings(input)).toEqual([]);
  });
});

describe('ADDON_WITHOUT_BASE by product family and tier', () => {
  const catalog: LicenseRecord[] = [
    { id: 1, name: 'C9300 Network Essentials', kind: 'BASE', requiredBaseLicenseId: null },
    { id: 2, name: 'C9300 Network Advantage', kind: 'BASE', requiredBaseLicenseId: null },
    { id: 3, name: 'C9300 24P Network Essentials', kind: 'BASE', requiredBaseLicenseId: null },
    // The built-in catalog names the family-level base exactly.
    { id: 4, name: 'C9300 24P DNA Essentials, 3Y Term', kind: 'ADD_ON', requiredBaseLicenseId: 1 },
    // Imported from CSSM, absent from the catalog: kind BASE, no base named.
    {
      id: 5,
      name: 'Cisco DNA Advantage',
      kind: 'BASE',
      requiredBaseLicenseId: null,
      entitlementTag: 'regid.2017-03.com.cisco.C9300_48P_DNA_Advantage,1.0_1b2c',
      sku: 'C9300-DNA-A-48-3Y',
    },
    { id: 6, name: 'Mystery Analytics Add-on', kind: 'ADD_ON', requiredBaseLicenseId: null },
  ];
  const on = (uses: [number, number][], lines: [number, number][] = []) =>
    findings(
      exampleInput({
        licenses: catalog,
        instances: [sw],
        deviceUsage: uses.map(([licenseId, quantity]) => ({
          instanceId: 100,
          licenseId,
          quantity,
        })),
        positionLines: lines.map(([licenseId, consumed]) =>
          exampleLine(1, licenseId, { ownedSmart: consumed, consumed }),
        ),
      }),
    );

  it('accepts a port-variant Network license as the base of the same DNA variant', () => {
    expect(
      on(
        [
          [3, 1],
          [4, 1],
        ],
        [
          [3, 1],
          [4, 1],
        ],
      ),
    ).toEqual([]);
  });

  it('accepts a higher Network tier than the DNA tier needs', () => {
    expect(
      on(
        [
          [2, 1],
          [4, 1],
        ],
        [
          [2, 1],
          [4, 1],
        ],
      ),
    ).toEqual([]);
  });

  it('checks a DNA license missing from the catalog by its tag and SKU', () => {
    const [finding, ...rest] = on([
      [1, 1],
      [5, 1],
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'ADDON_WITHOUT_BASE',
      severity: 'high',
      licenseId: 5,
      facts: {
        scope: 'INSTANCE',
        baseLicenseId: null,
        requiredBase: 'a C9300 48P Network Advantage license or higher',
      },
    });
  });

  it('notes an add-on the catalog cannot place, with no device alarm', () => {
    const result = on([[6, 3]], [[6, 3]]);
    expect(result.map((f) => [f.code, f.severity, f.key, f.quantity])).toEqual([
      ['ADDON_BASE_UNKNOWN', 'info', 'ADDON_BASE_UNKNOWN:6', 3],
    ]);
    expect(result[0]?.message).toBe(
      '3 × Mystery Analytics Add-on in use: an add-on whose base the catalog does not know, so no device is checked for it; name its Required Base License in a catalog CSV.',
    );
  });

  it('does not repeat at Virtual Account level the units already reported on a device', () => {
    // 12 DNA Advantage against 11 Network Advantage: the one short unit is sw's.
    const others = Array.from({ length: 11 }, (_, i) =>
      exampleInstance({ id: 200 + i, virtualAccountId: 1, name: `sw-${i}` }),
    );
    const input = exampleInput({
      licenses: catalog,
      instances: [sw, ...others],
      deviceUsage: [
        { instanceId: 100, licenseId: 5, quantity: 1 },
        ...others.flatMap((o) => [
          { instanceId: o.id, licenseId: 2, quantity: 1 },
          { instanceId: o.id, licenseId: 5, quantity: 1 },
        ]),
      ],
      positionLines: [
        exampleLine(1, 2, { ownedSmart: 11, consumed: 11 }),
        exampleLine(1, 5, { ownedSmart: 12, consumed: 12 }),
      ],
    });
    expect(findings(input).map((f) => f.key)).toEqual(['ADDON_WITHOUT_BASE:instance:100:5']);
  });

  it('pools tiers in a Virtual Account: Advantage covers Essentials, not the reverse', () => {
    // 2 DNA-E 24P + 1 DNA-A 48P against 1 Network Advantage + 1 Network Essentials: 1 short.
    const result = findings(
      exampleInput({
        licenses: catalog,
        positionLines: [
          exampleLine(2, 1, { ownedSmart: 1, consumed: 1 }),
          exampleLine(2, 2, { ownedSmart: 1, consumed: 1 }),
          exampleLine(2, 4, { ownedSmart: 2, consumed: 2 }),
          exampleLine(2, 5, { ownedSmart: 1, consumed: 1 }),
        ],
      }),
    );
    expect(result.map((f) => [f.key, f.quantity, f.facts])).toEqual([
      [
        'ADDON_WITHOUT_BASE:virtualAccount:2:family:C9300',
        1,
        {
          scope: 'VIRTUAL_ACCOUNT',
          instanceId: null,
          baseLicenseId: 1,
          requiredBase: 'C9300 Network Essentials or a higher C9300 tier',
          addOnConsumed: 3,
          baseConsumed: 2,
        },
      ],
    ]);
  });
});
