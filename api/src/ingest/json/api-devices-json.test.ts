import { describe, expect, it } from 'vitest';

import { formatIssue, IssueCollector } from '../issues.js';
import type { IngestRecord } from '../records.js';

import { parseApiDevicesJson } from './api-devices-json.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function run(text: string, options: { virtualAccount?: string; chunk?: number } = {}) {
  const issues = new IssueCollector('devices.json');
  const records: IngestRecord[] = [];
  const input = chunked(text, options.chunk ?? 64);
  const context = { fileName: 'devices.json', issues, virtualAccount: options.virtualAccount };
  for await (const record of parseApiDevicesJson(input, context)) records.push(record);
  return { records, issues: issues.issues.map(formatIssue) };
}

const TAG = 'regid.2017-09.com.cisco.C9200_24P,1.0_0c6f2a51-0000-4000-8000-3b1d2c4e5f60';

/** cisco-formats.md §5.3 (invented values). */
const SAMPLE = `{"status":"SUCCESS","totalRecords":1,
 "devices":[{"instanceName":"UDI_PID:C9200-24P; UDI_SN:JAE0000A1BC; ",
   "productTagName":"${TAG}",
   "sudi":{"udiPid":"C9200-24P","udiSerialNumber":"JAE0000A1BC","udiVid":null,"suvi":null,"uuid":null,"hostIdentifier":null,"macAddress":null}}]}`;

const device = (fields: string) => `{"devices":[{${fields}}]}`;

