import { virtualAccountConsumption } from '../position/consumption.js';
import type { PositionLine } from '../position/position.js';

import { subjectOf, type Estate } from './estate.js';
import { positionLineEvidence, reservationEvidence, usageEvidence } from './evidence.js';
import type { FindingEvidence, FindingOf } from './finding.js';

/** The account's ledger and its devices disagree on a Virtual Account × license. */
export type LedgerDeviceMismatchFinding = FindingOf<'LEDGER_DEVICE_MISMATCH'>;

/** Device usage and reservations of each Virtual Account × license (`va:license`), as evidence. */
function deviceEvidence(estate: Estate): Map<string, FindingEvidence[]> {
  const byLine = new Map<string, FindingEvidence[]>();
  const add = (virtualAccountId: number, licenseId: number, evidence: FindingEvidence) => {
    const key = `${virtualAccountId}:${licenseId}`;
    const rows = byLine.get(key);
    if (rows) rows.push(evidence);
    else byLine.set(key, [evidence]);
  };
  for (const usage of estate.input.deviceUsage) {
    const instance = estate.instance(usage.instanceId);
    if (instance) add(instance.virtualAccountId, usage.licenseId, usageEvidence(estate, usage));
  }
  for (const reservation of estate.input.reservations) {
    if (reservation.quantity <= 0) continue;
    add(
      reservation.virtualAccountId,
      reservation.licenseId,
      reservationEvidence(estate, reservation),
    );
  }
  return byLine;
}

function message(estate: Estate, line: PositionLine, facts: LedgerDeviceMismatchFinding['facts']) {
  const parts: string[] = [];
  const license = estate.licenseName(line.licenseId);
  if (facts.deviceReportedOn !== null && facts.ledgerInUse !== facts.deviceConsumed) {
    const winner =
      facts.used === 'DEVICE'
        ? "the devices' newer figure"
        : "the ledger's (what Cisco bills from)";
    parts.push(
      `the ledger says ${facts.ledgerInUse} in use as of ${facts.ledgerAsOf} but devices report ` +
        `${facts.deviceConsumed} as of ${facts.deviceReportedOn}; the position uses ${winner}`,
    );
  }
  if (facts.ledgerReserved !== null && facts.ledgerReserved !== facts.deviceReserved) {
    parts.push(
      `the ledger reserves ${facts.ledgerReserved} (as of ${facts.ledgerAsOf}) but SLR/PLR ` +
        `authorization codes hold ${facts.deviceReserved}`,
    );
  }
  return (
    `${estate.virtualAccountName(line.virtualAccountId)}, ${license}: ${parts.join('; ')}. ` +
    'Check for unimported device reports or codes, or a stale export.'
  );
}

/** The in-use and reserved differences of a line whose ledger and devices disagree, else null. */
export function ledgerDeviceDifferences(
  line: PositionLine,
): { inUseDifference: number; reservedDifference: number } | null {
  const { ledger, device } = line;
  if (!ledger || !device) return null;
  const inUseDifference = device.reportedOn === null ? 0 : device.consumed - ledger.consumed;
  const reservedDifference =
    ledger.reserved === null || device.reserved === 0 ? 0 : device.reserved - ledger.reserved;
  if (inUseDifference === 0 && reservedDifference === 0) return null;
  return { inUseDifference, reservedDifference };
}

/**
 * LEDGER_DEVICE_MISMATCH, one per Virtual Account × license whose account ledger (licenses
 * export / API) disagrees with its device-level data at `asOf`:
 *
 * - in use: the ledger's figure against the device sum (Σ max(report, reservation)), compared
 *   only when devices of that line have reported usage. A ledger with no device reports at all
 *   is not a mismatch: most customers import no device usage, and reservations alone are
 *   already part of the ledger's in-use.
 * - reserved: the ledger's own `reserved` figure against what SLR/PLR authorization codes hold,
 *   compared only when the ledger states one and code-level reservations exist for the line.
 *
 * Quantity is the in-use difference when there is one, else the reserved difference. No money:
 * units that are short are already priced by INSUFFICIENT_LICENSES. Severity medium.
 */
export function ledgerDeviceMismatchFindings(estate: Estate): LedgerDeviceMismatchFinding[] {
  const findings: LedgerDeviceMismatchFinding[] = [];
  let evidence: Map<string, FindingEvidence[]> | undefined;
  for (const line of estate.input.positionLines) {
    const differences = ledgerDeviceDifferences(line);
    const { ledger, device } = line;
    if (!differences || !ledger || !device) continue;
    const { inUseDifference, reservedDifference } = differences;
    const facts: LedgerDeviceMismatchFinding['facts'] = {
      ledgerInUse: ledger.consumed,
      ledgerAsOf: ledger.asOf,
      ledgerReserved: ledger.reserved,
      deviceConsumed: device.consumed,
      deviceReportedOn: device.reportedOn,
      deviceReserved: device.reserved,
      used: virtualAccountConsumption(ledger, device).source === 'DEVICE' ? 'DEVICE' : 'LEDGER',
    };
    evidence ??= deviceEvidence(estate);
    findings.push({
      code: 'LEDGER_DEVICE_MISMATCH',
      severity: 'medium',
      key: `LEDGER_DEVICE_MISMATCH:${line.virtualAccountId}:${line.licenseId}`,
      ...subjectOf(estate, line.virtualAccountId, line.licenseId),
      quantity: Math.abs(inUseDifference !== 0 ? inUseDifference : reservedDifference),
      money: null,
      message: message(estate, line, {
        ...facts,
        // Only a compared reserved figure is named in the message.
        ledgerReserved: reservedDifference === 0 ? null : ledger.reserved,
      }),
      facts,
      evidence: [
        positionLineEvidence(estate, line),
        ...(evidence.get(`${line.virtualAccountId}:${line.licenseId}`) ?? []),
      ],
    });
  }
  return findings;
}
