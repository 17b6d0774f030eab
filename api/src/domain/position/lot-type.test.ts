import { describe, expect, it } from 'vitest';

import { lotTypeFromEvidence } from './lot-type.js';
import { isLotActive } from './lot.js';

const evidence = (
  licenseName: string,
  entitlementType: null | 'TERM' | 'PERPETUAL' | 'SUBSCRIPTION' | 'USAGE' = null,
  endDate: string | null = null,
) => ({
  licenseName,
  entitlementType,
  endDate,
});

describe('lotTypeFromEvidence', () => {
  it('reads a term from the name', () => {
    expect(lotTypeFromEvidence(evidence('C9200 24P DNA Essentials, 3Y Term'))).toBe('TERM');
    expect(lotTypeFromEvidence(evidence('NX-OS Essentials for Nexus 9300 5Y'))).toBe('TERM');
    expect(lotTypeFromEvidence(evidence('Webex Meetings Subscription'))).toBe('TERM');
    expect(lotTypeFromEvidence(evidence('ISE Advantage Term'))).toBe('TERM');
  });

  it('reads a perpetual license only from evidence', () => {
    expect(lotTypeFromEvidence(evidence('UCM Enhanced License'))).toBe('UNKNOWN');
    expect(lotTypeFromEvidence(evidence('UCM Enhanced License', 'PERPETUAL'))).toBe('PERPETUAL');
    expect(lotTypeFromEvidence(evidence('Expressway Rich Media Perpetual'))).toBe('PERPETUAL');
    // "9300" and "C9200" are not year counts.
    expect(lotTypeFromEvidence(evidence('C9300 Network Essentials'))).toBe('UNKNOWN');
  });

  it('takes the catalog over the name, and an end date over a silent catalog', () => {
    expect(lotTypeFromEvidence(evidence('Odd 3Y Term name', 'PERPETUAL'))).toBe('PERPETUAL');
    expect(lotTypeFromEvidence(evidence('UCM Enhanced License', 'SUBSCRIPTION'))).toBe('TERM');
    expect(lotTypeFromEvidence(evidence('Usage thing', 'USAGE'))).toBe('UNKNOWN');
    expect(lotTypeFromEvidence(evidence('UCM Enhanced License', 'USAGE', '2027-01-31'))).toBe(
      'TERM',
    );
  });
});

describe('isLotActive for an UNKNOWN lot', () => {
  const unknown = { licenseType: 'UNKNOWN' as const, startDate: null, endDate: null };
  it('is active with no known end', () => {
    expect(isLotActive(unknown, '2026-01-01')).toBe(true);
    expect(isLotActive(unknown, '2099-12-31')).toBe(true);
  });
  it('still respects its start and its record validity', () => {
    expect(isLotActive({ ...unknown, startDate: '2026-05-01' }, '2026-04-30')).toBe(false);
    expect(isLotActive({ ...unknown, supersededOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });
});
