import { describe, expect, it } from 'vitest';

import { fromGlobalId, toGlobalId } from './global-id.js';

describe('global ids', () => {
  it('is base64 of Type:id', () => {
    // "VirtualAccount:7" in base64, written by hand with `printf VirtualAccount:7 | base64`.
    expect(toGlobalId('VirtualAccount', 7)).toBe('VmlydHVhbEFjY291bnQ6Nw==');
    expect(fromGlobalId('VmlydHVhbEFjY291bnQ6Nw==')).toEqual({ type: 'VirtualAccount', id: 7 });
  });

  it('round-trips every node type', () => {
    for (const type of ['SmartAccount', 'VirtualAccount', 'License'] as const) {
      expect(fromGlobalId(toGlobalId(type, 123))).toEqual({ type, id: 123 });
    }
  });

  it('reads anything else as no id', () => {
    for (const bad of [
      '',
      '7',
      'not base64!',
      btoa('Scenario:1'),
      btoa('License:'),
      btoa('License:0'),
      btoa('License:1x'),
      btoa('License:99999999999999999'),
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });
});
