import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';

import {
  EXAMPLE_AS_OF,
  exampleInput,
  exampleInstance,
  exampleLot,
  findingsOf,
} from './example-estate.js';
import type { InstanceRecord } from './findings-input.js';
import { findings } from './findings.js';

const daysAgo = (days: number) => addDays(EXAMPLE_AS_OF, -days);
const device = (row: Partial<InstanceRecord>) =>
  exampleInstance({ id: 100, virtualAccountId: 1, name: 'campus-sw-01', ...row });
/** DNA Essentials (10) is a subscription here: it has a TERM lot. */
const termLot = exampleLot({
  id: 90,
  virtualAccountId: 2,
  licenseId: 10,
  quantity: 1,
  licenseType: 'TERM',
  startDate: '2025-01-01',
  endDate: '2028-12-31',
});
const stale = (instances: InstanceRecord[], rows = {}) =>
  findingsOf(findings(exampleInput({ instances, lots: [termLot], ...rows })), 'STALE_REPORTING');

describe('STALE_REPORTING for instances', () => {
  it('reports an online instance silent for longer than the 90-day window', () => {
    const [finding] = stale([device({ lastContactAt: daysAgo(91) })], {
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 2 }],
    });
    expect(finding).toMatchObject({
      severity: 'medium',
      virtualAccountName: 'Campus',
      licenseId: null,
      quantity: 2,
      money: null,
      facts: {
        subject: 'INSTANCE',
        subjectId: 100,
        daysSince: 91,
        limitDays: 90,
        rule: 'SUBSCRIPTION',
      },
      message:
        'Campus: campus-sw-01 (DIRECT_CLOUD) last reported on 2026-03-31, 91 days ago (subscription licenses report every 90 days), so its 2 licenses in use are unverified: check it can reach Cisco, or decommission it.',
    });
    expect(finding?.evidence[0]).toMatchObject({ kind: 'instance', name: 'campus-sw-01' });
  });

  it('keeps an instance fresh at exactly the window', () => {
    expect(stale([device({ lastContactAt: daysAgo(90) })])).toEqual([]);
  });

  it('never reports SLR or PLR instances, which do not check in', () => {
    expect(stale([device({ connectionMode: 'SLR', lastContactAt: daysAgo(900) })])).toEqual([]);
    expect(stale([device({ connectionMode: 'PLR', lastContactAt: null })])).toEqual([]);
  });

  it('does not judge decommissioned instances or an unknown last contact', () => {
    expect(stale([device({ status: 'DECOMMISSIONED', lastContactAt: daysAgo(400) })])).toEqual([]);
    expect(stale([device({ lastContactAt: null })])).toEqual([]);
  });

  it('names the satellite of a silent ON_PREM instance and honours the policy window', () => {
    const onPrem = device({
      connectionMode: 'ON_PREM',
      satelliteId: 7,
      lastContactAt: daysAgo(31),
    });
    const satellites = [{ id: 7, name: 'ssm-onprem-eu', lastSyncAt: daysAgo(1) }];
    const [finding] = stale([onPrem], {
      satellites,
      policy: { reportingWindowDays: 30 },
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 1 }],
    });
    expect(finding?.message).toContain('check it can reach satellite ssm-onprem-eu');
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['instance', 'satellite', 'usage']);
  });
});

describe('STALE_REPORTING for satellites', () => {
  const attached = device({ connectionMode: 'ON_PREM', satelliteId: 7 });
  const satellite = (days: number) => ({ id: 7, name: 'ssm-onprem-eu', lastSyncAt: daysAgo(days) });
  const satelliteFindings = (days: number) =>
    stale([attached], {
      satellites: [satellite(days)],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 4 }],
    });

  it.each([
    [60, null],
    [61, 'medium'],
    [90, 'medium'],
    [91, 'critical'],
  ])('rates a satellite last synced %i days ago as %s', (days, severity) => {
    const [finding] = satelliteFindings(days);
    expect(finding?.severity ?? null).toBe(severity);
  });

  it('alerts before the 90-day removal with the date, the instances and their usage', () => {
    const [finding] = satelliteFindings(75);
    expect(finding).toMatchObject({
      virtualAccountId: null,
      licenseId: null,
      quantity: 4,
      facts: {
        subject: 'SATELLITE',
        subjectId: 7,
        daysSince: 75,
        limitDays: 60,
        rule: 'SATELLITE_SYNC',
        instanceIds: [100],
      },
      message:
        'Satellite ssm-onprem-eu last synced on 2026-04-16, 75 days ago: sync it by 2026-07-15 or its 1 instance (4 licenses in use) is removed (90-day deadline).',
    });
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'instance', name: 'campus-sw-01' }),
    );
  });

  it('does not judge a satellite with no sync on record', () => {
    expect(stale([attached], { satellites: [{ id: 7, name: 's', lastSyncAt: null }] })).toEqual([]);
  });
});

