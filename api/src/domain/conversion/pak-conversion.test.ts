import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import type { ConvertibleLot } from './classic-conversion.js';
import { shareConversion } from './pak-conversion.js';

const lot = (
  id: number,
  quantity: number,
  extra: Partial<ConvertibleLot> = {},
): ConvertibleLot => ({
  id,
  virtualAccountId: 4,
  quantity,
  source: 'CLASSIC_PAK',
  licenseType: 'PERPETUAL',
  startDate: null,
  endDate: null,
  ...extra,
});
const what = 'PAK 3301J4A7B2C × ISR 4300 Security (SEC)';
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
};

describe('shareConversion', () => {
  it('takes units from the lots in id order, all by default', () => {
    const lots = [lot(12, 2), lot(10, 3)];
    expect(
      shareConversion({ lots, quantity: 4, asOf: '2026-11-01', what }).map((s) => [
        s.lot.id,
        s.quantity,
      ]),
    ).toEqual([
      [10, 3],
      [12, 1],
    ]);
    expect(shareConversion({ lots, asOf: '2026-11-01', what }).map((s) => s.quantity)).toEqual([
      3, 2,
    ]);
  });

  it('skips lots already converted, and refuses more than remains', () => {
    const lots = [lot(10, 3, { supersededOn: '2026-10-01' }), lot(11, 2)];
    expect(codeOf(() => shareConversion({ lots, quantity: 3, asOf: '2026-11-01', what }))).toBe(
      'EXCEEDS_PAK: cannot convert 3 for PAK 3301J4A7B2C × ISR 4300 Security (SEC): 2 remain',
    );
  });

  it('tells an unknown PAK from one with nothing left', () => {
    expect(codeOf(() => shareConversion({ lots: [], asOf: '2026-11-01', what }))).toBe(
      'UNKNOWN_PAK: no classic PAK licenses for PAK 3301J4A7B2C × ISR 4300 Security (SEC)',
    );
    expect(
      codeOf(() =>
        shareConversion({
          lots: [lot(10, 3, { supersededOn: '2026-10-01' })],
          asOf: '2026-11-01',
          what,
        }),
      ),
    ).toMatch(/^NOTHING_TO_CONVERT: nothing left to convert/);
  });
});
