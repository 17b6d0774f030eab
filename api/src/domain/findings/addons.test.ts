import { describe, expect, it } from 'vitest';

import {
  EXAMPLE_LICENSES,
  exampleInput,
  exampleInstance,
  exampleLine,
  findingsOf,
} from './example-estate.js';
import { findings } from './findings.js';

const sw = exampleInstance({ id: 100, virtualAccountId: 1, name: 'campus-sw-01' });
const addOnUse = { instanceId: 100, licenseId: 11, quantity: 1 };
const baseUse = { instanceId: 100, licenseId: 10, quantity: 1 };

describe('ADDON_WITHOUT_BASE on an instance', () => {
  it('reports an add-on used without its base on the same device, priced at the base', () => {
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
      money: { amountMinor: 20_000n, currency: 'EUR' },
      facts: { scope: 'INSTANCE', instanceId: 100, baseLicenseId: 10, baseConsumed: 0 },
      message:
        'Campus: campus-sw-01 uses 1 × DNA Advantage Add-on without its base DNA Essentials: license the base on it or remove the add-on.',
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