describe('STALE_REPORTING windows follow what a device holds', () => {
  // Router Base (12) is owned perpetual only; DNA Essentials (10) also as a TERM lot.
  const lots = [
    exampleLot({ id: 1, virtualAccountId: 1, licenseId: 12, quantity: 5 }),
    exampleLot({ id: 2, virtualAccountId: 1, licenseId: 10, quantity: 5 }),
    exampleLot({
      id: 3,
      virtualAccountId: 1,
      licenseId: 10,
      quantity: 5,
      licenseType: 'TERM',
      startDate: '2025-01-01',
      endDate: '2028-01-01',
    }),
  ];
  const perpetualOnly = (days: number) =>
    stale([device({ lastContactAt: daysAgo(days) })], {
      lots,
      deviceUsage: [{ instanceId: 100, licenseId: 12, quantity: 1 }],
    });

  it('keeps a perpetual-only device silent for 122 days fresh (365-day window)', () => {
    expect(perpetualOnly(122)).toEqual([]);
    expect(perpetualOnly(365)).toEqual([]);
  });

  it('flags a perpetual-only device after 365 days and says which rule applied', () => {
    const [finding, ...rest] = perpetualOnly(366);
    expect(rest).toEqual([]);
    expect(finding?.facts).toEqual({
      subject: 'INSTANCE',
      subjectId: 100,
      lastSeenOn: daysAgo(366),
      daysSince: 366,
      limitDays: 365,
      rule: 'PERPETUAL_ONLY',
      instanceIds: [],
    });
    expect(finding?.message).toContain(
      '366 days ago (perpetual licenses only: report within 365 days)',
    );
  });

  it('holds a device with any subscription to 90 days, reported or reserved', () => {
    const reported = stale([device({ lastContactAt: daysAgo(122) })], {
      lots,
      deviceUsage: [
        { instanceId: 100, licenseId: 12, quantity: 1 },
        { instanceId: 100, licenseId: 10, quantity: 1 },
      ],
    });
    expect(reported.map((f) => [f.facts.rule, f.facts.limitDays])).toEqual([['SUBSCRIPTION', 90]]);
  });
});

describe('STALE_REPORTING behind a late satellite', () => {
  const onPrem = (id: number, name: string) =>
    device({ id, name, connectionMode: 'ON_PREM', satelliteId: 7, lastContactAt: daysAgo(120) });
  const input = {
    satellites: [{ id: 7, name: 'ssm-onprem-apac', lastSyncAt: daysAgo(118) }],
    deviceUsage: [
      { instanceId: 101, licenseId: 10, quantity: 2 },
      { instanceId: 102, licenseId: 10, quantity: 3 },
      { instanceId: 103, licenseId: 10, quantity: 1 },
    ],
  };

  it('groups the instances under the satellite finding and keeps one per stale direct device', () => {
    const direct = device({ id: 103, name: 'campus-sw-09', lastContactAt: daysAgo(100) });
    const found = stale([onPrem(101, 'sin-rtr-1'), onPrem(102, 'syd-rtr-2'), direct], input);
    expect(found.map((f) => [f.key, f.severity, f.quantity])).toEqual([
      ['STALE_REPORTING:satellite:7', 'critical', 5],
      ['STALE_REPORTING:instance:103', 'medium', 1],
    ]);
    const satellite = found[0];
    expect(satellite?.facts).toMatchObject({ rule: 'SATELLITE_SYNC', instanceIds: [101, 102] });
    expect(satellite?.evidence.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'satellite:7',
      'instance:101',
      'instance:102',
    ]);
    expect(satellite?.message).toContain('its 2 instances (5 licenses in use) are unverified');
  });
});
