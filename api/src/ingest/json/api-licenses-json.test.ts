import { describe, expect, it } from 'vitest';

import { formatIssue, IssueCollector } from '../issues.js';
import type { IngestRecord } from '../records.js';

import { parseApiLicensesJson } from './api-licenses-json.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function run(text: string, options: { virtualAccount?: string; chunk?: number } = {}) {
  const issues = new IssueCollector('licenses.json');
  const records: IngestRecord[] = [];
  const input = chunked(text, options.chunk ?? 64);
  const context = { fileName: 'licenses.json', issues, virtualAccount: options.virtualAccount };
  for await (const record of parseApiLicensesJson(input, context)) records.push(record);
  return { records, issues: issues.issues.map(formatIssue) };
}

/** cisco-formats.md §2.2 (invented values). */
const V1 = `{
  "totalRecords": 2,
  "status": "SUCCESS",
  "statusMessage": "",
  "licenses": [
    {
      "license": "C9200 24P DNA Essentials, 3Y Term",
      "virtualAccount": "Sales-West",
      "quantity": 10, "inUse": 12, "available": 0, "reserved": 0, "pendingQuantity": 0,
      "status": "Out Of Compliance", "billingType": "PREPAID",
      "isPortable": false, "ahaApps": false, "licenseSubstitutions": [],
      "licenseDetails": [
        {"licenseType": "TERM", "quantity": 6, "startDate": "2025-02-01", "endDate": "2028-01-31",
         "subscriptionId": "Sub7001234", "status": "ACTIVE", "licenseSku": "C9200-DNA-E-24-3Y", "orderNumber": "109999001"},
        {"licenseType": "TERM", "quantity": 4, "startDate": "2026-05-01", "endDate": "2029-04-30",
         "subscriptionId": "Sub7001299", "status": "ACTIVE", "licenseSku": "C9200-DNA-E-24-3Y", "orderNumber": "109999047"}
      ]
    },
    {
      "license": "C9200 24P Network Essentials",
      "virtualAccount": "Sales-West",
      "quantity": 12, "inUse": 12, "available": 0, "reserved": 0, "pendingQuantity": 0,
      "status": "In Compliance", "billingType": "PREPAID",
      "isPortable": false, "ahaApps": false, "licenseSubstitutions": [],
      "licenseDetails": [
        {"licenseType": "PERPETUAL", "quantity": 12, "startDate": null, "endDate": null,
         "subscriptionId": null, "status": "ACTIVE"}
      ]
    }
  ]
}`;

const TAG =
  'regid.2019-01.com.cisco.C9200_24P_DNA_Essentials,1.0_7e1d0000-1111-4222-8333-944455556666';

/** cisco-formats.md §6 (invented values). */
const V2 = `{"status":"SUCCESS","nonce":"q1w2e3","message":"","out_standing_reports":0,
 "summary":[{"tag":"${TAG}",
   "display_name":"C9200 24P DNA Essentials, 3Y Term","entitled":10,"future_entitled":4,"inuse":12,"reserved":0,
   "compliance_status":"Out Of Compliance","enforced":false,"export_restricted":false,
   "license_details":[{"quantity":10,"start_date":"2025-02-01","end_date":"2028-01-31","subscription_id":"Sub7001234","license_type":"TERM"}]}]}`;

/** A one-license v1 response; `fields` is spliced into the license object. */
function v1(fields: string, va = 'Core-DC'): string {
  return `{"licenses":[{"license":"ISE Advantage","virtualAccount":"${va}",${fields}}]}`;
}

