import { describe, expect, it } from 'vitest';

import { DomainError } from '../../domain/index.js';
import { LicenseType } from '../account/enums.js';

import { toSetPriceCommand } from './money.mapper.js';
import type { SetPriceInput } from './money.type.js';

const input = (licenseType: LicenseType | null): SetPriceInput =>
  ({
    smartAccountId: btoa('SmartAccount:1'), // the global id of Smart Account 1
    license: 'UCM Enhanced License',
    currency: 'USD',
    licenseType,
    listPrice: '120.00',
  }) as SetPriceInput;

describe('toSetPriceCommand', () => {
  it('keeps TERM and PERPETUAL, and none by default (the price follows the license)', () => {
    expect(toSetPriceCommand(input(LicenseType.PERPETUAL)).licenseType).toBe('PERPETUAL');
    expect(toSetPriceCommand(input(null)).licenseType).toBeNull();
  });

  it('refuses UNKNOWN: it is a lot’s type, never a price’s', () => {
    expect(() => toSetPriceCommand(input(LicenseType.UNKNOWN))).toThrow(DomainError);
    expect(() => toSetPriceCommand(input(LicenseType.UNKNOWN))).toThrow(
      'a price is for TERM or PERPETUAL licenses, not UNKNOWN',
    );
  });
});
