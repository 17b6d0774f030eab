import { describe, expect, it } from 'vitest';

import { positionLine } from '../position/position.js';

import { exampleInput, exampleLine, exampleLot, findingsOf } from './example-estate.js';
import { findings } from './findings.js';

const pak = exampleLot({
  id: 9,
  virtualAccountId: 1,
  licenseId: 12,
  quantity: 10,
  source: 'CLASSIC_PAK',
  pakNumber: 'PAK-3301',
  sku: 'L-ASR1K-AES',
});

describe('UNCONVERTED_PAK', () => {
  it('shows the smart-only balance and the balance once converted', () => {
    const input = exampleInput({
      positionLines: [exampleLine(1, 12, { ownedSmart: 5, ownedClassic: 10, consumed: 12 })],
      lots: [exampleLot({ id: 1, virtualAccountId: 1, licenseId: 12, quantity: 5 }), pak],
    });
    const [finding, ...rest] = findings(input);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'UNCONVERTED_PAK',
      severity: 'medium',
      quantity: 10,
      facts: { smartOnlyBalance: -7, unifiedBalance: 3 },
      message:
        'Campus: 10 × Router Base on classic PAK PAK-3301 not converted (smart-only balance -7, 3 once converted): convert them to clear the shortfall the Smart Account shows.',
    });
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'lot', id: '9', pakNumber: 'PAK-3301', sku: 'L-ASR1K-AES' }),
    );
  });

  it('gives the same balances from a smart-only position, rated low when covered', () => {
    const smartOnly = positionLine(
      {
        virtualAccountId: 1,
        licenseId: 12,
        ownedSmart: 5,
        ownedClassic: 10,
        consumed: 4,
        reserved: 0,
      },
      { includeClassic: false },
    );
    const input = exampleInput({ includeClassic: false, positionLines: [smartOnly], lots: [pak] });
    const [finding] = findingsOf(findings(input), 'UNCONVERTED_PAK');
    expect(finding).toMatchObject({
      severity: 'low',
      facts: { smartOnlyBalance: 1, unifiedBalance: 11 },
    });
  });

  it('ignores classic lots no longer active and Smart lots', () => {
    const ended = { ...pak, licenseType: 'TERM' as const, endDate: '2026-01-31' };
    const smart = { ...pak, source: 'SMART' as const };
    expect(findings(exampleInput({ lots: [ended] }))).toEqual([]);
    expect(findings(exampleInput({ lots: [smart] }))).toEqual([]);
  });
});