describe('parseApiLicensesJson', () => {
  it('reads a v1 licenses response into ledger records with their lots', async () => {
    const { records, issues } = await run(V1, { chunk: 5 });
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'ledger',
        at: { line: 6, column: 5 },
        virtualAccount: 'Sales-West',
        license: 'C9200 24P DNA Essentials, 3Y Term',
        entitlementTag: null,
        owned: 10,
        consumed: 12,
        reserved: 0,
        billingType: 'PREPAID',
        lots: [
          {
            quantity: 6,
            licenseType: 'TERM',
            startDate: '2025-02-01',
            endDate: '2028-01-31',
            subscriptionId: 'Sub7001234',
            orderNumber: '109999001',
            sku: 'C9200-DNA-E-24-3Y',
          },
          {
            quantity: 4,
            licenseType: 'TERM',
            startDate: '2026-05-01',
            endDate: '2029-04-30',
            subscriptionId: 'Sub7001299',
            orderNumber: '109999047',
            sku: 'C9200-DNA-E-24-3Y',
          },
        ],
      },
      {
        kind: 'ledger',
        at: { line: 19, column: 5 },
        virtualAccount: 'Sales-West',
        license: 'C9200 24P Network Essentials',
        entitlementTag: null,
        owned: 12,
        consumed: 12,
        reserved: 0,
        billingType: 'PREPAID',
        lots: [
          {
            quantity: 12,
            licenseType: 'PERPETUAL',
            startDate: null,
            endDate: null,
            subscriptionId: null,
            orderNumber: null,
            sku: null,
          },
        ],
      },
    ]);
  });

  it('keeps the billing type and a not-stated reserved figure as null', async () => {
    const usage = await run(v1('"quantity":0,"inUse":50,"billingType":"USAGE"'));
    expect(usage.issues).toEqual([]);
    expect(usage.records[0]).toMatchObject({ consumed: 50, reserved: null, billingType: 'USAGE' });
    const odd = await run(v1('"quantity":5,"inUse":5,"reserved":2,"billingType":"BARTER"'));
    expect(odd.records[0]).toMatchObject({ reserved: 2, billingType: null });
    expect(odd.issues).toHaveLength(1);
    expect(odd.issues[0]).toContain('unknown billing type "BARTER"');
  });

  it('reads a v2 get-summary response with the chosen Virtual Account and keeps the tag', async () => {
    const { records, issues } = await run(V2, { virtualAccount: 'Sales-West', chunk: 3 });
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'ledger',
        at: { line: 2, column: 13 },
        virtualAccount: 'Sales-West',
        license: 'C9200 24P DNA Essentials, 3Y Term',
        entitlementTag: TAG,
        owned: 10,
        consumed: 12,
        reserved: 0,
        billingType: null,
        lots: [
          {
            quantity: 10,
            licenseType: 'TERM',
            startDate: '2025-02-01',
            endDate: '2028-01-31',
            subscriptionId: 'Sub7001234',
            orderNumber: null,
            sku: null,
          },
        ],
      },
    ]);
  });

  it('rejects a v2 response when no Virtual Account was chosen', async () => {
    const { records, issues } = await run(V2);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'licenses.json:2:13: a v2 get-summary response does not name its Virtual Account: choose one for this import',
    ]);
  });

  it('accepts counts given as strings', async () => {
    const text = v1('"quantity":"12","inUse":" 3 ","reserved":"1","available":"9"');
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ owned: 12, consumed: 3, reserved: 1, lots: [] });
  });

  it('reads pages concatenated back to back, one per line, or as an array of responses', async () => {
    const page = (va: string) => v1('"quantity":5,"inUse":1', va);
    const layouts = [
      `${page('A')}${page('B')}${page('C')}`,
      `${page('A')}\n${page('B')}\n${page('C')}\n`,
      `[${page('A')},\n${page('B')},\n${page('C')}]`,
    ];
    for (const text of layouts) {
      const { records, issues } = await run(text, { chunk: 4 });
      expect(issues).toEqual([]);
      expect(records.map((record) => record.kind === 'ledger' && record.virtualAccount)).toEqual([
        'A',
        'B',
        'C',
      ]);
    }
  });

  it('maps license types and normalises dates', async () => {
    const details = [
      '{"licenseType":"DEMO","quantity":1,"startDate":"2026-01-01T00:00:00Z","endDate":"2026-03-01T23:59:59Z"}',
      '{"licenseType":"STANDARD","quantity":1,"startDate":null,"endDate":null}',
      '{"licenseType":"standard","quantity":1,"startDate":"2026-01-01","endDate":"2027-01-01"}',
      '{"licenseType":"SUBSCRIPTION","quantity":1,"startDate":"2026-01-01","endDate":"2027-01-01"}',
      '{"licenseType":"Perpetual","quantity":1}',
    ];
    const text = v1(`"quantity":5,"inUse":0,"licenseDetails":[${details.join(',')}]`);
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    const lots = records[0]?.kind === 'ledger' ? records[0].lots : [];
    expect(lots.map((lot) => [lot.licenseType, lot.startDate, lot.endDate])).toEqual([
      ['TERM', '2026-01-01', '2026-03-01'],
      ['UNKNOWN', null, null],
      ['TERM', '2026-01-01', '2027-01-01'],
      ['TERM', '2026-01-01', '2027-01-01'],
      ['PERPETUAL', null, null],
    ]);
  });

  it('leaves out cancelled lines and keeps expired ones', async () => {
    const details = [
      '{"licenseType":"TERM","quantity":4,"endDate":"2020-01-01","status":"Expired"}',
      '{"licenseType":"TERM","quantity":9,"endDate":"2029-01-01","status":"Cancelled"}',
      '{"licenseType":"PERPETUAL","quantity":6,"status":"ACTIVE"}',
    ];
    const text = v1(`"quantity":10,"inUse":0,"licenseDetails":[${details.join(',')}]`);
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    const lots = records[0]?.kind === 'ledger' ? records[0].lots : [];
    expect(lots.map((lot) => lot.quantity)).toEqual([4, 6]);
  });

  it('warns about an unknown license type and infers it from the end date', async () => {
    const text = v1(
      '"quantity":1,"inUse":0,"licenseDetails":[{"licenseType":"LOAN","quantity":1,"endDate":"2027-01-01"}]',
    );
    const { records, issues } = await run(text);
    expect(issues).toEqual([
      'licenses.json:1:124: warning: unknown license type "LOAN": taken as TERM',
    ]);
    expect(records[0]).toMatchObject({ lots: [{ licenseType: 'TERM' }] });
  });

  it('warns when "available" disagrees with quantity − inUse, and keeps the record', async () => {
    const { records, issues } = await run(v1('"quantity":10,\n"inUse":4,\n  "available":5'));
    expect(issues).toEqual([
      'licenses.json:3:15: warning: "available" says 5 but quantity − inUse gives 6; Trueup uses quantity − inUse',
    ]);
    expect(records).toHaveLength(1);
  });

  it('does not warn when "available" is the clamped balance of a shortfall', async () => {
    const { issues } = await run(v1('"quantity":10,"inUse":12,"available":0'));
    expect(issues).toEqual([]);
  });

  it('warns when the lines do not add up to the quantity', async () => {
    const text = v1(
      '"quantity":10,"inUse":0,\n"licenseDetails":[{"licenseType":"PERPETUAL","quantity":7}]',
    );
    const { records, issues } = await run(text);
    expect(issues).toEqual([
      "licenses.json:2:18: warning: the license's lines add up to 7 but its quantity is 10",
    ]);
    expect(records).toHaveLength(1);
  });

  it.each([
    ['"quantity":-3,"inUse":0', 79, '"quantity" is negative: -3'],
    ['"quantity":"12a","inUse":0', 79, '"quantity" is not a number: "12a"'],
    ['"quantity":2.5,"inUse":0', 79, '"quantity" is not a whole number: 2.5'],
    ['"quantity":true,"inUse":0', 79, '"quantity" must be a number, found a JSON boolean'],
    ['"quantity":1,"inUse":"-1"', 89, '"inUse" is negative: -1'],
  ])('rejects %s with the value position', async (fields, column, message) => {
    const { records, issues } = await run(v1(fields));
    expect(records).toEqual([]);
    expect(issues).toEqual([`licenses.json:1:${column}: ${message}`]);
  });

  it('locates a bad lot quantity and an inverted date range', async () => {
    const text = v1(
      '"quantity":1,"inUse":0,"licenseDetails":[\n{"quantity":"x"},\n{"quantity":1,"startDate":"2027-01-01","endDate":"2026-01-01"}]',
    );
    const { issues } = await run(text);
    expect(issues).toEqual([
      'licenses.json:2:13: "quantity" is not a number: "x"',
      'licenses.json:3:50: the line ends (2026-01-01) before it starts (2027-01-01)',
    ]);
  });

  it('rejects an invalid date at its position', async () => {
    const text = v1(
      '"quantity":1,"inUse":0,"licenseDetails":[{"quantity":1,"endDate":"31/01/2028"}]',
    );
    const { issues } = await run(text);
    expect(issues).toEqual([
      'licenses.json:1:133: "endDate" is not a date (expected YYYY-MM-DD or an ISO date-time): "31/01/2028"',
    ]);
  });

  it('reports missing fields at the license element', async () => {
    const { issues } = await run('{"licenses":[\n  {"license":"X","quantity":1}]}');
    expect(issues).toEqual([
      'licenses.json:2:3: "virtualAccount" is missing and no Virtual Account was chosen for this import',
      'licenses.json:2:3: "inUse" is missing',
    ]);
  });

  it('names the v2 field when a summary element lacks it', async () => {
    const text = '{"summary":[{"tag":"t","display_name":"X","inuse":1}]}';
    const { issues } = await run(text, { virtualAccount: 'Lab' });
    expect(issues).toEqual(['licenses.json:1:13: "entitled" is missing']);
  });

  it('uses the chosen Virtual Account when a v1 element has none', async () => {
    const text = '{"licenses":[{"license":"X","quantity":1,"inUse":1}]}';
    const { records } = await run(text, { virtualAccount: 'Lab' });
    expect(records[0]).toMatchObject({ virtualAccount: 'Lab' });
  });

  it('drops a page repeated with the same figures, with a warning', async () => {
    const page = v1('"quantity":5,"inUse":1');
    const { records, issues } = await run(`${page}\n${page}`);
    expect(records).toHaveLength(1);
    expect(issues).toEqual([
      'licenses.json:2:14: warning: "ISE Advantage" in Virtual Account "Core-DC" already appeared at line 1 with the same figures; this repeat is ignored',
    ]);
  });

  it('rejects a Virtual Account × license seen twice with different figures', async () => {
    const text = `${v1('"quantity":5,"inUse":1')}\n${v1('"quantity":6,"inUse":1')}`;
    const { issues } = await run(text);
    expect(issues).toEqual([
      'licenses.json:2:14: "ISE Advantage" in Virtual Account "Core-DC" already appeared at line 1 with different figures',
    ]);
  });

  it('rejects a license name seen with two different tags', async () => {
    const item = (tag: string, va: string) =>
      `{"license":"DNA","tag":"${tag}","virtualAccount":"${va}","quantity":1,"inUse":0}`;
    const text = `{"licenses":[${item('t1', 'A')},\n${item('t2', 'B')},\n${item('t1', 'C')}]}`;
    const { records, issues } = await run(text);
    expect(issues).toEqual(['licenses.json:2:1: license "DNA" has tag t2 here but t1 at line 1']);
    expect(records).toHaveLength(2);
  });

  it('reports a JSON syntax error at its line and column', async () => {
    const { issues } = await run('{"licenses":[\n  {"license":"X",, }]}', { chunk: 2 });
    expect(issues).toEqual([
      'licenses.json:2:18: invalid JSON: expected a property name in double quotes, found ","',
    ]);
  });

  it('reports a truncated file', async () => {
    const { issues } = await run(V1.slice(0, 200));
    expect(issues).toEqual(['licenses.json:9:18: invalid JSON: unexpected end of file']);
  });

  it('reports an API error response and a response without a licenses array', async () => {
    const error = await run(
      '{"status":"ERROR","statusMessage":"Invalid Smart Account","licenses":[]}',
    );
    expect(error.issues).toEqual([
      'licenses.json:1:1: the API response reports an error: Invalid Smart Account',
    ]);
    const other = await run('{"status":"SUCCESS",\n "accounts":[]}');
    expect(other.issues).toEqual([
      'licenses.json:1:1: the API response has no "licenses" or "summary" array',
    ]);
    const empty = await run(' \n');
    expect(empty.issues).toEqual(['licenses.json:1:1: the file holds no JSON response']);
  });

  it('reads UTF-8 bytes split inside characters, with a BOM', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${v1('"quantity":1,"inUse":0', 'Zürich-Café')}`);
    async function* byteChunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.slice(i, i + 3);
    }
    const issues = new IssueCollector('licenses.json');
    const records: IngestRecord[] = [];
    for await (const record of parseApiLicensesJson(byteChunks(), {
      fileName: 'licenses.json',
      issues,
    })) {
      records.push(record);
    }
    expect(issues.issues).toEqual([]);
    expect(records[0]).toMatchObject({
      virtualAccount: 'Zürich-Café',
      at: { line: 1, column: 14 },
    });
  });
});
