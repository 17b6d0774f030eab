import { describe, expect, it } from 'vitest';

import { formatIssue } from '../issues.js';
import type { DeviceUsageRecord, InstanceRecord } from '../records.js';

import { parseInstanceName } from './instance-values.js';
import { parseCssmInstancesCsv } from './instances-csv.js';
import { runParser, type RunOptions } from './run-parser.js';

function csv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

async function run(text: string, options: RunOptions = {}) {
  const result = await runParser(parseCssmInstancesCsv, text, { fileName: 'pi.csv', ...options });
  return {
    instances: result.records.filter((r): r is InstanceRecord => r.kind === 'instance'),
    usage: result.records.filter((r): r is DeviceUsageRecord => r.kind === 'deviceUsage'),
    issues: result.issues.map(formatIssue),
  };
}

const PLAIN = [
  ['Name', 'Product Type', 'Last Contact', 'Alerts'],
  ['UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; ', 'C9300', '2025-Mar-02 10:22:05', ''],
  ['edge-rtr-01.example.net', 'ISR4451', 'Never', 'Failed to connect'],
];

describe('parseInstanceName', () => {
  it('splits a CSSM UDI name and rewrites it in the exact CSSM form', () => {
    expect(parseInstanceName('UDI_PID:C9300-24P;UDI_SN:FOC1234X0AB')).toEqual({
      name: 'UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; ',
      udiPid: 'C9300-24P',
      udiSerial: 'FOC1234X0AB',
    });
    expect(parseInstanceName(' UDI_SN: FOC9; UDI_PID: ISR4451-X/K9 ; ').udiPid).toBe(
      'ISR4451-X/K9',
    );
    expect(parseInstanceName(' sw-1 ')).toEqual({ name: 'sw-1', udiPid: null, udiSerial: null });
  });
});

