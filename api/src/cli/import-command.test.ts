import { describe, expect, it } from 'vitest';

import { emptyCounts } from '../services/import/summary.js';

import { renderSummary } from './import-command.js';

const summary = (older: number) => {
  const counts = emptyCounts();
  counts.created.reservationEvents = 2;
  counts.skipped.olderAuthorizationCodes = older;
  return {
    smartAccount: 'acme.example',
    asOf: '2026-03-01',
    dryRun: false,
    committed: true,
    files: [],
    counts,
    errorCount: 0,
    warningCount: 0,
    issues: [],
    licenseJoins: [],
  };
};

describe('renderSummary', () => {
  it('says when SLR authorization codes were skipped as older than the trail', () => {
    expect(renderSummary(summary(1))).toBe(
      "created 2 reservationEvents; skipped 1 SLR authorization code(s) older than the device's latest reservation event (nothing written for them); 0 warning(s)\n",
    );
    expect(renderSummary(summary(0))).toBe('created 2 reservationEvents; 0 warning(s)\n');
  });

  it('lists each license join inferred by product identity, and each one declined', () => {
    const base = summary(0);
    base.counts.updated.licenseTagsJoined = 1;
    base.counts.skipped.licenseTagJoinsAmbiguous = 1;
    const text = renderSummary({
      ...base,
      licenseJoins: [
        {
          kind: 'JOINED',
          file: 'usage.xml',
          entitlementTag: 'regid.t1',
          licenses: ['C9300 24P Network Advantage'],
          message: 'entitlement tag regid.t1 joined to license …',
        },
        {
          kind: 'AMBIGUOUS',
          file: 'usage.xml',
          entitlementTag: 'regid.t2',
          licenses: ['A', 'B'],
          message: 'entitlement tag regid.t2 not joined: …',
        },
      ],
    });
    expect(text).toBe(
      [
        'usage.xml: warning: entitlement tag regid.t1 joined to license …',
        'usage.xml: warning: entitlement tag regid.t2 not joined: …',
        'created 2 reservationEvents; updated 1 licenseTagsJoined; 1 entitlement tag(s) matching several licenses not joined (see above); 0 warning(s)',
        '',
      ].join('\n'),
    );
  });
});
