import { describe, expect, it } from 'vitest';

import { exampleInput, exampleInstance, findingsOf } from './example-estate.js';
import type { ReservationRecord } from './findings-input.js';
import { findings } from './findings.js';

const slrBox = exampleInstance({
  id: 100,
  virtualAccountId: 2,
  name: 'UDI_PID:C9300-24P; UDI_SN:FOC0001',
  hostname: 'br-sw-01',
  connectionMode: 'SLR',
  lastContactAt: null,
});
const reservation = (quantity: number, licenseId = 10, id = 500): ReservationRecord => ({
  id,
  instanceId: 100,
  virtualAccountId: 2,
  licenseId,
  reservationType: 'SLR',
  quantity,
});

describe('STRANDED_RESERVATION', () => {
  it('reports a reservation still held on a decommissioned instance', () => {
    const input = exampleInput({
      instances: [{ ...slrBox, status: 'DECOMMISSIONED' }],
      reservations: [reservation(2)],
      prices: [{ licenseId: 10, unitPriceMinor: 1_500n, currency: 'USD' }],
    });
    const [finding] = findingsOf(findings(input), 'STRANDED_RESERVATION');
    expect(finding).toMatchObject({
      severity: 'medium',
      virtualAccountName: 'Branch',
      quantity: 2,
      money: null, // stranded entitlement is owned, not exposure
      facts: { reason: 'DECOMMISSIONED', instanceId: 100 },
      message:
        'Branch: br-sw-01 (UDI_PID:C9300-24P; UDI_SN:FOC0001) is decommissioned but still holds 2 × DNA Essentials reserved (SLR): return it to free them.',
    });
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'instance', name: slrBox.name, hostname: 'br-sw-01' }),
    );
    expect(finding?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'reservation', instanceName: slrBox.name, quantity: 2 }),
    );
  });

  it('reports a reservation left on a replaced instance and names the replacement', () => {
    const replacement = exampleInstance({ id: 101, virtualAccountId: 2, name: 'FOC0002' });
    const input = exampleInput({
      instances: [{ ...slrBox, replacedById: 101 }, replacement],
      reservations: [reservation(1)],
    });
    const [finding] = findingsOf(findings(input), 'STRANDED_RESERVATION');
    expect(finding?.facts.reason).toBe('REPLACED');
    expect(finding?.message).toContain('was replaced by FOC0002');
    expect(finding?.money).toBeNull();
  });

  it('does not report a decommissioned instance whose reservation was returned', () => {
    const input = exampleInput({
      instances: [{ ...slrBox, status: 'DECOMMISSIONED' }],
      reservations: [reservation(0)],
    });
    expect(findingsOf(findings(input), 'STRANDED_RESERVATION')).toEqual([]);
  });

  it('does not report a reservation on an active, unreplaced instance', () => {
    const input = exampleInput({ instances: [slrBox], reservations: [reservation(2)] });
    expect(findingsOf(findings(input), 'STRANDED_RESERVATION')).toEqual([]);
  });
});

describe('OVER_RESERVATION', () => {
  it('reports an SLR instance reporting more than it has reserved', () => {
    const input = exampleInput({
      instances: [slrBox],
      reservations: [reservation(2)],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 3 }],
    });
    const [finding, ...rest] = findings(input);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'OVER_RESERVATION',
      severity: 'high',
      quantity: 1,
      facts: { instanceId: 100, reported: 3, reserved: 2 },
      message:
        'Branch: br-sw-01 (UDI_PID:C9300-24P; UDI_SN:FOC0001) (SLR) reports 3 × DNA Essentials in use but has 2 reserved: update its reservation by 1.',
    });
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['instance', 'usage', 'reservation']);
  });

  it('counts an SLR license in use with no reservation at all', () => {
    const input = exampleInput({
      instances: [slrBox],
      deviceUsage: [{ instanceId: 100, licenseId: 12, quantity: 1 }],
    });
    expect(findingsOf(findings(input), 'OVER_RESERVATION')[0]?.quantity).toBe(1);
  });

  it('never reports a PLR device: its PLR covers every feature it uses', () => {
    const input = exampleInput({
      instances: [{ ...slrBox, connectionMode: 'PLR' }],
      reservations: [{ ...reservation(1, 11), reservationType: 'PLR' }],
      deviceUsage: [
        { instanceId: 100, licenseId: 12, quantity: 1 },
        { instanceId: 100, licenseId: 10, quantity: 4 },
      ],
    });
    expect(findingsOf(findings(input), 'OVER_RESERVATION')).toEqual([]);
  });

  it('does not report usage within the reservation, online devices or decommissioned ones', () => {
    const within = exampleInput({
      instances: [slrBox],
      reservations: [reservation(3)],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 3 }],
    });
    const online = exampleInput({
      instances: [{ ...slrBox, connectionMode: 'DIRECT_CLOUD', lastContactAt: '2026-06-01' }],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 3 }],
    });
    const gone = exampleInput({
      instances: [{ ...slrBox, status: 'DECOMMISSIONED' }],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 3 }],
    });
    expect(findingsOf(findings(within), 'OVER_RESERVATION')).toEqual([]);
    expect(findingsOf(findings(online), 'OVER_RESERVATION')).toEqual([]);
    expect(findingsOf(findings(gone), 'OVER_RESERVATION')).toEqual([]);
  });
});

describe('RESERVATION_EXPIRED', () => {
  const term = (endDate: string | null, quantity = 2): ReservationRecord => ({
    ...reservation(quantity),
    licenseType: 'TERM',
    endDate,
  });

  it('reports a reserved TERM entitlement whose end date has passed', () => {
    const input = exampleInput({
      instances: [slrBox],
      reservations: [term('2026-06-29')],
      prices: [{ licenseId: 10, unitPriceMinor: 1_500n, currency: 'USD' }],
    });
    const [finding, ...rest] = findingsOf(findings(input), 'RESERVATION_EXPIRED');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      key: 'RESERVATION_EXPIRED:500',
      virtualAccountName: 'Branch',
      licenseName: 'DNA Essentials',
      quantity: 2,
      // Money belongs to the shortfall finding of these units, never to this one (priced once).
      money: null,
      facts: { instanceId: 100, endDate: '2026-06-29', reserved: 2 },
      message:
        'Branch: br-sw-01 (UDI_PID:C9300-24P; UDI_SN:FOC0001) (SLR) holds 2 × DNA Essentials reserved on a term that ended 2026-06-29: renew the term and update the reservation, or return it.',
    });
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['reservation', 'instance']);
  });

  it('does not report a term ending today, an open or perpetual one, or a returned one', () => {
    for (const reservations of [
      [term('2026-06-30')],
      [term(null)],
      [{ ...reservation(2), licenseType: 'PERPETUAL' as const, endDate: '2026-01-01' }],
      [reservation(2)],
      [term('2026-01-01', 0)],
    ]) {
      const input = exampleInput({ instances: [slrBox], reservations });
      expect(findingsOf(findings(input), 'RESERVATION_EXPIRED')).toEqual([]);
    }
  });
});