describe('parseCssmInstancesCsv', () => {
  it('reads the plain Product Instances export', async () => {
    const { instances, usage, issues } = await run(csv(PLAIN), { virtualAccount: 'VA' });
    expect(issues).toEqual([]);
    expect(usage).toEqual([]);
    expect(instances).toEqual([
      {
        kind: 'instance',
        at: { line: 2, column: 1 },
        virtualAccount: 'VA',
        name: 'UDI_PID:C9300-24P; UDI_SN:FOC1234X0AB; ',
        udiPid: 'C9300-24P',
        udiSerial: 'FOC1234X0AB',
        hostname: null,
        productType: 'C9300',
        productTag: null,
        connectionMode: null,
        status: null,
        lastContactAt: '2025-03-02T10:22:05.000Z',
        satellite: null,
      },
      expect.objectContaining({
        name: 'edge-rtr-01.example.net',
        udiPid: null,
        udiSerial: null,
        lastContactAt: null,
      }),
    ]);
  });

  it('reads the flattened export: one instance per device, one usage per row with a license', async () => {
    const text = csv(
      [
        ['Virtual Account', 'Name', 'Hostname', 'License', 'Entitlement Tag', 'Count', 'Status'],
        [
          'VA1',
          'UDI_PID:C9300-24P; UDI_SN:FOC1; ',
          'sw-1',
          'C9300 Network Advantage',
          'regid.a',
          '1',
          'Active',
        ],
        [
          'VA1',
          'UDI_PID:C9300-24P; UDI_SN:FOC1; ',
          'sw-1',
          'C9300 DNA Advantage, 3Y',
          '',
          '2',
          'Active',
        ],
        ['VA1', 'UDI_PID:C9300-24P; UDI_SN:FOC2; ', 'sw-2', '', '', '', 'Removed'],
        ['VA2', 'UDI_PID:C9300-24P; UDI_SN:FOC1; ', 'sw-1', '', 'regid.a', '1', 'Active'],
      ],
      ';',
    );
    const { instances, usage, issues } = await run(text, { chunkSize: 7 });
    expect(issues).toEqual([]);
    expect(
      instances.map((i) => [i.at.line, i.virtualAccount, i.udiSerial, i.hostname, i.status]),
    ).toEqual([
      [2, 'VA1', 'FOC1', 'sw-1', 'ACTIVE'],
      [4, 'VA1', 'FOC2', 'sw-2', 'DECOMMISSIONED'],
      [5, 'VA2', 'FOC1', 'sw-1', 'ACTIVE'],
    ]);
    expect(usage).toEqual([
      {
        kind: 'deviceUsage',
        at: { line: 2, column: 1 },
        virtualAccount: 'VA1',
        instance: {
          name: 'UDI_PID:C9300-24P; UDI_SN:FOC1; ',
          udiPid: 'C9300-24P',
          udiSerial: 'FOC1',
        },
        license: 'C9300 Network Advantage',
        entitlementTag: 'regid.a',
        quantity: 1,
        asOf: null,
      },
      expect.objectContaining({
        at: { line: 3, column: 1 },
        license: 'C9300 DNA Advantage, 3Y',
        entitlementTag: null,
        quantity: 2,
      }),
      expect.objectContaining({
        at: { line: 5, column: 1 },
        license: null,
        entitlementTag: 'regid.a',
      }),
    ]);
  });

  it.each([
    ['Count', 'Tag', 'Connection', 'Satellite'],
    ['Quantity', 'Entitlement Tag', 'Connection Mode', 'On-Prem Server'],
    ['In Use', 'tag', 'Transport', 'on-prem server'],
  ])('accepts %j, %j, %j and %j', async (count, tag, connection, satellite) => {
    const text = csv([
      ['Name', count, tag, connection, satellite],
      ['sw-1', '3', 'regid.x', 'SSM On-Prem', 'onprem-1.example.net'],
    ]);
    const { instances, usage, issues } = await run(`\ufeff${text}`);
    expect(issues).toEqual([]);
    expect(instances[0]).toMatchObject({
      connectionMode: 'ON_PREM',
      satellite: 'onprem-1.example.net',
    });
    expect(usage[0]).toMatchObject({ entitlementTag: 'regid.x', quantity: 3 });
  });

  it.each([
    ['Direct', 'DIRECT_CLOUD'],
    ['Cloud', 'DIRECT_CLOUD'],
    ['On-Prem', 'ON_PREM'],
    ['Satellite', 'ON_PREM'],
    ['SSM On-Prem', 'ON_PREM'],
    ['SLR', 'SLR'],
    ['Specific License Reservation', 'SLR'],
    ['plr', 'PLR'],
    ['Permanent License Reservation', 'PLR'],
  ])('maps connection %j to %s', async (text, mode) => {
    const { instances } = await run(
      csv([
        ['Name', 'Connection'],
        ['sw-1', text],
      ]),
    );
    expect(instances[0]?.connectionMode).toBe(mode);
  });

  it.each([
    ['Registration Type', 'Specific License Reservation', 'SLR'],
    ['Registration', 'Permanent License Reservation', 'PLR'],
    ['Registration Mode', 'SSM On-Prem', 'ON_PREM'],
    ['License Mode', 'Smart Licensing Using Policy', 'ONLINE'],
    ['Licensing Mode', 'Smart Licensing', 'ONLINE'],
    ['Reservation Type', 'SLR', 'SLR'],
    ['Connection Type', 'Direct Cloud Access', 'DIRECT_CLOUD'],
  ])('reads %j %j as %s', async (header, text, mode) => {
    const { instances, issues } = await run(
      csv([
        ['Name', header],
        ['sw-1', text],
      ]),
    );
    expect(issues).toEqual([]);
    expect(instances[0]?.connectionMode).toBe(mode);
  });

  it('takes the reservation a status text names, and the most specific of several statements', async () => {
    const { instances, issues } = await run(
      csv([
        ['Name', 'Status', 'Registration Type', 'Transport'],
        ['sw-1', 'REGISTERED - SPECIFIC LICENSE RESERVATION', '', ''],
        ['sw-2', 'Registered', 'Smart Licensing', 'SSM On-Prem'],
        ['sw-3', 'Active', 'Permanent License Reservation', 'Direct'],
        ['sw-4', 'Active', '', ''],
      ]),
    );
    expect(issues).toEqual([]);
    expect(instances.map((i) => [i.name, i.status, i.connectionMode])).toEqual([
      ['sw-1', 'ACTIVE', 'SLR'],
      ['sw-2', 'ACTIVE', 'ON_PREM'],
      ['sw-3', 'ACTIVE', 'PLR'],
      ['sw-4', 'ACTIVE', null],
    ]);
  });

  it('passes a satellite on as stated, without deciding the mode it implies', async () => {
    const { instances } = await run(
      csv([
        ['Name', 'Satellite'],
        ['sw-1', 'ssm-1.example.net'],
      ]),
    );
    expect(instances[0]).toMatchObject({ connectionMode: null, satellite: 'ssm-1.example.net' });
  });

  it('warns about an unknown registration type at its line and column, never guessing', async () => {
    const { instances, issues } = await run(
      csv([
        ['Name', 'Product Type', 'Registration Type'],
        ['sw-1', 'C9300', 'License Reservation'],
        ['sw-2', 'C9300', 'Evaluation'],
      ]),
    );
    expect(instances.map((i) => i.connectionMode)).toEqual([null, null]);
    expect(issues).toEqual([
      'pi.csv:2:3: warning: Registration Type "License Reservation" is not recognised; ignored',
      'pi.csv:3:3: warning: Registration Type "Evaluation" is not recognised; ignored',
    ]);
  });

  it.each([
    ['Active', 'ACTIVE'],
    ['Decommissioned', 'DECOMMISSIONED'],
    ['removed', 'DECOMMISSIONED'],
    ['Inactive', 'DECOMMISSIONED'],
  ])('maps status %j to %s', async (text, status) => {
    const { instances } = await run(
      csv([
        ['Name', 'Status'],
        ['sw-1', text],
      ]),
    );
    expect(instances[0]?.status).toBe(status);
  });

  it('warns about unknown connection and status values and reads them as null', async () => {
    const { instances, issues } = await run(
      csv([
        ['Name', 'Status', 'Transport'],
        ['sw-1', 'Zombie', 'Carrier pigeon'],
      ]),
    );
    expect(instances[0]).toMatchObject({ status: null, connectionMode: null });
    expect(issues).toEqual([
      'pi.csv:2:3: warning: Connection "Carrier pigeon" is not recognised; ignored',
      'pi.csv:2:2: warning: Status "Zombie" is not recognised; ignored',
    ]);
  });

  it('reports bad cells at their line and column', async () => {
    const text = csv([
      ['Name', 'Last Contact', 'License', 'Count'],
      ['sw-1', 'last week', 'L1', '1'],
      ['sw-2', '2025-01-01', 'L1', 'one'],
      ['sw-2', '2025-01-01', 'L2', '-1'],
      ['', '2025-01-01', 'L2', '1'],
    ]);
    const { instances, usage, issues } = await run(text);
    expect(instances.map((i) => i.name)).toEqual(['sw-2']);
    expect(usage.map((u) => u.license)).toEqual(['L1']);
    expect(issues).toEqual([
      'pi.csv:2:2: Last Contact "last week" is not a date (use 2027-09-30, 2027-Sep-30 or Sep 30, 2027)',
      'pi.csv:3:4: Count "one" is not a whole number',
      'pi.csv:4:4: Count -1 is negative',
      'pi.csv:5:1: Name is blank',
    ]);
  });

  it('needs a Name column, and a count column when rows name licenses', async () => {
    expect(
      (
        await run(
          csv([
            ['Hostname', 'Product Type'],
            ['sw-1', 'C9300'],
          ]),
        )
      ).issues,
    ).toEqual([
      'pi.csv:1:1: missing column "Name"; the columns found are "Hostname", "Product Type"',
    ]);
    expect(
      (
        await run(
          csv([
            ['Name', 'License'],
            ['sw-1', 'L1'],
          ]),
        )
      ).issues,
    ).toEqual([
      'pi.csv:1:1: missing column "Count" (or "Quantity", "In Use"): a per-license export needs ' +
        'the count each instance uses',
    ]);
  });
});
