import { describe, expect, it } from 'vitest';

import { identifyLicense } from './identity.js';
import { baseRequirement, satisfiesRequirement, type RelatedLicense } from './relation.js';

const tag = (body: string) =>
  `regid.2017-03.com.cisco.${body},1.0_0f2d6c1e-5a7b-4c59-9d1a-1b2c3d4e5f60`;

let nextId = 1;
function license(name: string, more: Partial<RelatedLicense> = {}): RelatedLicense {
  return { id: nextId++, name, kind: 'BASE', requiredBaseLicenseId: null, ...more };
}

function fits(addOn: RelatedLicense, base: RelatedLicense, all: RelatedLicense[] = []): boolean {
  const byId = new Map([addOn, base, ...all].map((l) => [l.id, l]));
  return satisfiesRequirement(
    baseRequirement(addOn, (id) => byId.get(id)),
    base,
  );
}

describe('identifyLicense', () => {
  it('reads family, line, tier and port variant from names, tags and SKUs', () => {
    expect(identifyLicense({ name: 'C9300 24P DNA Essentials, 3Y Term' })).toEqual({
      family: 'C9300',
      line: 'DNA',
      tier: 'ESSENTIALS',
      variant: '24P',
    });
    expect(identifyLicense({ name: 'x', entitlementTag: tag('C9300_48P_DNA_Advantage') })).toEqual({
      family: 'C9300',
      line: 'DNA',
      tier: 'ADVANTAGE',
      variant: '48P',
    });
    expect(identifyLicense({ name: 'unnamed', sku: 'C9300-DNA-E-24-3Y' })).toEqual({
      family: 'C9300',
      line: 'DNA',
      tier: 'ESSENTIALS',
      variant: '24',
    });
    expect(identifyLicense({ name: 'C9300-48 Network Advantage' })).toEqual({
      family: 'C9300',
      line: 'NETWORK',
      tier: 'ADVANTAGE',
      variant: '48',
    });
  });

  it('reads routing throughput tiers and wireless stacks', () => {
    expect(identifyLicense({ name: 'Routing DNA Advantage: Tier 2, 3Y Term' })).toEqual({
      family: 'ROUTING',
      line: 'DNA',
      tier: 'ADVANTAGE',
      variant: 'T2',
    });
    expect(identifyLicense({ name: 'x', entitlementTag: tag('ESR_P_2.5G_P') })).toEqual({
      family: 'ROUTING',
      line: 'NETWORK',
      tier: 'PREMIER',
      variant: '2.5G',
    });
    expect(identifyLicense({ name: 'AIR Network Essentials', sku: 'AIR-DNA-NWSTACK-E' })).toEqual({
      family: 'AIR',
      line: 'NETWORK',
      tier: 'ESSENTIALS',
      variant: null,
    });
  });

  it('does not place licenses outside the Network ↔ DNA families', () => {
    for (const name of [
      'ISE Advantage, 3Y Term',
      'NX-OS Advantage for Nexus 9300',
      'HSEC Throughput License (HSECK9)',
      'Cisco DNA Advantage',
    ]) {
      expect(identifyLicense({ name }), name).toBeNull();
    }
  });
});

describe('base requirement', () => {
  const ne = license('C9300 Network Essentials');
  const na = license('C9300 Network Advantage');

  it('accepts the same port variant, a family-level base and any higher tier', () => {
    const dnaE24 = license('C9300 24P DNA Essentials, 3Y Term', { kind: 'ADD_ON' });
    expect(fits(dnaE24, license('C9300 24P Network Essentials'))).toBe(true);
    expect(fits(dnaE24, ne)).toBe(true);
    expect(fits(dnaE24, na)).toBe(true);
    expect(fits(dnaE24, license('C9300 48P Network Essentials'))).toBe(false);
    expect(fits(dnaE24, license('C9200 Network Essentials'))).toBe(false);
    expect(fits(dnaE24, license('C9300 24P DNA Advantage, 3Y Term'))).toBe(false);
  });

  it('needs Network Advantage for DNA Advantage and Premier', () => {
    const dnaA = license('C9300 48P DNA Advantage, 5Y Term');
    expect(fits(dnaA, ne)).toBe(false);
    expect(fits(dnaA, na)).toBe(true);
    const dnaP = license('x', { entitlementTag: tag('DNA_P_2.5G_P') });
    expect(fits(dnaP, license('y', { entitlementTag: tag('ESR_P_2.5G_P') }))).toBe(true);
    expect(fits(dnaP, license('y', { entitlementTag: tag('ESR_E_2.5G_E') }))).toBe(false);
  });

  it('matches routing boost tiers and wireless stacks', () => {
    const t2 = license('Routing DNA Advantage: Tier 2, 5Y Term', { kind: 'ADD_ON' });
    expect(fits(t2, license('Routing Network Advantage: Tier 2'))).toBe(true);
    expect(fits(t2, license('Routing Network Advantage: Tier 1'))).toBe(false);
    expect(fits(license('AIR DNA Essentials, 3Y Term'), license('AIR Network Essentials'))).toBe(
      true,
    );
  });

  it('reads an add-on missing from the catalog (imported as BASE) by the rules', () => {
    const imported = license('C9300 24P DNA Essentials, 3Y Term', { kind: 'BASE' });
    expect(baseRequirement(imported, () => undefined)).toMatchObject({ kind: 'RULE' });
  });

  it('takes the catalog CSV base as an override, with higher tiers of it', () => {
    const ftdBase = license('Firepower 2100 Threat Defense Base');
    const threat = license('FPR2100 Threat Protection', {
      kind: 'ADD_ON',
      requiredBaseLicenseId: ftdBase.id,
    });
    expect(fits(threat, ftdBase)).toBe(true);
    expect(fits(threat, na)).toBe(false);
    const dna = license('C9300 24P DNA Essentials, 3Y Term', {
      kind: 'ADD_ON',
      requiredBaseLicenseId: ne.id,
    });
    expect(fits(dna, ne)).toBe(true);
    expect(fits(dna, na, [ne])).toBe(true);
    expect(fits(dna, license('C9300 24P Network Essentials'), [ne])).toBe(true);
    // A customer who says the base is Network Advantage is believed over the rule.
    const strict = license('C9300 24P DNA Essentials, 3Y Term', {
      requiredBaseLicenseId: na.id,
    });
    expect(fits(strict, ne, [na])).toBe(false);
  });

  it('knows no base for an add-on it cannot read, and none is needed by a base', () => {
    expect(baseRequirement(license('Mystery Add-on', { kind: 'ADD_ON' }), () => undefined)).toEqual(
      { kind: 'UNKNOWN' },
    );
    expect(baseRequirement(ne, () => undefined)).toEqual({ kind: 'NONE' });
  });
});
