import { describe, expect, it } from 'vitest';

import type { FindingsInput } from '../findings/findings-input.js';
import { findings } from '../findings/findings.js';

import { baselineAdjustments, reclaimedByLicense } from './baseline.js';

const base: FindingsInput = {
  asOf: '2026-12-03',
  includeClassic: true,
  virtualAccounts: [{ id: 1, name: 'Campus' }],
  licenses: [
    {
      id: 10,
      name: 'DNA Advantage',
      kind: 'BASE',
      requiredBaseLicenseId: null,
      entitlementTag: null,
      sku: null,
    },
    {
      id: 11,
      name: 'Network Advantage',
      kind: 'BASE',
      requiredBaseLicenseId: null,
      entitlementTag: null,
      sku: null,
    },
  ],
  positionLines: [],
  lots: [],
  instances: [
    // A decommissioned SLR controller holding 35 reserved and reporting 20 of DNA Advantage,
    // and reporting 4 Network Advantage with none reserved.
    {
      id: 100,
      virtualAccountId: 1,
      name: 'UDI_PID:C9800; UDI_SN:A; ',
      hostname: 'wlc-old',
      connectionMode: 'SLR',
      status: 'DECOMMISSIONED',
      lastContactAt: null,
      satelliteId: null,
      replacedById: null,
    },
    // An active device: nothing reclaimable.
    {
      id: 101,
      virtualAccountId: 1,
      name: 'UDI_PID:C9300; UDI_SN:B; ',
      hostname: 'sw-1',
      connectionMode: 'DIRECT_CLOUD',
      status: 'ACTIVE',
      lastContactAt: '2026-12-01',
      satelliteId: null,
      replacedById: null,
    },
  ],
  deviceUsage: [
    { instanceId: 100, licenseId: 10, quantity: 20 },
    { instanceId: 100, licenseId: 11, quantity: 4 },
    { instanceId: 101, licenseId: 10, quantity: 7 },
  ],
  reservations: [
    {
      id: 1,
      instanceId: 100,
      virtualAccountId: 1,
      licenseId: 10,
      reservationType: 'SLR',
      quantity: 35,
      licenseType: null,
      endDate: null,
    },
  ],
  satellites: [],
  prices: [],
};

describe('baselineAdjustments', () => {
  it('reclaims per device × license the larger of stranded reservation and ghost use, never both', () => {
    const input = base;
    const adjustments = baselineAdjustments(findings(input), input.instances, input.deviceUsage);
    expect(adjustments).toEqual([
      // max(35 reserved, 20 reported) = 35, not 55.
      {
        licenseId: 10,
        virtualAccountId: 1,
        instanceId: 100,
        instanceName: 'wlc-old',
        units: 35,
        reason: 'STRANDED_RESERVATION',
      },
      // Nothing reserved: the 4 reported are ghost consumption.
      {
        licenseId: 11,
        virtualAccountId: 1,
        instanceId: 100,
        instanceName: 'wlc-old',
        units: 4,
        reason: 'GHOST_CONSUMPTION',
      },
    ]);
    expect(reclaimedByLicense(adjustments)).toEqual(
      new Map([
        [10, 35],
        [11, 4],
      ]),
    );
  });

  it('names ghost use the reason when it is larger than the reservation', () => {
    const input: FindingsInput = {
      ...base,
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 50 }],
    };
    const [only] = baselineAdjustments(findings(input), input.instances, input.deviceUsage);
    // max(35, 50) = 50.
    expect(only).toMatchObject({ licenseId: 10, units: 50, reason: 'GHOST_CONSUMPTION' });
  });
});
