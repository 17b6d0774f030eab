import { describe, expect, it } from 'vitest';

import { exampleInput, exampleInstance } from './example-estate.js';
import { findings } from './findings.js';

const retired = exampleInstance({
  id: 100,
  virtualAccountId: 3,
  name: 'lab-rtr-09',
  status: 'DECOMMISSIONED',
});

describe('GHOST_CONSUMPTION', () => {
  it('reports a decommissioned instance that still consumes', () => {
    const input = exampleInput({
      instances: [retired],
      deviceUsage: [{ instanceId: 100, licenseId: 12, quantity: 2 }],
      prices: [{ licenseId: 12, unitPriceMinor: 12_345n, currency: 'USD' }],
    });
    expect(findings(input)).toEqual([
      expect.objectContaining({
        code: 'GHOST_CONSUMPTION',
        severity: 'high',
        virtualAccountName: 'Lab',
        licenseName: 'Router Base',
        quantity: 2,
        money: null, // priced once, on the shortfall (if any) these units cause
        message:
          'Lab: lab-rtr-09 is decommissioned but still consumes 2 × Router Base: remove the product instance to release them.',
        evidence: [
          expect.objectContaining({ kind: 'instance', name: 'lab-rtr-09' }),
          expect.objectContaining({ kind: 'usage', instanceName: 'lab-rtr-09', quantity: 2 }),
        ],
      }),
    ]);
  });

  it('reports a device once, whatever number of licenses it still consumes', () => {
    const input = exampleInput({
      instances: [retired],
      deviceUsage: [
        { instanceId: 100, licenseId: 12, quantity: 1 },
        { instanceId: 100, licenseId: 10, quantity: 3 },
        { instanceId: 100, licenseId: 11, quantity: 0 },
      ],
    });
    const result = findings(input);
    expect(result.map((f) => [f.key, f.licenseId, f.quantity, f.facts])).toEqual([
      ['GHOST_CONSUMPTION:100', null, 4, { instanceId: 100, licenseIds: [10, 12] }],
    ]);
    expect(result[0]?.message).toBe(
      'Lab: lab-rtr-09 is decommissioned but still consumes 3 × DNA Essentials and 1 × Router Base: remove the product instance to release them.',
    );
  });

  it('is silent for a decommissioned instance reporting 0, and for active ones', () => {
    const zero = exampleInput({
      instances: [retired],
      deviceUsage: [{ instanceId: 100, licenseId: 12, quantity: 0 }],
    });
    const active = exampleInput({
      instances: [{ ...retired, status: 'ACTIVE' }],
      deviceUsage: [{ instanceId: 100, licenseId: 12, quantity: 2 }],
    });
    expect(findings(zero)).toEqual([]);
    expect(findings(active)).toEqual([]);
  });
});
