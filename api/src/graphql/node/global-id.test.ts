import { describe, expect, it } from 'vitest';

import { DomainError } from '../../domain/index.js';

import { NODE_TYPES, fromGlobalId, parseGlobalId, toGlobalId } from './global-id.js';

describe('global ids', () => {
  it('is base64 of Type:id', () => {
    // "VirtualAccount:7" in base64, written by hand with `printf VirtualAccount:7 | base64`.
    expect(toGlobalId('VirtualAccount', 7)).toBe('VmlydHVhbEFjY291bnQ6Nw==');
    expect(fromGlobalId('VmlydHVhbEFjY291bnQ6Nw==')).toEqual({ type: 'VirtualAccount', id: 7 });
    // `printf Entitlement:9007199254740991 | base64`: a bigint table id at the safe limit.
    expect(toGlobalId('Entitlement', Number.MAX_SAFE_INTEGER)).toBe(
      'RW50aXRsZW1lbnQ6OTAwNzE5OTI1NDc0MDk5MQ==',
    );
  });

  it('round-trips every node type', () => {
    for (const type of NODE_TYPES) {
      expect(fromGlobalId(toGlobalId(type, 123))).toEqual({ type, id: 123 });
    }
  });

  it('reads anything else as no id', () => {
    for (const bad of [
      '',
      '7',
      'not base64!',
      btoa('Widget:1'),
      btoa('License:'),
      btoa('License:0'),
      btoa('License:1x'),
      btoa('License:99999999999999999'),
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });
});

describe('parseGlobalId (inputs)', () => {
  it('gives the table id of an id of the expected type', () => {
    expect(
      parseGlobalId('VmlydHVhbEFjY291bnQ6Nw==', 'VirtualAccount', 'intoVirtualAccountId'),
    ).toBe(7);
  });

  it('refuses another type’s id, a bare number or garbage with INVALID_ID naming the field', () => {
    for (const [value, reason] of [
      ['VmlydHVhbEFjY291bnQ6Nw==', 'is a VirtualAccount id'],
      ['7', 'is not a global id'],
      ['??', 'is not a global id'],
    ] as const) {
      let thrown: unknown;
      try {
        parseGlobalId(value, 'License', 'licenseId');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'INVALID_ID', details: { field: 'licenseId' } });
      expect((thrown as Error).message).toBe(
        `licenseId must be the global id of a License (its id field); "${value}" ${reason}.`,
      );
    }
  });
});
