import { subjectOf, type Estate } from './estate.js';
import { instanceEvidence, usageEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import { instanceLabel } from './text.js';

/** A decommissioned device still reporting licenses in use. */
export type GhostConsumptionFinding = FindingOf<'GHOST_CONSUMPTION'>;

/**
 * GHOST_CONSUMPTION: a DECOMMISSIONED instance whose latest report of a license is above 0,
 * one finding per instance × license. Quantity is the reported in-use; money is its value
 * (paid for a device that no longer runs).
 */
export function ghostConsumptionFindings(estate: Estate): GhostConsumptionFinding[] {
  const findings: GhostConsumptionFinding[] = [];
  for (const instance of estate.input.instances) {
    if (instance.status !== 'DECOMMISSIONED') continue;
    for (const usage of estate.usageOf(instance.id)) {
      if (usage.quantity <= 0) continue;
      findings.push({
        code: 'GHOST_CONSUMPTION',
        severity: 'high',
        key: `GHOST_CONSUMPTION:${instance.id}:${usage.licenseId}`,
        ...subjectOf(estate, instance.virtualAccountId, usage.licenseId),
        quantity: usage.quantity,
        money: estate.money(usage.licenseId, usage.quantity),
        message:
          `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} is ` +
          `decommissioned but still consumes ${usage.quantity} × ` +
          `${estate.licenseName(usage.licenseId)}: remove the product instance to release them.`,
        facts: { instanceId: instance.id },
        evidence: [instanceEvidence(instance), usageEvidence(estate, usage)],
      });
    }
  }
  return findings;
}
