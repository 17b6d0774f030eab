import { describe, expect, it } from 'vitest';

import { addDays } from '../calendar.js';

import { EXAMPLE_AS_OF, exampleInput, exampleInstance, findingsOf } from './example-estate.js';
import type { InstanceRecord } from './findings-input.js';
import { findings } from './findings.js';

const daysAgo = (days: number) => addDays(EXAMPLE_AS_OF, -days);
const device = (row: Partial<InstanceRecord>) =>
  exampleInstance({ id: 100, virtualAccountId: 1, name: 'campus-sw-01', ...row });
const stale = (instances: InstanceRecord[], rows = {}) =>
  findingsOf(findings(exampleInput({ instances, ...rows })), 'STALE_REPORTING');

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
      facts: { subject: 'INSTANCE', subjectId: 100, daysSince: 91, limitDays: 90 },
      message:
        'Campus: campus-sw-01 (DIRECT_CLOUD) last reported on 2026-03-31, 91 days ago (window 90), so its 2 licenses in use are unverified: check it can reach Cisco, or decommission it.',
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
    const [finding] = stale([onPrem], { satellites, policy: { reportingWindowDays: 30 } });
    expect(finding?.message).toContain('check it can reach satellite ssm-onprem-eu');
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['instance', 'satellite']);
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
      facts: { subject: 'SATELLITE', subjectId: 7, daysSince: 75, limitDays: 60 },
      message:
        'Satellite ssm-onprem-eu last synced on 2026-04-16, 75 days ago: sync it by 2026-07-15 or its 1 instances are removed (90-day deadline).',
    });
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'instance', name: 'campus-sw-01' }),
    );
  });

  it('does not judge a satellite with no sync on record', () => {
    expect(stale([attached], { satellites: [{ id: 7, name: 's', lastSyncAt: null }] })).toEqual([]);
  });
});
