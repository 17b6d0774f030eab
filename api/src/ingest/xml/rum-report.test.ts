import { describe, expect, it } from 'vitest';

import { formatIssue, IssueCollector } from '../issues.js';
import type { IngestRecord } from '../records.js';

import { parseRumReport } from './rum-report.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function run(text: string, options: { chunk?: number; virtualAccount?: string } = {}) {
  const issues = new IssueCollector('usage.xml');
  const records: IngestRecord[] = [];
  const context = { fileName: 'usage.xml', issues, virtualAccount: options.virtualAccount };
  for await (const record of parseRumReport(chunked(text, options.chunk ?? 64), context)) {
    records.push(record);
  }
  return { records, issues: issues.issues.map(formatIssue) };
}

const DNA_E =
  'regid.2018-03.com.cisco.C9300_24P_DNA_Essentials,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0002';
const AP_DNA = 'regid.2018-06.com.cisco.DNA_NWStack,1.0_e7244e71-3ad5-4608-8bf0-d12f67c80896';

/** 2026-09-24 and the following days, as epoch seconds. */
const DAY_1 = 1790208000;
const DAY = 86400;

interface Measurement {
  readonly end: number;
  readonly value: string;
}

/** A `<RUMReport>` in the shape of cisco-formats.md §9.1 (invented values). */
function report(
  pid: string,
  serial: string,
  tag: string,
  measurements: readonly Measurement[],
): string {
  const payload = {
    version: '2.0',
    asset_identification: {
      report_id: 1790000001,
      asset: { name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001' },
      instance: { sudi: { udi_pid: pid, udi_serial_number: serial } },
    },
    meta: { entitlement_tag: tag, software_version: '17.12.04' },
    measurements: measurements.map(({ end, value }) => ({
      log_time: end + 100,
      metric_name: 'ENTITLEMENT',
      start_time: end - DAY,
      end_time: end,
      sample_interval: DAY,
      num_samples: 96,
      value: { type: 'COUNT', value },
      meta: { added_sudi_list: [], removed_sudi_list: [] },
    })),
  };
  const signature = {
    sudi: { udi_pid: pid, udi_serial_number: serial },
    signing_type: 'builtin',
    key: 'k',
    value: 'b64sig==',
  };
  return `<RUMReport><![CDATA[${JSON.stringify({ payload: JSON.stringify(payload), signature })}]]></RUMReport>`;
}

describe('parseRumReport', () => {
  it('yields the latest measurement of each report, dated by its end time', async () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<smartLicense>',
      report('C9300-24P', 'FOC0000X1AB', DNA_E, [
        { end: DAY_1 + 2 * DAY, value: '1' },
        { end: DAY_1, value: '0' },
      ]),
      // A wireless controller counts its access points.
      report('C9800-40-K9', 'TTM0000W1AA', AP_DNA, [
        { end: DAY_1, value: '38' },
        { end: DAY_1 + DAY - 1, value: '41' },
        { end: DAY_1 + DAY / 2, value: '40' },
      ]),
      '</smartLicense>',
    ].join('\n');
    for (const chunk of [1, 13, 100_000]) {
      const { records, issues } = await run(text, { chunk, virtualAccount: 'Campus' });
      expect(issues).toEqual([]);
      expect(records).toEqual([
        {
          kind: 'deviceUsage',
          at: { line: 3, column: 1 },
          virtualAccount: 'Campus',
          instance: { name: null, udiPid: 'C9300-24P', udiSerial: 'FOC0000X1AB' },
          license: null,
          entitlementTag: DNA_E,
          quantity: 1,
          asOf: '2026-09-26',
        },
        {
          kind: 'deviceUsage',
          at: { line: 4, column: 1 },
          virtualAccount: 'Campus',
          instance: { name: null, udiPid: 'C9800-40-K9', udiSerial: 'TTM0000W1AA' },
          license: null,
          entitlementTag: AP_DNA,
          quantity: 41,
          asOf: '2026-09-24',
        },
      ]);
    }
  });

  it('keeps the latest of several reports for the same device and entitlement', async () => {
    const text = `<reports>${[
      report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1 + DAY, value: '1' }]),
      report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1 + 3 * DAY, value: '2' }]),
      report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1 + 2 * DAY, value: '3' }]),
    ].join('\n')}</reports>`;
    const { records } = await run(text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      quantity: 2,
      asOf: '2026-09-27',
      at: { line: 2, column: 1 },
      virtualAccount: null,
    });
  });

  it('reports a malformed payload at the payload, naming the report line', async () => {
    const good = report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1, value: '1' }]);
    const bad = good.replace('\\"metric_name\\"', '\\"metric_name\\":,');
    const { records, issues } = await run(`<r>\n${good}\n  ${bad}\n</r>`);
    expect(records).toHaveLength(1);
    expect(issues).toEqual([
      'usage.xml:3:34: the payload of the RUMReport at line 3 is not valid JSON (payload line 1, column 433): unexpected ","',
    ]);
  });

  it('reports malformed report JSON at its exact position', async () => {
    const text = '<r>\n<RUMReport><![CDATA[\n{"payload": "{}",\n "signature": {]]></RUMReport></r>';
    const { issues } = await run(text);
    expect(issues).toEqual([
      'usage.xml:4:16: the RUMReport at line 2 is not valid JSON: unexpected end of file',
    ]);
  });

  it('locates a syntax error inside multi-line report JSON', async () => {
    const text =
      '<r>\n  <RUMReport>\n<![CDATA[{"payload": "{}",\n   "signature": x}]]></RUMReport></r>';
    const { issues } = await run(text, { chunk: 2 });
    expect(issues).toEqual([
      'usage.xml:4:17: the RUMReport at line 2 is not valid JSON: unexpected "x"',
    ]);
  });

  it('rejects a non-integer count and a report without entitlement tag', async () => {
    const fractional = report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1, value: '1.5' }]);
    const untagged = report('C9300-24P', 'FOC2', '', [{ end: DAY_1, value: '1' }]);
    const { records, issues } = await run(`<r>${fractional}\n${untagged}</r>`);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'usage.xml:1:35: the latest measurement of the RUMReport at line 1 is not a whole number: 1.5',
      'usage.xml:2:32: the payload of the RUMReport at line 2 has no meta.entitlement_tag',
    ]);
  });

  it('warns about a report without measurements', async () => {
    const { records, issues } = await run(report('C9300-24P', 'FOC1', DNA_E, []));
    expect(records).toEqual([]);
    expect(issues).toEqual([
      'usage.xml:1:32: warning: the payload of the RUMReport at line 1 has no measurement: no usage recorded',
    ]);
  });

  it('reads a report whose JSON is entity-escaped instead of CDATA', async () => {
    const cdata = report('C9300-24P', 'FOC1', DNA_E, [{ end: DAY_1, value: '4' }]);
    const json = cdata.slice('<RUMReport><![CDATA['.length, -']]></RUMReport>'.length);
    const escaped = json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const { records, issues } = await run(`<RUMReport>${escaped}</RUMReport>`);
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ quantity: 4 });
  });

  it('reports a file without any report', async () => {
    const { issues } = await run('<smartLicense></smartLicense>');
    expect(issues).toEqual(['usage.xml:1:1: no <RUMReport> element found']);
  });
});
