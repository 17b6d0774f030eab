import { describe, expect, it } from 'vitest';

import { exampleInput, exampleLine, findingsOf } from './example-estate.js';
import { findings } from './findings.js';

const lines = [
  exampleLine(1, 10, { ownedSmart: 10, consumed: 25 }), // Campus short 15
  exampleLine(2, 10, { ownedSmart: 30, consumed: 20 }), // Branch surplus 10
  exampleLine(3, 10, { ownedSmart: 0, consumed: 5 }), // Lab short 5
];

describe('INSUFFICIENT_LICENSES', () => {
  it('splits each shortfall into what reallocation cures and what must be bought', () => {
    const result = findingsOf(
      findings(exampleInput({ positionLines: lines })),
      'INSUFFICIENT_LICENSES',
    );
    expect(result.map((f) => [f.virtualAccountName, f.quantity, f.facts])).toEqual([
      [
        'Campus',
        15,
        { shortfall: 15, curableByReallocation: 10, curableByConversion: 0, needsPurchase: 5 },
      ],
      [
        'Lab',
        5,
        { shortfall: 5, curableByReallocation: 0, curableByConversion: 0, needsPurchase: 5 },
      ],
    ]);
    expect(result[0]?.message).toBe(
      'Campus is short 15 × DNA Essentials (owns 10, consumes 25): move 10 from Branch and buy 5.',
    );
    expect(result[1]?.message).toBe(
      'Lab is short 5 × DNA Essentials (owns 0, consumes 5): the surplus in Branch goes to larger shortfalls; buy 5.',
    );
    expect(result.every((f) => f.severity === 'critical')).toBe(true);
  });

  it('cures the largest shortfall first, ties by Virtual Account name', () => {
    const tied = [
      exampleLine(1, 10, { ownedSmart: 0, consumed: 4 }), // Campus short 4
      exampleLine(2, 10, { ownedSmart: 0, consumed: 4 }), // Branch short 4
      exampleLine(3, 10, { ownedSmart: 6, consumed: 0 }), // Lab surplus 6
    ];
    const result = findingsOf(
      findings(exampleInput({ positionLines: tied })),
      'INSUFFICIENT_LICENSES',
    );
    const byName = Object.fromEntries(result.map((f) => [f.virtualAccountName, f.facts]));
    expect(byName['Branch']).toMatchObject({ curableByReallocation: 4, needsPurchase: 0 });
    expect(byName['Campus']).toMatchObject({ curableByReallocation: 2, needsPurchase: 2 });
  });

  it('rates a shortfall that reallocation fully cures high, and names the donors', () => {
    const result = findings(
      exampleInput({
        positionLines: [
          exampleLine(1, 12, { ownedSmart: 0, consumed: 3 }),
          exampleLine(2, 12, { ownedSmart: 2, consumed: 0 }),
          exampleLine(3, 12, { ownedSmart: 2, consumed: 0 }),
        ],
      }),
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      code: 'INSUFFICIENT_LICENSES',
      severity: 'high',
      licenseName: 'Router Base',
      message:
        'Campus is short 3 × Router Base (owns 0, consumes 3): move 3 from Branch and Lab; no purchase needed.',
    });
    expect(result[0]?.evidence.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'positionLine:1:12',
      'positionLine:2:12',
      'positionLine:3:12',
    ]);
  });

  it('says so when nothing in the account can cure it', () => {
    const [finding] = findings(
      exampleInput({ positionLines: [exampleLine(1, 10, { ownedSmart: 1, consumed: 3 })] }),
    );
    expect(finding?.message).toContain('no surplus elsewhere in the account; buy 2.');
    expect(finding?.evidence).toHaveLength(1);
  });

  it('reports nothing when every Virtual Account is covered', () => {
    const covered = [
      exampleLine(1, 10, { ownedSmart: 10, consumed: 10 }),
      exampleLine(2, 10, { ownedSmart: 30, consumed: 20 }),
    ];
    expect(findings(exampleInput({ positionLines: covered }))).toEqual([]);
  });
});
