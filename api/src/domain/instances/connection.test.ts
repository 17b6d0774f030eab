import { describe, expect, it } from 'vitest';

import { mostSpecificConnection, resolveConnection, type ConnectionFacts } from './connection.js';

const facts = (overrides: Partial<ConnectionFacts<string>>): ConnectionFacts<string> => ({
  stated: null,
  satellite: null,
  sourceSatellite: null,
  stored: null,
  ...overrides,
});

describe('resolveConnection', () => {
  it('registers a new device as stated, DIRECT_CLOUD when nothing is stated', () => {
    expect(resolveConnection(facts({}))).toEqual({ mode: 'DIRECT_CLOUD', satellite: null });
    expect(resolveConnection(facts({ stated: 'SLR' }))).toEqual({ mode: 'SLR', satellite: null });
    expect(resolveConnection(facts({ stated: 'PLR' }))).toEqual({ mode: 'PLR', satellite: null });
    expect(resolveConnection(facts({ stated: 'ONLINE' }))).toEqual({
      mode: 'DIRECT_CLOUD',
      satellite: null,
    });
    expect(resolveConnection(facts({ stated: 'ON_PREM' }))).toEqual({
      mode: 'ON_PREM',
      satellite: null,
    });
  });

  it('keeps what is stored when the source states nothing', () => {
    for (const stored of [
      { mode: 'SLR', satellite: null },
      { mode: 'PLR', satellite: null },
      { mode: 'ON_PREM', satellite: 'ssm-1' },
    ] as const) {
      expect(resolveConnection(facts({ stored }))).toEqual(stored);
    }
  });

  it('puts a device on the satellite its row or its On-Prem import names, unless reserved', () => {
    expect(resolveConnection(facts({ satellite: 'ssm-1' }))).toEqual({
      mode: 'ON_PREM',
      satellite: 'ssm-1',
    });
    expect(resolveConnection(facts({ sourceSatellite: 'ssm-2', stated: 'ONLINE' }))).toEqual({
      mode: 'ON_PREM',
      satellite: 'ssm-2',
    });
    // The row's own satellite wins over the import's host.
    expect(resolveConnection(facts({ satellite: 'ssm-1', sourceSatellite: 'ssm-2' }))).toEqual({
      mode: 'ON_PREM',
      satellite: 'ssm-1',
    });
    expect(
      resolveConnection(
        facts({ sourceSatellite: 'ssm-2', stored: { mode: 'DIRECT_CLOUD', satellite: null } }),
      ),
    ).toEqual({ mode: 'ON_PREM', satellite: 'ssm-2' });
    expect(resolveConnection(facts({ stated: 'SLR', sourceSatellite: 'ssm-2' }))).toEqual({
      mode: 'SLR',
      satellite: 'ssm-2',
    });
  });

  it('leaves an On-Prem device on its satellite for a bare "Smart Licensing", and ends a reservation', () => {
    const onPrem = { mode: 'ON_PREM', satellite: 'ssm-1' } as const;
    expect(resolveConnection(facts({ stated: 'ONLINE', stored: onPrem }))).toEqual(onPrem);
    expect(resolveConnection(facts({ stated: 'ON_PREM', stored: onPrem }))).toEqual(onPrem);
    expect(
      resolveConnection(facts({ stated: 'ONLINE', stored: { mode: 'SLR', satellite: null } })),
    ).toEqual({ mode: 'DIRECT_CLOUD', satellite: null });
    expect(resolveConnection(facts({ stated: 'DIRECT_CLOUD', stored: onPrem }))).toEqual({
      mode: 'DIRECT_CLOUD',
      satellite: null,
    });
  });
});

describe('mostSpecificConnection', () => {
  it('prefers a reservation, then a satellite, then direct cloud, then a bare registration', () => {
    expect(mostSpecificConnection([])).toBeNull();
    expect(mostSpecificConnection([null, null])).toBeNull();
    expect(mostSpecificConnection(['ONLINE', 'DIRECT_CLOUD'])).toBe('DIRECT_CLOUD');
    expect(mostSpecificConnection(['DIRECT_CLOUD', 'ON_PREM', 'ONLINE'])).toBe('ON_PREM');
    expect(mostSpecificConnection(['ON_PREM', null, 'SLR'])).toBe('SLR');
    expect(mostSpecificConnection(['PLR', 'SLR'])).toBe('PLR');
  });
});
