import { describe, expect, it } from 'vitest';

import { exampleInput, exampleInstance, findingsOf } from './example-estate.js';
import type { LogEventRecord, ReservationRecord } from './findings-input.js';
import { findings } from './findings.js';

const box = exampleInstance({
  id: 100,
  virtualAccountId: 2,
  name: 'UDI_PID:C9300-24P; UDI_SN:FOC0001',
  hostname: 'br-sw-01',
  connectionMode: 'SLR',
  lastContactAt: null,
  status: 'DECOMMISSIONED',
});
const reservation: ReservationRecord = {
  id: 500,
  instanceId: 100,
  virtualAccountId: 2,
  licenseId: 10,
  reservationType: 'SLR',
  quantity: 2,
};
const logEvent = (
  id: number,
  kind: LogEventRecord['kind'],
  occurredAt: string,
  instanceId = 100,
): LogEventRecord => ({ id, instanceId, kind, occurredAt, user: 'jdoe', message: `${kind} …` });

const stranded = (logEvents?: LogEventRecord[]) =>
  findingsOf(
    findings(
      exampleInput({
        instances: [box],
        reservations: [reservation],
        ...(logEvents ? { logEvents } : {}),
      }),
    ),
    'STRANDED_RESERVATION',
  )[0];

const HEAD =
  'Branch: br-sw-01 (UDI_PID:C9300-24P; UDI_SN:FOC0001) is decommissioned but still holds 2 × DNA Essentials reserved (SLR): return it to free them.';

describe('STRANDED_RESERVATION with Cisco’s Event Log', () => {
  it('says nothing of the log when none was imported', () => {
    expect(stranded()?.message).toBe(HEAD);
    expect(stranded([logEvent(1, 'SLR_RETURN', '2026-10-01T00:00:00.000Z', 999)])?.message).toBe(
      HEAD,
    );
  });

  it('says the log records a return, with the device’s log rows as evidence', () => {
    const finding = stranded([
      logEvent(1, 'SLR_RESERVE', '2025-03-01T09:00:00.000Z'),
      logEvent(2, 'SLR_RETURN', '2026-10-01T12:30:00.000Z'),
    ]);
    expect(finding?.message).toBe(
      `${HEAD} Cisco's Event Log records a return on 2026-10-01: import the device's current reservation to close this.`,
    );
    expect(finding?.evidence.filter((e) => e.kind === 'logEvent')).toEqual([
      {
        kind: 'logEvent',
        id: '1',
        instanceId: 100,
        eventKind: 'SLR_RESERVE',
        occurredAt: '2025-03-01T09:00:00.000Z',
        user: 'jdoe',
        message: 'SLR_RESERVE …',
      },
      expect.objectContaining({ id: '2', eventKind: 'SLR_RETURN' }),
    ]);
  });

  it('says the log records no return or transfer when its last word is a reserve or update', () => {
    const finding = stranded([
      logEvent(1, 'SLR_RESERVE', '2025-03-01T09:00:00.000Z'),
      logEvent(2, 'SLR_UPDATE', '2025-09-15T10:00:00.000Z'),
    ]);
    expect(finding?.message).toBe(
      `${HEAD} Cisco's Event Log records no return or transfer (last: update on 2025-09-15).`,
    );
  });
});
