import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';

import {
  EXAMPLE_AS_OF,
  exampleInput,
  exampleLine,
  exampleLot,
  findingsOf,
} from './example-estate.js';
import { findings } from './findings.js';

const perpetual = exampleLot({ id: 1, virtualAccountId: 1, licenseId: 10, quantity: 5 });
const termEndingIn = (days: number, id = 2) =>
  exampleLot({
    id,
    virtualAccountId: 1,
    licenseId: 10,
    quantity: 10,
    licenseType: 'TERM',
    startDate: '2025-01-01',
    endDate: addDays(EXAMPLE_AS_OF, days),
  });
const campusLine = exampleLine(1, 10, { ownedSmart: 15, consumed: 12 });

function expiring(days: number, extraLots = [] as ReturnType<typeof exampleLot>[]) {
  const lots = [perpetual, termEndingIn(days), ...extraLots];
  return findingsOf(
    findings(exampleInput({ positionLines: [campusLine], lots })),
    'LICENSES_EXPIRING',
  );
}

describe('LICENSES_EXPIRING', () => {
  it('reports a term ending in exactly 30 days in the 30-day bucket with the balance after', () => {
    const [finding, ...rest] = expiring(30);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      virtualAccountName: 'Campus',
      licenseName: 'DNA Essentials',
      quantity: 10,
      facts: {
        endDate: '2026-07-30',
        daysLeft: 30,
        leadTimeDays: 30,
        balanceNow: 3,
        balanceAfter: -7,
      },
      message:
        'Campus: 10 × DNA Essentials end on 2026-07-30 (in 30 days, 30-day lead time); balance after they lapse -7: renew at least 7 before they end.',
    });
    expect(finding?.evidence.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'positionLine:1:10',
      'lot:2',
    ]);
  });

  it.each([
    [0, 30],
    [31, 60],
    [60, 60],
    [61, 90],
    [90, 90],
  ])('puts a term ending in %i days in the %i-day bucket', (days, bucket) => {
    const [finding] = expiring(days);
    expect(finding?.facts.leadTimeDays).toBe(bucket);
    expect(finding?.severity).toBe(bucket === 30 ? 'high' : 'medium');
  });

  it('ignores terms ending beyond the largest lead time or already ended', () => {
    expect(expiring(91)).toEqual([]);
    expect(expiring(-1)).toEqual([]);
    expect(expiring(10, [{ ...termEndingIn(5, 9), quantity: 0 }])).toHaveLength(1);
  });

  it('counts a renewal starting the day after as covering the lapse (low severity)', () => {
    const renewal = exampleLot({
      id: 3,
      virtualAccountId: 1,
      licenseId: 10,
      quantity: 10,
      licenseType: 'TERM',
      startDate: addDays(EXAMPLE_AS_OF, 46),
      endDate: addDays(EXAMPLE_AS_OF, 500),
    });
    const [finding] = expiring(45, [renewal]);
    expect(finding).toMatchObject({ severity: 'low', facts: { balanceAfter: 3 } });
    expect(finding?.message).toContain('still covered.');
  });

  it('groups lots of one Virtual Account × license ending the same day', () => {
    const [finding, ...rest] = expiring(20, [termEndingIn(20, 4)]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ quantity: 20, facts: { balanceAfter: -7 } });
    expect(finding?.evidence.filter((e) => e.kind === 'lot').map((e) => e.id)).toEqual(['2', '4']);
  });

  it('uses the configured lead times', () => {
    const lots = [perpetual, termEndingIn(100)];
    const input = exampleInput({
      positionLines: [campusLine],
      lots,
      policy: { leadTimeDays: [120, 14] },
    });
    expect(findingsOf(findings(input), 'LICENSES_EXPIRING')[0]?.facts.leadTimeDays).toBe(120);
  });
});

describe('LICENSES_EXPIRED', () => {
  const expired = exampleLot({
    id: 7,
    virtualAccountId: 1,
    licenseId: 10,
    quantity: 20,
    licenseType: 'TERM',
    startDate: '2025-06-01',
    endDate: '2026-05-31',
  });

  it('reports a lapsed term while the Virtual Account consumes beyond what remains', () => {
    const input = exampleInput({
      positionLines: [exampleLine(1, 10, { ownedSmart: 5, consumed: 18 })],
      lots: [perpetual, expired],
    });
    const [finding] = findingsOf(findings(input), 'LICENSES_EXPIRED');
    expect(finding).toMatchObject({
      severity: 'high',
      quantity: 13,
      facts: { lastEndDate: '2026-05-31', expiredQuantity: 20, owned: 5, consumed: 18 },
      message:
        'Campus: 20 × DNA Essentials expired (last on 2026-05-31) and 18 are still consumed against 5 owned: the lapse explains 13 of the shortfall; cover it as its INSUFFICIENT_LICENSES finding says.',
    });
    expect(finding?.evidence.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'positionLine:1:10',
      'lot:7',
    ]);
  });

  it('stays silent when what remains covers the consumption', () => {
    const input = exampleInput({
      positionLines: [exampleLine(1, 10, { ownedSmart: 5, consumed: 5 })],
      lots: [perpetual, expired],
    });
    expect(findingsOf(findings(input), 'LICENSES_EXPIRED')).toEqual([]);
  });

  it('ignores expired records a newer export replaced', () => {
    const input = exampleInput({
      positionLines: [exampleLine(1, 10, { ownedSmart: 5, consumed: 18 })],
      lots: [perpetual, { ...expired, supersededOn: '2026-06-01' }],
    });
    expect(findingsOf(findings(input), 'LICENSES_EXPIRED')).toEqual([]);
  });
});
