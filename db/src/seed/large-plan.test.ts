import { describe, expect, it } from 'vitest';

import type { LargeIds, LargeScale } from './large-estate.js';
import { lotRows } from './large-lots.js';
import { planLargeEstate } from './large-plan.js';
import { instanceRows, usageRows } from './large-rows.js';

const SCALE: LargeScale = {
  virtualAccounts: 12,
  platforms: 6,
  productInstances: 3_000,
  usageReports: 12_345,
  entitlementLots: 700,
};
const IDS: LargeIds = {
  smartAccount: 1,
  virtualAccount: 1,
  satellite: 1,
  license: 1,
  instance: 1,
  reservation: 1,
};

describe('planLargeEstate', () => {
  it('is a function of reference date, seed and scale', () => {
    const a = planLargeEstate('2025-06-30', 5, SCALE);
    expect(planLargeEstate('2025-06-30', 5, SCALE)).toEqual(a);
    expect(planLargeEstate('2025-06-30', 6, SCALE).instanceBase).not.toEqual(a.instanceBase);
  });

  it('gives every device a base and an add-on that requires exactly that base', () => {
    const plan = planLargeEstate('2025-06-30', 5, SCALE);
    expect(plan.licenses).toHaveLength(SCALE.platforms * 16);
    for (let i = 0; i < SCALE.productInstances; i++) {
      const base = plan.licenses[plan.instanceBase[i] as number];
      const addOn = plan.licenses[plan.instanceAddOn[i] as number];
      expect(base?.baseIndex).toBe(-1);
      expect(addOn?.baseIndex).toBe(plan.instanceBase[i]);
    }
  });

  it('streams exactly the requested numbers of usage rows and lots, with unique serials', () => {
    const plan = planLargeEstate('2025-06-30', 5, SCALE);
    expect([...usageRows(plan, IDS)]).toHaveLength(SCALE.usageReports);
    expect([...lotRows(plan, IDS)]).toHaveLength(SCALE.entitlementLots);
    const serials = new Set([...instanceRows(plan, IDS)].map((row) => row[5]));
    expect(serials.size).toBe(SCALE.productInstances);
  });

  it('refuses fewer usage rows than two per reporting device', () => {
    expect(() => planLargeEstate('2025-06-30', 5, { ...SCALE, usageReports: 100 })).toThrow(
      /at least 2/,
    );
  });
});
