import { describe, expect, it } from 'vitest';

import { formatIssue } from '../issues.js';
import type { LedgerRecord } from '../records.js';

import { parseCssmLicensesCsv } from './licenses-csv.js';
import { runParser, type RunOptions } from './run-parser.js';

/** Writes rows as CSV, every cell quoted (as CSSM and Excel do when a cell needs it). */
function csv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

async function run(text: string, options: RunOptions = {}) {
  const result = await runParser(parseCssmLicensesCsv, text, { fileName: 'lic.csv', ...options });
  return { records: result.records as LedgerRecord[], issues: result.issues.map(formatIssue) };
}

// The §1.3 sample of reference/cisco-formats.md (invented values, inferred headers).
const SAMPLE = `"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts","License Type","Start Date","Expiration Date","Subscription ID","Product SKU"
"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2","Insufficient Licenses","Term","2025-02-01","2028-01-31","Sub7001234","C9200-DNA-E-24-3Y"
"Sales-West","C9200 24P Network Essentials","Prepaid","12","12","","0","","Perpetual","","","","C9200-NW-E-24"
`;

const SAMPLE_RECORDS: LedgerRecord[] = [
  {
    kind: 'ledger',
    at: { line: 2, column: 1 },
    virtualAccount: 'Sales-West',
    license: 'C9200 24P DNA Essentials, 3Y Term',
    entitlementTag: null,
    owned: 10,
    consumed: 12,
    reserved: null,
    billingType: 'PREPAID',
    lots: [
      {
        quantity: 10,
        licenseType: 'TERM',
        startDate: '2025-02-01',
        endDate: '2028-01-31',
        subscriptionId: 'Sub7001234',
        orderNumber: null,
        sku: 'C9200-DNA-E-24-3Y',
      },
    ],
  },
  {
    kind: 'ledger',
    at: { line: 3, column: 1 },
    virtualAccount: 'Sales-West',
    license: 'C9200 24P Network Essentials',
    entitlementTag: null,
    owned: 12,
    consumed: 12,
    reserved: null,
    billingType: 'PREPAID',
    lots: [
      {
        quantity: 12,
        licenseType: 'PERPETUAL',
        startDate: null,
        endDate: null,
        subscriptionId: null,
        orderNumber: null,
        sku: 'C9200-NW-E-24',
      },
    ],
  },
];

const SUMMARY = [
  [
    'Virtual Account',
    'License',
    'Billing',
    'Purchased',
    'In Use',
    'Substitution',
    'Balance',
    'Alerts',
  ],
  ['Sales-West', 'C9300 24P Network Advantage', 'Prepaid', '20', '18', '', '2', ''],
  [
    'Sales-East',
    'C9300 24P Network Advantage',
    'Prepaid',
    '5',
    '7',
    '',
    '-2',
    'Insufficient Licenses',
  ],
];

