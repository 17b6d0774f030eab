import { describe, expect, it } from 'vitest';

import { IssueCollector } from '../issues.js';
import type { IngestRecord } from '../records.js';

import { parsePriceBookCsv } from './price-book-csv.js';

async function parse(text: string) {
  const issues = new IssueCollector('prices.csv');
  const records: IngestRecord[] = [];
  async function* input() {
    yield text;
  }
  for await (const record of parsePriceBookCsv(input(), { fileName: 'prices.csv', issues }))
    records.push(record);
  return { records, issues: issues.issues };
}

describe('parsePriceBookCsv', () => {
  it('reads prices as minor units and rates as basis points', async () => {
    const { records, issues } = await parse(
      [
        'License,Currency,List Price,Discount,Support Rate,License Type,EA Suite,EA Price,Valid From',
        'DNA Advantage,usd,1200.5,37.5%,,Term,DNA for Switching,700,2026-01-01',
        'Network Advantage,EUR,999,12,22 %,perpetual,,,',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'price',
        at: { line: 2, column: 1 },
        license: 'DNA Advantage',
        currency: 'USD',
        licenseType: 'TERM',
        listPriceMinor: 120050n,
        discountBasisPoints: 3750,
        supportRateBasisPoints: 0,
        eaSuite: 'DNA for Switching',
        inEnterpriseAgreement: true,
        eaUnitPriceMinor: 70000n,
        validFrom: '2026-01-01',
      },
      {
        kind: 'price',
        at: { line: 3, column: 1 },
        license: 'Network Advantage',
        currency: 'EUR',
        licenseType: 'PERPETUAL',
        listPriceMinor: 99900n,
        discountBasisPoints: 1200,
        supportRateBasisPoints: 2200,
        eaSuite: null,
        inEnterpriseAgreement: false,
        eaUnitPriceMinor: null,
        validFrom: null,
      },
    ]);
  });

  it('names the line, column and reason of every bad cell and yields nothing for bad rows', async () => {
    const { records, issues } = await parse(
      [
        'License,Currency,List Price,Discount,License Type,Valid From',
        'A,USD,12.345,10,TERM,2026-01-01',
        'B,US,10,150,LEASE,2026-02-30',
        ',USD,,,,',
        'C,USD,10,,,',
        'C,USD,11,,,',
      ].join('\n'),
    );
    expect(records.map((r) => (r.kind === 'price' ? r.license : ''))).toEqual(['C']);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual([
      '2:3 INVALID_AMOUNT',
      '3:2 UNKNOWN_VALUE',
      '3:4 INVALID_AMOUNT',
      '3:5 UNKNOWN_VALUE',
      '3:6 INVALID_DATE',
      '4:1 MISSING_VALUE',
      '4:3 MISSING_VALUE',
      '6:1 DUPLICATE_ROW',
    ]);
    expect(issues[0]?.message).toMatch(/List Price "12.345"/);
  });

  it('reports a missing required column', async () => {
    const { issues } = await parse('License,List Price\nA,1\n');
    expect(issues.map((i) => i.code)).toEqual(['MISSING_COLUMN']);
  });
});
