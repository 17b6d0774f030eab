import { deviceConsumption } from '../position/lot.js';

import { subjectOf, type Estate } from './estate.js';
import {
  instanceEvidence,
  positionLineEvidence,
  reservationEvidence,
  usageEvidence,
} from './evidence.js';
import type { FindingOf } from './finding.js';
import type { InstanceRecord } from './findings-input.js';
import { instanceLabel } from './text.js';

/** An add-on consumed without its required base (catalog relation). */
export type AddOnWithoutBaseFinding = FindingOf<'ADDON_WITHOUT_BASE'>;

/** Per license, what one instance consumes: max(reported in-use, reserved), as the position counts. */
function consumptionOf(estate: Estate, instance: InstanceRecord): Map<number, number> {
  const reported = new Map<number, number>();
  const reserved = new Map<number, number>();
  for (const usage of estate.usageOf(instance.id)) {
    reported.set(usage.licenseId, (reported.get(usage.licenseId) ?? 0) + usage.quantity);
  }
  for (const r of estate.reservationsOf(instance.id)) {
    reserved.set(r.licenseId, (reserved.get(r.licenseId) ?? 0) + r.quantity);
  }
  const consumed = new Map<number, number>();
  for (const licenseId of new Set([...reported.keys(), ...reserved.keys()])) {
    consumed.set(
      licenseId,
      deviceConsumption(reported.get(licenseId) ?? 0, reserved.get(licenseId) ?? 0),
    );
  }
  return consumed;
}

function instanceFindings(estate: Estate, instance: InstanceRecord): AddOnWithoutBaseFinding[] {
  const findings: AddOnWithoutBaseFinding[] = [];
  const consumed = consumptionOf(estate, instance);
  for (const [licenseId, addOnConsumed] of consumed) {
    const license = estate.license(licenseId);
    if (license?.kind !== 'ADD_ON' || license.requiredBaseLicenseId === null) continue;
    const baseLicenseId = license.requiredBaseLicenseId;
    const baseConsumed = consumed.get(baseLicenseId) ?? 0;
    if (addOnConsumed <= 0 || baseConsumed > 0) continue;
    findings.push({
      code: 'ADDON_WITHOUT_BASE',
      severity: 'high',
      key: `ADDON_WITHOUT_BASE:instance:${instance.id}:${licenseId}`,
      ...subjectOf(estate, instance.virtualAccountId, licenseId),
      quantity: addOnConsumed,
      money: estate.money(baseLicenseId, addOnConsumed),
      message:
        `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} uses ` +
        `${addOnConsumed} × ${license.name} without its base ` +
        `${estate.licenseName(baseLicenseId)}: license the base on it or remove the add-on.`,
      facts: {
        scope: 'INSTANCE',
        instanceId: instance.id,
        baseLicenseId,
        addOnConsumed,
        baseConsumed,
      },
      evidence: [
        instanceEvidence(instance),
        ...estate
          .usageOf(instance.id)
          .filter((u) => u.licenseId === licenseId)
          .map((u) => usageEvidence(estate, u)),
        ...estate
          .reservationsOf(instance.id)
          .filter((r) => r.licenseId === licenseId)
          .map((r) => reservationEvidence(estate, r)),
      ],
    });
  }
  return findings;
}

/**
 * ADDON_WITHOUT_BASE, on two levels. Instance: an ACTIVE instance consumes an ADD_ON license
 * (max of reported and reserved) and none of its required base; quantity is the add-on's
 * consumption. Virtual Account: the add-on's consumption exceeds its base's; quantity is the
 * difference. Add-ons with no catalog base are not judged. Money prices the missing base
 * license (what cures it), not the add-on.
 */
export function addOnWithoutBaseFindings(estate: Estate): AddOnWithoutBaseFinding[] {
  const findings: AddOnWithoutBaseFinding[] = [];
  for (const instance of estate.input.instances) {
    if (instance.status === 'ACTIVE') findings.push(...instanceFindings(estate, instance));
  }
  for (const line of estate.input.positionLines) {
    const license = estate.license(line.licenseId);
    if (license?.kind !== 'ADD_ON' || license.requiredBaseLicenseId === null) continue;
    const baseLicenseId = license.requiredBaseLicenseId;
    const baseLine = estate.line(line.virtualAccountId, baseLicenseId);
    const baseConsumed = baseLine?.consumed ?? 0;
    if (line.consumed <= baseConsumed) continue;
    const quantity = line.consumed - baseConsumed;
    findings.push({
      code: 'ADDON_WITHOUT_BASE',
      severity: 'medium',
      key: `ADDON_WITHOUT_BASE:virtualAccount:${line.virtualAccountId}:${line.licenseId}`,
      ...subjectOf(estate, line.virtualAccountId, line.licenseId),
      quantity,
      money: estate.money(baseLicenseId, quantity),
      message:
        `${estate.virtualAccountName(line.virtualAccountId)}: ${line.consumed} × ${license.name} ` +
        `consumed but only ${baseConsumed} × ${estate.licenseName(baseLicenseId)}: ${quantity} ` +
        `add-ons run without their base; license the base or correct the usage.`,
      facts: {
        scope: 'VIRTUAL_ACCOUNT',
        instanceId: null,
        baseLicenseId,
        addOnConsumed: line.consumed,
        baseConsumed,
      },
      evidence: [line, ...(baseLine ? [baseLine] : [])].map((row) =>
        positionLineEvidence(estate, row),
      ),
    });
  }
  return findings;
}
