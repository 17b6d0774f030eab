import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';
import { DomainError } from '../errors.js';

import {
  EXAMPLE_AS_OF,
  exampleInput,
  exampleInstance,
  exampleLine,
  exampleLot,
} from './example-estate.js';
import { findings } from './findings.js';
import { resolvePolicy } from './policy.js';

/** One estate that trips every code at once. */
const estate = exampleInput({
  positionLines: [
    exampleLine(1, 10, { ownedSmart: 5, consumed: 9 }), // Campus short 4 (expired lot)
    exampleLine(2, 10, { ownedSmart: 20, consumed: 8 }), // Branch surplus 12, lot expiring
    exampleLine(2, 11, { ownedSmart: 10, consumed: 10 }), // Branch: 10 add-ons over 8 bases
    exampleLine(3, 12, { ownedSmart: 0, ownedClassic: 4, consumed: 6 }), // Lab short, PAK
  ],
  lots: [
    exampleLot({ id: 1, virtualAccountId: 1, licenseId: 10, quantity: 5 }),
    exampleLot({
      id: 2,
      virtualAccountId: 1,
      licenseId: 10,
      quantity: 4,
      licenseType: 'TERM',
      startDate: '2025-01-01',
      endDate: '2026-06-01',
    }),
    exampleLot({
      id: 3,
      virtualAccountId: 2,
      licenseId: 10,
      quantity: 20,
      licenseType: 'TERM',
      startDate: '2025-01-01',
      endDate: addDays(EXAMPLE_AS_OF, 10),
    }),
    exampleLot({ id: 4, virtualAccountId: 3, licenseId: 12, quantity: 4, source: 'CLASSIC_PAK' }),
  ],
  instances: [
    exampleInstance({ id: 100, virtualAccountId: 3, name: 'lab-rtr-1', status: 'DECOMMISSIONED' }),
    exampleInstance({ id: 101, virtualAccountId: 2, name: 'br-slr-1', connectionMode: 'SLR' }),
    exampleInstance({
      id: 102,
      virtualAccountId: 1,
      name: 'campus-sw-1',
      lastContactAt: '2026-01-01',
    }),
    exampleInstance({ id: 103, virtualAccountId: 2, name: 'br-sw-2' }),
  ],
  deviceUsage: [
    { instanceId: 100, licenseId: 12, quantity: 1 },
    { instanceId: 101, licenseId: 10, quantity: 2 },
    { instanceId: 103, licenseId: 11, quantity: 1 },
    { instanceId: 102, licenseId: 10, quantity: 1 }, // a subscription (TERM lots): 90-day window
  ],
  reservations: [
    {
      id: 500,
      instanceId: 100,
      virtualAccountId: 3,
      licenseId: 12,
      reservationType: 'PLR',
      quantity: 1,
    },
    {
      id: 501,
      instanceId: 101,
      virtualAccountId: 2,
      licenseId: 10,
      reservationType: 'SLR',
      quantity: 1,
    },
  ],
  satellites: [{ id: 7, name: 'ssm-onprem', lastSyncAt: '2026-03-01' }],
  prices: [{ licenseId: 10, unitPriceMinor: 9_007_199_254_740_993n, currency: 'USD' }],
});

