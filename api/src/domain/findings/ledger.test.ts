import { describe, expect, it } from 'vitest';

import { positionLine, sumsFromSources } from '../position/position.js';

import { exampleInput, exampleInstance, findingsOf } from './example-estate.js';
import { findings } from './findings.js';

/** Campus × DNA Essentials from its ledger and device figures, by the position rules. */
function campusLine(
  ledger: { consumed: number; asOf: string; reserved: number | null } | null,
  device: { consumed: number; reserved: number; reportedOn: string | null } | null,
) {
  return positionLine(
    sumsFromSources({
      virtualAccountId: 1,
      licenseId: 10,
      ownedSmart: 10,
      ownedClassic: 0,
      ledger: ledger && { ...ledger, billing: 'PREPAID' },
      device: device && { ...device, reservedOn: device.reserved > 0 ? '2026-03-01' : null },
    }),
    { includeClassic: true },
  );
}

const mismatches = (line: ReturnType<typeof campusLine>, rows = {}) =>
  findingsOf(findings(exampleInput({ positionLines: [line], ...rows })), 'LEDGER_DEVICE_MISMATCH');

describe('LEDGER_DEVICE_MISMATCH', () => {
  it('names both figures and dates, and which one the position uses', () => {
    const line = campusLine(
      { consumed: 3, asOf: '2026-01-31', reserved: null },
      { consumed: 5, reserved: 0, reportedOn: '2026-06-29' },
    );
    const input = {
      instances: [exampleInstance({ id: 100, virtualAccountId: 1, name: 'cmp-sw-01' })],
      deviceUsage: [{ instanceId: 100, licenseId: 10, quantity: 5 }],
    };
    expect(mismatches(line, input)).toEqual([
      {
        code: 'LEDGER_DEVICE_MISMATCH',
        severity: 'medium',
        key: 'LEDGER_DEVICE_MISMATCH:1:10',
        virtualAccountId: 1,
        virtualAccountName: 'Campus',
        licenseId: 10,
        licenseName: 'DNA Essentials',
        quantity: 2,
        money: null,
        message:
          "Campus, DNA Essentials: the ledger says 3 in use as of 2026-01-31 but devices report 5 as of 2026-06-29; the position uses the devices' newer figure. Check for unimported device reports or codes, or a stale export.",
        facts: {
          ledgerInUse: 3,
          ledgerAsOf: '2026-01-31',
          ledgerReserved: null,
          deviceConsumed: 5,
          deviceReportedOn: '2026-06-29',
          deviceReserved: 0,
          used: 'DEVICE',
        },
        evidence: [
          expect.objectContaining({ kind: 'positionLine', consumed: 5 }),
          expect.objectContaining({ kind: 'usage', instanceName: 'cmp-sw-01', quantity: 5 }),
        ],
      },
    ]);
  });

  it('is silent when they agree, without device reports, or without a ledger', () => {
    const agree = campusLine(
      { consumed: 5, asOf: '2026-06-29', reserved: null },
      { consumed: 5, reserved: 0, reportedOn: '2026-06-29' },
    );
    expect(mismatches(agree)).toEqual([]);
    expect(mismatches(campusLine({ consumed: 7, asOf: '2026-06-29', reserved: 2 }, null))).toEqual(
      [],
    );
    expect(
      mismatches(campusLine(null, { consumed: 4, reserved: 0, reportedOn: '2026-06-29' })),
    ).toEqual([]);
  });

  it("reconciles the ledger's reserved with the authorization codes when both exist", () => {
    // Reservations only (SLR devices never report): in-use is not compared, reserved is.
    const line = campusLine(
      { consumed: 4, asOf: '2026-06-29', reserved: 2 },
      { consumed: 3, reserved: 3, reportedOn: null },
    );
    const [finding] = mismatches(line);
    expect(finding).toMatchObject({ quantity: 1, facts: { used: 'LEDGER', deviceReserved: 3 } });
    expect(finding?.message).toBe(
      'Campus, DNA Essentials: the ledger reserves 2 (as of 2026-06-29) but SLR/PLR authorization codes hold 3. Check for unimported device reports or codes, or a stale export.',
    );
    const unstated = campusLine(
      { consumed: 4, asOf: '2026-06-29', reserved: null },
      { consumed: 3, reserved: 3, reportedOn: null },
    );
    expect(mismatches(unstated)).toEqual([]);
  });
});
