import { describe, expect, it } from 'vitest';

import { licensePositions } from '../position/license-position.js';

import { exampleInput, exampleLine, exampleLot, findingsOf } from './example-estate.js';
import { findings } from './findings.js';

// Branch (id 2) holds only classic PAK units (as a PAK CSV without a VA column lands them);
// Campus (id 1) is short 3 and Lab (id 3) has 1 Smart unit spare.
const lines = [
  exampleLine(1, 12, { ownedSmart: 2, consumed: 5 }), // Campus short 3
  exampleLine(2, 12, { ownedSmart: 0, ownedClassic: 4, consumed: 0 }), // Branch: 4 classic, surplus 4
  exampleLine(3, 12, { ownedSmart: 1, consumed: 0 }), // Lab: 1 Smart surplus
];
const lots = [
  exampleLot({ id: 1, virtualAccountId: 1, licenseId: 12, quantity: 2 }),
  exampleLot({
    id: 2,
    virtualAccountId: 2,
    licenseId: 12,
    quantity: 4,
    source: 'CLASSIC_PAK',
    pakNumber: 'PAK-7702',
  }),
  exampleLot({ id: 3, virtualAccountId: 3, licenseId: 12, quantity: 1 }),
];

describe('classic PAK surplus is not movable', () => {
  it('counts only Smart surplus as curable by reallocation, the classic part as curable by conversion', () => {
    expect(licensePositions(lines)).toEqual([
      expect.objectContaining({
        grossShortfall: 3,
        netShortfall: 0,
        grossSurplus: 5,
        movableSurplus: 1,
        curableByReallocation: 1,
        curableByConversion: 2,
      }),
    ]);
  });

  it('tells the short Virtual Account to move the Smart unit and convert the PAK units into it', () => {
    const [finding, ...rest] = findingsOf(
      findings(exampleInput({ positionLines: lines, lots })),
      'INSUFFICIENT_LICENSES',
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      virtualAccountName: 'Campus',
      quantity: 3,
      severity: 'high',
      facts: { shortfall: 3, curableByReallocation: 1, curableByConversion: 2, needsPurchase: 0 },
      message:
        'Campus is short 3 × Router Base (owns 2, consumes 5): move 1 from Lab and convert 2 from classic PAK PAK-7702 (in Branch) into Campus; no purchase needed.',
    });
  });

  it('never proposes moving classic units when they are the only surplus', () => {
    const onlyClassic = [lines[0]!, lines[1]!];
    const [finding] = findingsOf(
      findings(exampleInput({ positionLines: onlyClassic, lots: lots.slice(0, 2) })),
      'INSUFFICIENT_LICENSES',
    );
    expect(finding).toMatchObject({
      facts: { shortfall: 3, curableByReallocation: 0, curableByConversion: 3, needsPurchase: 0 },
      message:
        'Campus is short 3 × Router Base (owns 2, consumes 5): convert 3 from classic PAK PAK-7702 (in Branch) into Campus; no purchase needed.',
    });
  });

  it('says in the PAK finding how many units converting would cure, and into which Virtual Account', () => {
    const [finding] = findingsOf(
      findings(exampleInput({ positionLines: lines, lots })),
      'UNCONVERTED_PAK',
    );
    expect(finding).toMatchObject({
      virtualAccountName: 'Branch',
      quantity: 4,
      facts: {
        smartOnlyBalance: 0,
        unifiedBalance: 4,
        curesShortfall: 2,
        convertInto: [{ virtualAccountId: 1, virtualAccountName: 'Campus', quantity: 2 }],
      },
      message:
        'Branch: 4 × Router Base on classic PAK PAK-7702 not converted (smart-only balance 0, 4 once converted): converting 2 into Campus would cure its shortfall.',
    });
  });
});