describe('parseCssmLicensesCsv', () => {
  it('reads the reference sample: quoted commas, detail columns, one lot per license', async () => {
    expect(await run(SAMPLE)).toEqual({ records: SAMPLE_RECORDS, issues: [] });
  });

  it('reads the same records with or without BOM, comma or semicolon, in 7-byte chunks', async () => {
    const rows = SAMPLE.trim()
      .split('\n')
      .map((line) => JSON.parse(`[${line}]`) as string[]);
    for (const text of [SAMPLE, `\ufeff${SAMPLE}`, csv(rows, ';'), `\ufeff${csv(rows, ';')}`]) {
      expect((await run(text)).records).toEqual(SAMPLE_RECORDS);
      expect((await run(text, { chunkSize: 7 })).records).toEqual(SAMPLE_RECORDS);
    }
  });

  it('streams multibyte names cut across 7-byte chunks', async () => {
    const text = csv([
      ['Virtual Account', 'License', 'Purchased', 'In Use'],
      ['Zürich—Ops', 'Catalyst «Essentials», 5Y 😀', '3', '1'],
    ]);
    const { records } = await run(text, { chunkSize: 7 });
    expect(records.map((r) => [r.virtualAccount, r.license])).toEqual([
      ['Zürich—Ops', 'Catalyst «Essentials», 5Y 😀'],
    ]);
  });

  it('reads a summary export: one record per VA × license, no lots', async () => {
    const { records, issues } = await run(csv(SUMMARY));
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.virtualAccount, r.license, r.owned, r.consumed, r.lots])).toEqual([
      ['Sales-West', 'C9300 24P Network Advantage', 20, 18, []],
      ['Sales-East', 'C9300 24P Network Advantage', 5, 7, []],
    ]);
  });

  it.each([
    ['Purchased', 'In Use'],
    ['Available to Use', 'Used'],
    ['Quantity', 'Consumed'],
    [' owned ', 'IN USE'],
  ])('accepts %j and %j for owned and in use', async (owned, inUse) => {
    const { records } = await run(
      csv([
        ['License', inUse, owned],
        ['L1', '4', '9'],
      ]),
      {
        virtualAccount: 'Default',
      },
    );
    expect(records.map((r) => [r.virtualAccount, r.owned, r.consumed])).toEqual([
      ['Default', 9, 4],
    ]);
  });

  it.each([
    ['Entitlement Tag', 'Expiration Date', 'Product SKU'],
    ['Tag', 'End Date', 'SKU'],
  ])('accepts %j, %j and %j', async (tag, end, sku) => {
    const header = ['License', 'Purchased', 'In Use', 'Reserved', tag, end, 'Start Date', sku];
    const row = ['L1', '5', '2', '1', 'regid.x', 'Sep 30, 2027', '2024-Oct-01', 'SKU-1'];
    const { records, issues } = await run(csv([header, row]), { virtualAccount: 'VA' });
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ entitlementTag: 'regid.x', reserved: 1 });
    expect(records[0]?.lots).toEqual([
      {
        quantity: 5,
        licenseType: 'TERM',
        startDate: '2024-10-01',
        endDate: '2027-09-30',
        subscriptionId: null,
        orderNumber: null,
        sku: 'SKU-1',
      },
    ]);
  });

  it('groups detail rows into lots per VA × license, wherever the rows are', async () => {
    const header = ['Virtual Account', 'License', 'Purchased', 'In Use', 'Balance'];
    const lotHeader = [
      'License Type',
      'Start Date',
      'End Date',
      'Quantity Purchased',
      'Order Number',
    ];
    const { records, issues } = await run(
      csv([
        [...header, ...lotHeader],
        ['VA1', 'DNA Adv', '15', '12', '3', 'Term', '2024-01-01', '2027-Jan-01', '10', 'O-1'],
        ['VA2', 'DNA Adv', '4', '0', '4', 'Term', '2024-01-01', '2027-01-01', '4', 'O-2'],
        ['VA1', 'DNA Adv', '', '', '', 'Subscription', '2025-02-01T00:00:00Z', '', '5', 'O-3'],
      ]),
    );
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.virtualAccount, r.owned, r.consumed, r.at.line])).toEqual([
      ['VA1', 15, 12, 2],
      ['VA2', 4, 0, 3],
    ]);
    expect(records[0]?.lots.map((lot) => [lot.quantity, lot.licenseType, lot.orderNumber])).toEqual(
      [
        [10, 'TERM', 'O-1'],
        [5, 'TERM', 'O-3'],
      ],
    );
  });

  it('warns when Balance disagrees with owned − in use, at the Balance cell', async () => {
    const rows = SUMMARY.map((row) => [...row]);
    rows[2]![6] = '2';
    const { records, issues } = await run(csv(rows));
    expect(records).toHaveLength(2);
    expect(issues).toEqual([
      'lic.csv:3:7: warning: Balance 2 disagrees with Purchased 5 − In Use 7 = -2 for ' +
        '"C9300 24P Network Advantage" in "Sales-East"; using -2',
    ]);
  });

  it('warns when the lots do not add up to Purchased', async () => {
    const text = csv([
      ['License', 'Purchased', 'In Use', 'Quantity Purchased'],
      ['L1', '10', '0', '4'],
      ['L1', '10', '0', '5'],
    ]);
    const { records, issues } = await run(text, { virtualAccount: 'VA' });
    expect(records[0]?.owned).toBe(10);
    expect(issues).toEqual([
      'lic.csv:2:4: warning: the lots of "L1" in "VA" add up to 9, but Purchased is 10',
    ]);
  });

  it('uses context.virtualAccount for a one-VA export, and needs one or the column', async () => {
    const text = csv([
      ['License', 'Purchased', 'In Use'],
      ['L1', '1', '1'],
    ]);
    expect((await run(text, { virtualAccount: 'Only-VA' })).records[0]?.virtualAccount).toBe(
      'Only-VA',
    );
    expect(await run(text)).toEqual({
      records: [],
      issues: [
        'lic.csv:1:1: missing column "Virtual Account": this export does not name its Virtual ' +
          'Account, so say which Virtual Account it was exported from',
      ],
    });
  });

  it('reports an empty file, and reads a header-only file as no records', async () => {
    expect(await run('')).toEqual({ records: [], issues: ['lic.csv:1:1: the file is empty'] });
    expect(await run('\ufeff\r\n\r\n')).toEqual({
      records: [],
      issues: ['lic.csv:1:1: the file is empty'],
    });
    expect(await run('License,Purchased,In Use\r\n', { virtualAccount: 'VA' })).toEqual({
      records: [],
      issues: [],
    });
  });

  it('reports a missing required column by name, listing the columns found', async () => {
    const { records, issues } = await run(
      csv([
        ['Virtual Account', 'License', 'Purchased'],
        ['a', 'b', '1'],
      ]),
    );
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'lic.csv:1:1: missing column "In Use" (or "Used", "Consumed"); the columns found are ' +
        '"Virtual Account", "License", "Purchased"',
    ]);
  });

  it('reports bad cells at their exact line and column', async () => {
    const text = csv([
      ['Virtual Account', 'License', 'Purchased', 'In Use', 'Start Date', 'Expiration Date'],
      ['VA', 'L1', 'ten', '1', '', ''],
      ['VA', 'L2', '3', '-1', '', ''],
      ['VA', 'L3', '3', '1.5', '', ''],
      ['VA', 'L4', '3', '1', '2027-01-01', '2026-Dec-31'],
      ['VA', 'L5', '3', '1', '2027-01-01', '31.12.2027'],
      ['VA', '', '3', '1', '', ''],
    ]);
    const { records, issues } = await run(text);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'lic.csv:2:3: Purchased "ten" is not a whole number',
      'lic.csv:3:4: In Use -1 is negative',
      'lic.csv:4:4: In Use 1.5 is not a whole number',
      'lic.csv:5:6: end date 2026-12-31 is before start date 2027-01-01',
      'lic.csv:6:6: Expiration Date "31.12.2027" is not a date (use 2027-09-30, 2027-Sep-30 or Sep 30, 2027)',
      'lic.csv:7:2: License is blank',
    ]);
  });

  it('reports a VA × license repeated in a summary export at the repeat', async () => {
    const { records, issues } = await run(csv([...SUMMARY, SUMMARY[1]!]));
    expect(records).toHaveLength(2);
    expect(issues).toEqual([
      'lic.csv:4:1: "C9300 24P Network Advantage" in "Sales-West" appears again (first on line 2)',
    ]);
  });

  it('reports a license given two different tags', async () => {
    const text = csv([
      ['Virtual Account', 'License', 'Tag', 'Purchased', 'In Use'],
      ['VA1', 'L1', 'regid.a', '1', '0'],
      ['VA2', 'L1', 'regid.a', '1', '0'],
      ['VA3', 'L1', 'regid.b', '1', '0'],
    ]);
    const { records, issues } = await run(text);
    expect(records.map((r) => r.virtualAccount)).toEqual(['VA1', 'VA2']);
    expect(issues).toEqual(['lic.csv:4:3: "L1" has tag "regid.b" here but "regid.a" on line 2']);
  });

  it('reports detail rows that disagree on Purchased, and lots that cannot be sized', async () => {
    const text = csv([
      ['Virtual Account', 'License', 'Purchased', 'In Use', 'License Type'],
      ['VA', 'L1', '5', '1', 'Perpetual'],
      ['VA', 'L1', '6', '1', 'Perpetual'],
      ['VA', 'L2', '5', '1', 'Perpetual'],
      ['VA', 'L2', '', '', 'Forever'],
      ['VA', 'L3', '5', '1', 'Perpetual'],
      ['VA', 'L3', '5', '1', 'Term'],
    ]);
    const { records, issues } = await run(text);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'lic.csv:3:3: Purchased 6 differs from 5 stated on line 2 for "L1" in "VA"',
      'lic.csv:5:5: License Type "Forever" is not one of Term, Perpetual, Subscription, Demo, Evaluation',
      'lic.csv:6:1: "L3" in "VA" has 2 lots but this one states no Quantity Purchased',
    ]);
  });
});
