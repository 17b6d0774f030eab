import { describe, expect, it } from 'vitest';

import {
  joinNameToTagNamedLicense,
  joinTagToNamedLicense,
  tagAmbiguousMessage,
  tagJoinedMessage,
} from './tag-join.js';

const NWA_24P_TAG = 'regid.2017-03.com.cisco.C9300_24P_NW_Advantage,1.0_aaaa0000-0001';
const DNA_24P_TAG = 'regid.2018-03.com.cisco.C9300_24P_DNA_Advantage,1.0_aaaa0000-0002';
const C9500_TAG = 'regid.2019-01.com.cisco.C9500_NW_Advantage,1.0_1111-2222';

const license = (id: number, name: string) => ({ id, name });

describe('joinTagToNamedLicense', () => {
  const ledger = [
    license(1, 'C9300 24P Network Advantage'),
    license(2, 'C9300 24P DNA Advantage, 3Y Term'),
    license(3, 'C9300 48P Network Advantage'),
    license(4, 'C9300 24P Network Essentials'),
    license(5, 'C9500 Network Advantage'),
    license(6, 'ISE Base'),
  ];

  it('joins the one license of the same family, line, tier and port variant', () => {
    expect(joinTagToNamedLicense(NWA_24P_TAG, ledger)).toEqual({
      kind: 'JOINED',
      license: license(1, 'C9300 24P Network Advantage'),
      identity: { family: 'C9300', line: 'NETWORK', tier: 'ADVANTAGE', variant: '24P' },
    });
    expect(joinTagToNamedLicense(DNA_24P_TAG, ledger)).toMatchObject({
      kind: 'JOINED',
      license: license(2, 'C9300 24P DNA Advantage, 3Y Term'),
    });
    expect(joinTagToNamedLicense(C9500_TAG, ledger)).toMatchObject({
      kind: 'JOINED',
      license: license(5, 'C9500 Network Advantage'),
    });
  });

  it('never joins across variant, tier or line, nor a family-level name to a port variant', () => {
    expect(joinTagToNamedLicense(NWA_24P_TAG, [license(3, 'C9300 48P Network Advantage')])).toEqual(
      { kind: 'NONE', reason: 'NO_CANDIDATE' },
    );
    expect(
      joinTagToNamedLicense(NWA_24P_TAG, [license(4, 'C9300 24P Network Essentials')]),
    ).toEqual({ kind: 'NONE', reason: 'NO_CANDIDATE' });
    expect(
      joinTagToNamedLicense(NWA_24P_TAG, [license(2, 'C9300 24P DNA Advantage, 3Y Term')]),
    ).toEqual({ kind: 'NONE', reason: 'NO_CANDIDATE' });
    expect(joinTagToNamedLicense(NWA_24P_TAG, [license(7, 'C9300 Network Advantage')])).toEqual({
      kind: 'NONE',
      reason: 'NO_CANDIDATE',
    });
  });

  it('says ambiguous, with every candidate, when two licenses read the same', () => {
    const two = [
      license(1, 'C9300 24P Network Advantage'),
      license(8, 'C9300-24P NW Advantage (lab)'),
    ];
    expect(joinTagToNamedLicense(NWA_24P_TAG, two)).toEqual({
      kind: 'AMBIGUOUS',
      candidates: two,
      identity: { family: 'C9300', line: 'NETWORK', tier: 'ADVANTAGE', variant: '24P' },
    });
  });

  it('keeps term apart from perpetual, and term lengths apart, where the texts say them', () => {
    const tag = 'regid.2018-03.com.cisco.C9300_24P_DNA_Advantage_5Y,1.0_x';
    expect(
      joinTagToNamedLicense(tag, [
        license(2, 'C9300 24P DNA Advantage, 3Y Term'),
        license(9, 'C9300 24P DNA Advantage, 5Y Term'),
      ]),
    ).toMatchObject({ kind: 'JOINED', license: license(9, 'C9300 24P DNA Advantage, 5Y Term') });
    expect(
      joinTagToNamedLicense('regid.2018-03.com.cisco.C9300_24P_DNA_Advantage_Perpetual,1.0_x', [
        license(2, 'C9300 24P DNA Advantage, 3Y Term'),
      ]),
    ).toEqual({ kind: 'NONE', reason: 'NO_CANDIDATE' });
  });

  it('does not read tags outside the Network and DNA families', () => {
    expect(joinTagToNamedLicense('regid.2020-08.com.cisco.ISE_Base,1.0_x', ledger)).toEqual({
      kind: 'NONE',
      reason: 'NO_IDENTITY',
    });
  });
});

describe('joinNameToTagNamedLicense', () => {
  it('finds the one license named by a tag that reads as the same product', () => {
    const tagNamed = [license(1, NWA_24P_TAG), license(2, DNA_24P_TAG)];
    expect(joinNameToTagNamedLicense('C9300 24P DNA Advantage, 3Y Term', tagNamed)).toMatchObject({
      kind: 'JOINED',
      license: license(2, DNA_24P_TAG),
    });
    expect(joinNameToTagNamedLicense('C9300 48P DNA Advantage, 3Y Term', tagNamed)).toEqual({
      kind: 'NONE',
      reason: 'NO_CANDIDATE',
    });
  });
});

describe('messages', () => {
  const identity = { family: 'C9300', line: 'NETWORK', tier: 'ADVANTAGE', variant: '24P' } as const;
  it('names the tag, the license and what matched', () => {
    expect(tagJoinedMessage('regid.t', 'C9300 24P Network Advantage', identity)).toBe(
      "entitlement tag regid.t joined to license 'C9300 24P Network Advantage' by family (C9300), line (Network), tier (Advantage) and port variant (24P); if wrong, correct it with a license catalog CSV",
    );
    expect(
      tagAmbiguousMessage('regid.t', ['A', 'B', 'C'], {
        ...identity,
        variant: null,
        family: 'C9500',
      }),
    ).toBe(
      "entitlement tag regid.t not joined: licenses 'A', 'B' and 'C' all match by family (C9500), line (Network) and tier (Advantage); a license named by the tag was created; map the tag with a license catalog CSV",
    );
  });
});