describe('findings', () => {
  it('finds every code on one estate, sorted by severity, code, Virtual Account and license', () => {
    const result = findings(estate);
    expect(
      result.map((f) => `${f.severity} ${f.code} ${f.virtualAccountName} ${f.licenseName}`),
    ).toEqual([
      'critical INSUFFICIENT_LICENSES Lab Router Base', // short 2, no surplus anywhere
      'critical STALE_REPORTING null null', // satellite 121 days without sync
      'high ADDON_WITHOUT_BASE Branch DNA Advantage Add-on', // br-sw-2 without its base
      'high GHOST_CONSUMPTION Lab Router Base',
      'high INSUFFICIENT_LICENSES Campus DNA Essentials', // Branch's surplus cures it
      'high LICENSES_EXPIRED Campus DNA Essentials',
      'high LICENSES_EXPIRING Branch DNA Essentials', // 10 days left, balance after -8
      'high OVER_RESERVATION Branch DNA Essentials',
      'medium ADDON_WITHOUT_BASE Branch DNA Advantage Add-on', // 2 short, 1 of them on br-sw-2
      'medium STALE_REPORTING Campus null',
      'medium STRANDED_RESERVATION Lab Router Base',
      'medium UNCONVERTED_PAK Lab Router Base',
    ]);
    expect(new Set(result.map((f) => f.key)).size).toBe(result.length);
  });

  it('computes money in bigint, exactly, only where a price exists', () => {
    const result = findings(estate);
    const campus = result.find((f) => f.key === 'INSUFFICIENT_LICENSES:1:10');
    // 4 × (2^53 + 1) is not representable as a double; bigint keeps every unit.
    expect(campus?.money).toEqual({ amountMinor: 36_028_797_018_963_972n, currency: 'USD' });
    expect(result.find((f) => f.code === 'GHOST_CONSUMPTION')?.money).toBeNull();
    for (const finding of result) {
      if (finding.money && finding.code !== 'ADDON_WITHOUT_BASE') {
        expect(finding.money.amountMinor).toBe(BigInt(finding.quantity) * 9_007_199_254_740_993n);
      }
    }
  });

  it('states each finding’s quantity and money, each short unit priced once', () => {
    const price = 9_007_199_254_740_993n;
    const rows = findings(estate).map((f) => [f.key, f.quantity, f.money?.amountMinor ?? null]);
    expect(rows).toEqual([
      ['INSUFFICIENT_LICENSES:3:12', 2, null], // Router Base has no price
      ['STALE_REPORTING:satellite:7', 0, null],
      ['ADDON_WITHOUT_BASE:instance:103:11', 1, null],
      ['GHOST_CONSUMPTION:100', 1, null],
      ['INSUFFICIENT_LICENSES:1:10', 4, 4n * price],
      ['LICENSES_EXPIRED:1:10', 4, null], // its 4 units are the shortfall's
      ['LICENSES_EXPIRING:2:10:2026-07-10', 20, null],
      ['OVER_RESERVATION:101:10', 1, null],
      ['ADDON_WITHOUT_BASE:virtualAccount:2:base:10:addOn:11', 1, null],
      ['STALE_REPORTING:instance:102', 1, null],
      ['STRANDED_RESERVATION:500', 1, null],
      ['UNCONVERTED_PAK:3:12', 4, null],
    ]);
    const expired = findings(estate).find((f) => f.code === 'LICENSES_EXPIRED');
    expect(expired?.facts).toMatchObject({ relatedKey: 'INSUFFICIENT_LICENSES:1:10' });
  });

  it('rejects malformed input with a domain error code', () => {
    const codeOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? error.code : 'not a DomainError';
      }
      return undefined;
    };
    expect(codeOf(() => findings({ ...estate, asOf: '2026-02-30' }))).toBe('INVALID_DATE');
    expect(codeOf(() => findings({ ...estate, virtualAccounts: [] }))).toBe(
      'UNKNOWN_VIRTUAL_ACCOUNT',
    );
    expect(
      codeOf(() =>
        findings({ ...estate, deviceUsage: [{ instanceId: 1, licenseId: 1, quantity: -1 }] }),
      ),
    ).toBe('INVALID_QUANTITY');
    const twice = { instanceId: 100, licenseId: 12, quantity: 1 };
    expect(codeOf(() => findings({ ...estate, deviceUsage: [twice, twice] }))).toBe(
      'INVALID_QUANTITY',
    );
    expect(codeOf(() => findings({ ...estate, policy: { leadTimeDays: [] } }))).toBe(
      'INVALID_QUANTITY',
    );
  });

  it('defaults the policy to Cisco’s 90/60/30 lead times, 90/365-day reporting, 90-day sync', () => {
    expect(resolvePolicy()).toEqual({
      leadTimeDays: [90, 60, 30],
      reportingWindowDays: 90,
      perpetualReportingWindowDays: 365,
      satelliteSyncDeadlineDays: 90,
      satelliteAlertDays: 30,
    });
  });
});
