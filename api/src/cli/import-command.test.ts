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
  };
};

describe('renderSummary', () => {
  it('says when SLR authorization codes were skipped as older than the trail', () => {
    expect(renderSummary(summary(1))).toBe(
      "created 2 reservationEvents; skipped 1 SLR authorization code(s) older than the device's latest reservation event (nothing written for them); 0 warning(s)\n",
    );
    expect(renderSummary(summary(0))).toBe('created 2 reservationEvents; 0 warning(s)\n');
  });
});