describe('parseApiDevicesJson', () => {
  it('reads a devices response into instance records', async () => {
    const { records, issues } = await run(SAMPLE, { virtualAccount: 'Sales-West', chunk: 3 });
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        kind: 'instance',
        at: { line: 2, column: 13 },
        virtualAccount: 'Sales-West',
        name: 'UDI_PID:C9200-24P; UDI_SN:JAE0000A1BC; ',
        udiPid: 'C9200-24P',
        udiSerial: 'JAE0000A1BC',
        hostname: null,
        productType: null,
        productTag: TAG,
        connectionMode: null,
        status: null,
        lastContactAt: null,
        satellite: null,
      },
    ]);
  });

  it('takes PID and serial from the instance name when there is no sudi', async () => {
    const { records } = await run(
      device('"instanceName":"UDI_PID:C9300-48P; UDI_SN:FOC1234X0AB; "'),
    );
    expect(records[0]).toMatchObject({
      udiPid: 'C9300-48P',
      udiSerial: 'FOC1234X0AB',
      virtualAccount: null,
    });
  });

  it('names a device by hostname when it has no UDI', async () => {
    const { records } = await run(device('"instanceName":"cucm-pub.example.net"'));
    expect(records[0]).toMatchObject({
      name: 'cucm-pub.example.net',
      udiPid: null,
      udiSerial: null,
    });
  });

  it('reads the inferred optional fields when present', async () => {
    const text = device(
      [
        '"instanceName":"wlc-9800-1","virtualAccount":"Campus","hostname":"wlc-9800-1.example.net"',
        '"productDescription":"Catalyst 9800-40 Wireless Controller","lastContactTime":"2026-03-01T10:15:00+01:00"',
        '"status":"Active","connectionMode":"SSM On-Prem","satelliteName":"ssm-onprem-1"',
      ].join(','),
    );
    const { records, issues } = await run(text, { virtualAccount: 'ignored' });
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      virtualAccount: 'Campus',
      hostname: 'wlc-9800-1.example.net',
      productType: 'Catalyst 9800-40 Wireless Controller',
      lastContactAt: '2026-03-01T09:15:00.000Z',
      status: 'ACTIVE',
      connectionMode: 'ON_PREM',
      satellite: 'ssm-onprem-1',
    });
  });

  it.each([
    ['"reservationType":"SPECIFIC"', 'SLR'],
    ['"reservationType":"UNIVERSAL"', 'PLR'],
    ['"connectionMode":"Direct Cloud Access"', 'DIRECT_CLOUD'],
    ['"reserved":true', 'SLR'],
    ['"reserved":false', null],
    ['"registrationType":"Specific License Reservation"', 'SLR'],
    ['"registration_type":"Permanent License Reservation"', 'PLR'],
    ['"licenseMode":"Smart Licensing Using Policy"', 'ONLINE'],
    ['"registration":"Smart Licensing"', 'ONLINE'],
    ['"transport":"CSLU"', 'ON_PREM'],
    ['"status":"REGISTERED - SPECIFIC LICENSE RESERVATION"', 'SLR'],
    ['"status":"Active","registrationType":"PLR","connectionMode":"Direct"', 'PLR'],
    ['"status":"Active"', null],
  ])('maps %s to connection mode %s', async (fields, mode) => {
    const { records } = await run(device(`"instanceName":"d1",${fields}`));
    expect(records[0]).toMatchObject({ connectionMode: mode });
  });

  it('maps a decommissioned status and epoch last contact', async () => {
    const { records } = await run(
      device('"instanceName":"d1","status":"Decommissioned","lastContact":1767225600'),
    );
    expect(records[0]).toMatchObject({
      status: 'DECOMMISSIONED',
      lastContactAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('warns about unreadable inferred fields and leaves them blank', async () => {
    const text = device(
      '"instanceName":"d1",\n"status":"Zombie","connectionMode":"Carrier pigeon","lastContact":"yesterday"',
    );
    const { records, issues } = await run(text);
    expect(issues).toEqual([
      'devices.json:2:67: warning: "lastContact" is not a date (expected YYYY-MM-DD or an ISO date-time): "yesterday"',
      'devices.json:2:36: warning: unknown connection mode "Carrier pigeon": left blank',
      'devices.json:2:10: warning: unknown device status "Zombie": left blank',
    ]);
    expect(records[0]).toMatchObject({ status: null, connectionMode: null, lastContactAt: null });
  });

  it('yields the per-device license list as usage records', async () => {
    const text = device(
      '"instanceName":"UDI_PID:C9800-40-K9; UDI_SN:TTM0001; ","licenses":[\n{"license":"DNA Advantage","tag":"regid.x","quantity":"42"},\n{"license":"Network Advantage"}]',
    );
    const { records, issues } = await run(text, { virtualAccount: 'Campus' });
    expect(issues).toEqual([]);
    const instance = {
      name: 'UDI_PID:C9800-40-K9; UDI_SN:TTM0001; ',
      udiPid: 'C9800-40-K9',
      udiSerial: 'TTM0001',
    };
    expect(records.slice(1)).toEqual([
      {
        kind: 'deviceUsage',
        at: { line: 2, column: 1 },
        virtualAccount: 'Campus',
        instance,
        license: 'DNA Advantage',
        entitlementTag: 'regid.x',
        quantity: 42,
        asOf: null,
      },
      {
        kind: 'deviceUsage',
        at: { line: 3, column: 1 },
        virtualAccount: 'Campus',
        instance,
        license: 'Network Advantage',
        entitlementTag: null,
        quantity: 1,
        asOf: null,
      },
    ]);
  });

  it('rejects a negative per-device count at its position, and drops the device', async () => {
    const text = device('"instanceName":"d1","licenses":[{"license":"X","quantity":-2}]');
    const { records, issues } = await run(text);
    expect(records).toEqual([]);
    expect(issues).toEqual(['devices.json:1:72: "quantity" is negative: -2']);
  });

  it('rejects a device it cannot name', async () => {
    const { records, issues } = await run('{"devices":[\n  {"productTagName":"regid.x"}]}');
    expect(records).toEqual([]);
    expect(issues).toEqual(['devices.json:2:3: the device has no "instanceName", hostname or UDI']);
  });

  it('drops a device repeated across pages, with a warning', async () => {
    const page = (name: string) =>
      device(`"instanceName":"${name}","sudi":{"udiPid":"C9300-24P","udiSerialNumber":"FOC1"}`);
    const { records, issues } = await run(
      `${page('sw-1')}\n${page('UDI_PID:C9300-24P; UDI_SN:FOC1; ')}`,
    );
    expect(records).toHaveLength(1);
    expect(issues).toEqual([
      'devices.json:2:13: warning: device "UDI_PID:C9300-24P; UDI_SN:FOC1; " already appeared at line 1; this repeat is ignored',
    ]);
  });

  it('reports a response without a devices array', async () => {
    const { issues } = await run('{"licenses":[]}');
    expect(issues).toEqual(['devices.json:1:1: the API response has no "devices" array']);
  });
});
