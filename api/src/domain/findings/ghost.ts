import { subjectOf, type Estate } from './estate.js';
import { instanceEvidence, usageEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import { compareText, instanceLabel } from './text.js';

/** A decommissioned device still reporting licenses in use. */
export type GhostConsumptionFinding = FindingOf<'GHOST_CONSUMPTION'>;

/**
 * GHOST_CONSUMPTION: a DECOMMISSIONED instance whose latest reports show licenses above 0,
 * one finding per instance (one action: remove the product instance). Quantity is its total
 * reported in-use; the license is named when there is one, else null (the message and
 * `facts.licenseIds` list them). No money: the units are priced on the shortfall they cause.
 */
export function ghostConsumptionFindings(estate: Estate): GhostConsumptionFinding[] {
  const findings: GhostConsumptionFinding[] = [];
  for (const instance of estate.input.instances) {
    if (instance.status !== 'DECOMMISSIONED') continue;
    const used = estate
      .usageOf(instance.id)
      .filter((usage) => usage.quantity > 0)
      .sort(
        (a, b) =>
          compareText(estate.licenseName(a.licenseId), estate.licenseName(b.licenseId)) ||
          a.licenseId - b.licenseId,
      );
    const only = used.length === 1 ? used[0] : undefined;
    if (used.length === 0) continue;
    const quantity = used.reduce((t, usage) => t + usage.quantity, 0);
    const list = used.map((u) => `${u.quantity} × ${estate.licenseName(u.licenseId)}`);
    const what =
      list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    findings.push({
      code: 'GHOST_CONSUMPTION',
      severity: 'high',
      key: `GHOST_CONSUMPTION:${instance.id}`,
      ...subjectOf(estate, instance.virtualAccountId, only?.licenseId ?? null),
      quantity,
      money: null,
      message:
        `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} is ` +
        `decommissioned but still consumes ${what ?? ''}: remove the product instance to ` +
        `release them.`,
      facts: {
        instanceId: instance.id,
        licenseIds: used.map((u) => u.licenseId).sort((a, b) => a - b),
      },
      evidence: [instanceEvidence(instance), ...used.map((u) => usageEvidence(estate, u))],
    });
  }
  return findings;
}
