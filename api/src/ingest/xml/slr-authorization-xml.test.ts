import { describe, expect, it } from 'vitest';

import { formatIssue, IssueCollector } from '../issues.js';
import type { IngestRecord } from '../records.js';

import { parseSlrAuthorizationXml } from './slr-authorization-xml.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function run(text: string, chunk = 64) {
  const issues = new IssueCollector('auth.xml');
  const records: IngestRecord[] = [];
  const context = { fileName: 'auth.xml', issues };
  for await (const record of parseSlrAuthorizationXml(chunked(text, chunk), context)) {
    records.push(record);
  }
  return { records, issues: issues.issues.map(formatIssue) };
}

const NWA = 'regid.2019-01.com.cisco.C9500_NW_Advantage,1.0_11110000-2222-4333-8444-555566667777';
const DNA = 'regid.2019-01.com.cisco.C9500_DNA_Advantage,1.0_11110000-2222-4333-8444-555566668888';

/** cisco-formats.md §7.3, with a second (term) entitlement added. */
const CODE = `<authorizationCode><flag>A</flag><version>C</version>
    <piid>5d0c0000-aaaa-4bbb-8ccc-0d0e0f101112</piid><timestamp>1767225600000</timestamp>
    <entitlements><entitlement><tag>${NWA}</tag>
      <count>1</count><startDate></startDate><endDate></endDate><licenseType>PERPETUAL</licenseType>
      <displayName>C9500 Network Advantage</displayName><tagDescription>C9500 Network Advantage</tagDescription>
      <subscriptionID></subscriptionID></entitlement>
      <entitlement><tag>${DNA}</tag>
      <count>2</count><startDate>2026-01-01</startDate><endDate>2028-12-31</endDate><licenseType>TERM</licenseType>
      <displayName>C9500 DNA Advantage &amp; more, 3Y</displayName></entitlement></entitlements></authorizationCode>`;

const SAMPLE = `<specificPLR>${CODE}
    <signature>QmFzZTY0U2lnbmF0dXJl==</signature><udi>P:C9500-24Y4C,S:FCW0000Z9YX</udi></specificPLR>`;

