import { describe, expect, it } from 'vitest';

import { formatIssue } from '../issues.js';
import type { AccountEventRecord } from '../records.js';

import { parseEventLogCsv } from './event-log-csv.js';
import { readEventMessage } from './event-messages.js';
import { runParser, type RunOptions } from './run-parser.js';

async function run(text: string, options: RunOptions = {}) {
  const result = await runParser(parseEventLogCsv, text, { fileName: 'events.csv', ...options });
  return {
    ...result,
    events: result.records as AccountEventRecord[],
    issues: result.issues.map(formatIssue),
  };
}

describe('readEventMessage (inferred wording)', () => {
  it.each([
    [
      'Satellite "sat-east-01" synchronized via network',
      { kind: 'SATELLITE_SYNC_NETWORK', satellite: 'sat-east-01' },
    ],
    [
      'Satellite synchronized via network: sat-west',
      { kind: 'SATELLITE_SYNC_NETWORK', satellite: 'sat-west' },
    ],
    ['Satellite synchronized via network', { kind: 'SATELLITE_SYNC_NETWORK', satellite: null }],
    [
      'Satellite file synchronization for "sat-lab"',
      { kind: 'SATELLITE_SYNC_FILE', satellite: 'sat-lab' },
    ],
    [
      'Satellite sat-lab file synchronization completed.',
      { kind: 'SATELLITE_SYNC_FILE', satellite: 'sat-lab' },
    ],
    [
      'Satellite "sat-old" failed to sync and removed',
      { kind: 'SATELLITE_SYNC_FAILED_REMOVED', satellite: 'sat-old' },
    ],
    [
      'Reserved 2 licenses of "C9500 Network Advantage" on product instance "UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;"',
      {
        kind: 'SLR_RESERVE',
        quantity: 2,
        license: 'C9500 Network Advantage',
        device: 'UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;',
        udiPid: 'C9500-24Y4C',
        udiSerial: 'FCW0000Z9YX',
      },
    ],
    [
      'Specific License Reservation created for product instance P:C9300-24P,S:FOC1111A1AA',
      { kind: 'SLR_RESERVE', udiPid: 'C9300-24P', udiSerial: 'FOC1111A1AA' },
    ],
    [
      'License reservation updated for product instance "UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;"',
      { kind: 'SLR_UPDATE', udiSerial: 'FCW0000Z9YX' },
    ],
    [
      'License reservation cancelled for product instance "UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;"',
      { kind: 'SLR_RETURN', udiSerial: 'FCW0000Z9YX' },
    ],
    [
      'Licenses returned from device "UDI_PID:C9300-24P; UDI_SN:FOC2222B2BB;"',
      { kind: 'SLR_RETURN', udiSerial: 'FOC2222B2BB' },
    ],
    [
      'License reservation transferred for product instance "UDI_PID:C9300-24P; UDI_SN:FOC3333C3CC;" from "Lab" to "Prod"',
      {
        kind: 'SLR_TRANSFER',
        udiSerial: 'FOC3333C3CC',
        fromVirtualAccount: 'Lab',
        toVirtualAccount: 'Prod',
      },
    ],
    [
      '5 licenses of "C9300 DNA Advantage, 3Y Term" transferred from VA "Lab" to VA "Prod"',
      {
        kind: 'LICENSE_TRANSFER',
        quantity: 5,
        license: 'C9300 DNA Advantage, 3Y Term',
        fromVirtualAccount: 'Lab',
        toVirtualAccount: 'Prod',
      },
    ],
    [
      '10 licenses of C9200 Network Essentials were added to virtual account Sales-West.',
      {
        kind: 'LICENSE_ADD',
        quantity: 10,
        license: 'C9200 Network Essentials',
        toVirtualAccount: 'Sales-West',
      },
    ],
    [
      'Removed 3 licenses of "ISE Base" from VA "Lab"',
      { kind: 'LICENSE_REMOVE', quantity: 3, license: 'ISE Base', fromVirtualAccount: 'Lab' },
    ],
    [
      'Virtual Account "Lab" renamed to "Lab-EMEA"',
      { kind: 'VIRTUAL_ACCOUNT_RENAME', fromVirtualAccount: 'Lab', toVirtualAccount: 'Lab-EMEA' },
    ],
    [
      'Product Instance Registration Token created for Virtual Account "Sales-West"',
      { kind: 'TOKEN_CREATE', virtualAccount: 'Sales-West' },
    ],
    ['Generated a new token', { kind: 'TOKEN_CREATE', virtualAccount: null }],
    ['User jdoe granted Smart Account Administrator role', { kind: 'OTHER', license: null }],
  ] as const)('%s', (message, expected) => {
    expect(readEventMessage(message)).toMatchObject(expected);
  });
});