describe('parseSlrAuthorizationXml', () => {
  it('yields one reservation per entitlement, keeping the authorization code text', async () => {
    for (const chunk of [1, 7, 4096]) {
      const { records, issues } = await run(SAMPLE, chunk);
      expect(issues).toEqual([]);
      const common = {
        kind: 'reservation',
        instance: { udiPid: 'C9500-24Y4C', udiSerial: 'FCW0000Z9YX' },
        reservationType: 'SLR',
        authorizationCode: CODE,
        issuedOn: '2026-01-01',
      };
      expect(records).toEqual([
        {
          ...common,
          at: { line: 3, column: 19 },
          license: 'C9500 Network Advantage',
          entitlementTag: NWA,
          quantity: 1,
          licenseType: 'PERPETUAL',
          startDate: null,
          endDate: null,
        },
        {
          ...common,
          at: { line: 7, column: 7 },
          license: 'C9500 DNA Advantage & more, 3Y',
          entitlementTag: DNA,
          quantity: 2,
          licenseType: 'TERM',
          startDate: '2026-01-01',
          endDate: '2028-12-31',
        },
      ]);
    }
  });

  it('dates a code by its <timestamp> (epoch ms, UTC day) and refuses an unreadable one', async () => {
    const late = await run(SAMPLE.replace('1767225600000', String(1767225600000 + 86_399_999)));
    expect(late.issues).toEqual([]);
    expect(late.records.map((r) => r.kind === 'reservation' && r.issuedOn)).toEqual([
      '2026-01-01',
      '2026-01-01',
    ]);
    const bad = await run(SAMPLE.replace('1767225600000', 'soon'));
    expect(bad.records).toEqual([]);
    expect(bad.issues).toEqual([
      'auth.xml:2:54: <timestamp> is not a date (expected YYYY-MM-DD or an ISO date-time): "soon"',
    ]);
    const none = await run(SAMPLE.replace('<timestamp>1767225600000</timestamp>', ''));
    expect(none.records.map((r) => r.kind === 'reservation' && r.issuedOn)).toEqual([null, null]);
    expect(none.issues).toEqual([
      "auth.xml:1:14: warning: the authorization code has no <timestamp>: it is dated by the import's as-of",
    ]);
  });

  it('gives one emptyAuthorization record, with a warning, for a code that reserves nothing', async () => {
    const empty = SAMPLE.replace(
      /<entitlements>[\s\S]*<\/entitlements>/,
      '<entitlements></entitlements>',
    );
    const { records, issues } = await run(empty);
    expect(records).toEqual([
      {
        kind: 'emptyAuthorization',
        at: { line: 1, column: 14 },
        instance: { udiPid: 'C9500-24Y4C', udiSerial: 'FCW0000Z9YX' },
        reservationType: 'SLR',
        authorizationCode: expect.stringContaining('<entitlements></entitlements>') as string,
        issuedOn: '2026-01-01',
      },
    ]);
    expect(issues).toEqual([
      'auth.xml:1:14: warning: the authorization code reserves no entitlement: everything the device holds is returned',
    ]);
  });

  it('reads several codes in a row and under a wrapper element', async () => {
    const other = SAMPLE.replace('FCW0000Z9YX', 'FCW0000Z9YY');
    const text = `<?xml version="1.0"?>\n<codes>\n${SAMPLE}\n<!-- second device -->\n${other}\n</codes>\n`;
    const { records, issues } = await run(text, 5);
    expect(issues).toEqual([]);
    expect(
      records.map(
        (record) => record.kind === 'reservation' && [record.instance.udiSerial, record.at.line],
      ),
    ).toEqual([
      ['FCW0000Z9YX', 5],
      ['FCW0000Z9YX', 9],
      ['FCW0000Z9YY', 16],
      ['FCW0000Z9YY', 20],
    ]);
  });

  it('rejects a code without <udi> at the <specificPLR> element', async () => {
    const text = `\n  ${SAMPLE.replace(/<udi>.*<\/udi>/, '')}`;
    const { records, issues } = await run(text);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'auth.xml:2:3: <specificPLR> has no <udi>: the reserving device is unknown',
    ]);
  });

  it('rejects a <udi> it cannot read at the <udi> element', async () => {
    const { issues } = await run(
      SAMPLE.replace('P:C9500-24Y4C,S:FCW0000Z9YX', 'C9500-24Y4C/FCW0000Z9YX'),
    );
    expect(issues).toEqual([
      'auth.xml:10:50: <udi> is not "P:<pid>,S:<serial>": "C9500-24Y4C/FCW0000Z9YX"',
    ]);
  });

  it('rejects an unparseable count at the <count> element, keeping the valid entitlements', async () => {
    const { records, issues } = await run(SAMPLE.replace('<count>2</count>', '<count>two</count>'));
    expect(issues).toEqual(['auth.xml:8:7: <count> is not a number: "two"']);
    expect(records).toHaveLength(1);
  });

  it('rejects a negative count and a missing tag', async () => {
    const text = SAMPLE.replace('<count>1</count>', '<count>-1</count>').replace(
      `<tag>${DNA}</tag>`,
      '',
    );
    const { issues } = await run(text);
    expect(issues).toEqual([
      'auth.xml:4:7: <count> is negative: -1',
      'auth.xml:7:7: <entitlement> has no <tag>',
    ]);
  });

  it('rejects an invalid date and warns about an unknown license type', async () => {
    const text = SAMPLE.replace(
      '<endDate>2028-12-31</endDate>',
      '<endDate>2028-13-01</endDate>',
    ).replace('<licenseType>PERPETUAL</licenseType>', '<licenseType>EVAL</licenseType>');
    const { issues } = await run(text);
    expect(issues).toEqual([
      'auth.xml:4:65: warning: unknown license type "EVAL": taken as PERPETUAL',
      'auth.xml:8:56: <endDate> is not a date (expected YYYY-MM-DD or an ISO date-time): "2028-13-01"',
    ]);
  });

  it('reports malformed XML at the validator position within the file', async () => {
    const text = `<codes>\n${SAMPLE.replace('</flag>', '</flog>')}</codes>`;
    const { issues } = await run(text, 3);
    expect(issues).toEqual([
      "auth.xml:2:40: invalid XML: Expected closing tag 'flag' (opened in line 2, column 33) instead of closing tag 'flog'.",
    ]);
  });

  it('refuses a DOCTYPE or entity declaration inside a code at its position, reading nothing', async () => {
    // An external entity made the parser throw (an internal error); an internal one was expanded.
    const external = SAMPLE.replace(
      '<tag>',
      '<tag><!DOCTYPE foo [<!ENTITY x SYSTEM "file:///etc/passwd">]>&x;',
    );
    const internal = SAMPLE.replace('<flag>A', '<!DOCTYPE x [<!ENTITY a "b">]><flag>&a;');
    for (const text of [external, internal]) {
      const { records, issues } = await run(text, 5);
      expect(records).toEqual([]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(
        /^auth\.xml:\d+:\d+: invalid XML: a <!DOCTYPE> declaration is not allowed here/,
      );
    }
    // Where it sits: line 1, column 33 (right after `<specificPLR><authorizationCode>`).
    expect((await run(internal)).issues[0]).toMatch(/^auth\.xml:1:33: /);
  });

  it('reports a code cut off by the end of the file, and a file without any', async () => {
    expect((await run(`<a>\n${SAMPLE.slice(0, 100)}`)).issues).toEqual([
      'auth.xml:2:1: <specificPLR> is not closed before the end of the file',
    ]);
    expect((await run('<licenses/>')).issues).toEqual([
      'auth.xml:1:1: no <specificPLR> element found',
    ]);
  });
});