describe('parseEventLogCsv', () => {
  it('reads each row as an event, in ISO and UI time forms, keeping messages it does not understand', async () => {
    const text = [
      'message , TIME,User,Virtual Account',
      '"Satellite ""sat-east-01"" synchronized via network",2026-Sep-30 14:02:11,,',
      '"5 licenses of ""C9300 DNA Advantage, 3Y Term"" transferred from VA ""Lab"" to VA ""Prod""","Sep 30, 2026 2:02 PM",jdoe@acme.example,Lab',
      'Something nobody foresaw,2026-10-01T08:00:00+02:00,admin,',
    ].join('\n');
    const { events, issues, result } = await run(text);
    expect(issues).toEqual([]);
    expect(result).toEqual({
      byKind: { SATELLITE_SYNC_NETWORK: 1, LICENSE_TRANSFER: 1, OTHER: 1 },
    });
    expect(events.map((e) => [e.at.line, e.eventKind, e.occurredAt, e.user])).toEqual([
      [2, 'SATELLITE_SYNC_NETWORK', '2026-09-30T14:02:11.000Z', null],
      [3, 'LICENSE_TRANSFER', '2026-09-30T14:02:00.000Z', 'jdoe@acme.example'],
      [4, 'OTHER', '2026-10-01T06:00:00.000Z', 'admin'],
    ]);
    expect(events[0]).toMatchObject({ satellite: 'sat-east-01', virtualAccount: null });
    expect(events[1]).toMatchObject({
      virtualAccount: 'Lab',
      license: 'C9300 DNA Advantage, 3Y Term',
      quantity: 5,
      fromVirtualAccount: 'Lab',
      toVirtualAccount: 'Prod',
    });
    expect(events[2]).toMatchObject({ message: 'Something nobody foresaw', license: null });
  });

  it('gives identical rows distinct keys, and the same keys when the log is exported again', async () => {
    const row = 'Generated a new token,2026-09-30 09:00:00,jdoe';
    const first = await run(['Message,Time,User', row, row].join('\n'));
    const again = await run(
      [
        'Time,User,Message',
        '2026-09-30 09:00:00,jdoe,Generated a new token',
        row.replace('jdoe', 'asmith'),
      ].join('\n'),
    );
    const [a, b] = first.events.map((e) => e.naturalKey);
    expect(a).not.toEqual(b);
    expect(again.events[0]?.naturalKey).toEqual(a);
    expect(again.events[1]?.naturalKey).not.toEqual(a);
  });

  it('uses the Virtual Account given to the import when the log has no such column', async () => {
    const { events } = await run('Message,Time\nGenerated a new token,2026-09-30', {
      virtualAccount: 'Sales-West',
    });
    expect(events[0]).toMatchObject({
      virtualAccount: 'Sales-West',
      occurredAt: '2026-09-30T00:00:00.000Z',
    });
  });

  it('refuses a bad or blank time and a blank message at their cells', async () => {
    const text = [
      'User,Message,Time',
      'jdoe,Generated a new token,30/09/2026 14:02',
      'jdoe,,2026-09-30',
      'jdoe,Generated a new token,',
    ].join('\n');
    const { events, issues } = await run(text);
    expect(events).toEqual([]);
    expect(issues).toEqual([
      'events.csv:2:3: Time "30/09/2026 14:02" is not a date and time (use 2026-09-30T14:02:11Z, 2026-Sep-30 14:02:11 or Sep 30, 2026 2:02 PM)',
      'events.csv:3:2: Message is blank',
      'events.csv:4:3: Time is blank',
    ]);
  });

  it('names the missing column', async () => {
    const { issues } = await run('Event Date,User\n2026-09-30,jdoe');
    expect(issues).toEqual([
      'events.csv:1:1: missing column "Message" (or "Event", "Event Message", "Description"); the columns found are "Event Date", "User"',
      'events.csv:1:1: missing column "Time" (or "Event Time", "Date", "Timestamp", "Date/Time"); the columns found are "Event Date", "User"',
    ]);
  });
});
