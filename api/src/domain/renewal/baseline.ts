import type { Finding } from '../findings/finding.js';
import type { InstanceRecord, UsageRecord } from '../findings/findings-input.js';

/** Units taken out of the renewal baseline: reclaimable, so neither option should pay for them. */
export interface BaselineAdjustment {
  readonly licenseId: number;
  readonly virtualAccountId: number;
  readonly instanceId: number;
  readonly instanceName: string;
  readonly units: number;
  /**
   * STRANDED_RESERVATION: reserved on a decommissioned or replaced device (return or transfer
   * it); GHOST_CONSUMPTION: a decommissioned device still reporting use (remove it).
   */
  readonly reason: 'STRANDED_RESERVATION' | 'GHOST_CONSUMPTION';
}

/**
 * The reclaimable units the findings engine identified, per product instance × license: the
 * STRANDED_RESERVATION findings' reserved units and the GHOST_CONSUMPTION findings' reported
 * units (the latest report of each license the finding lists). The position counts a device as
 * max(reported, reserved), so per instance × license the larger of the two is reclaimed, never
 * both; the reason is the larger one's (stranded on a tie). Sorted by license, instance.
 */
export function baselineAdjustments(
  findings: readonly Finding[],
  instances: readonly InstanceRecord[],
  deviceUsage: readonly UsageRecord[],
): BaselineAdjustment[] {
  const byPair = new Map<
    string,
    { licenseId: number; instanceId: number; stranded: number; ghost: number }
  >();
  const at = (instanceId: number, licenseId: number) => {
    const key = `${instanceId}:${licenseId}`;
    let entry = byPair.get(key);
    if (!entry) byPair.set(key, (entry = { licenseId, instanceId, stranded: 0, ghost: 0 }));
    return entry;
  };
  for (const finding of findings) {
    if (finding.code === 'STRANDED_RESERVATION' && finding.licenseId !== null)
      at(finding.facts.instanceId, finding.licenseId).stranded += finding.quantity;
    if (finding.code === 'GHOST_CONSUMPTION')
      for (const licenseId of finding.facts.licenseIds) {
        const usage = deviceUsage.find(
          (u) => u.instanceId === finding.facts.instanceId && u.licenseId === licenseId,
        );
        at(finding.facts.instanceId, licenseId).ghost += usage?.quantity ?? 0;
      }
  }
  const instanceOf = new Map(instances.map((i) => [i.id, i]));
  const adjustments: BaselineAdjustment[] = [];
  for (const { licenseId, instanceId, stranded, ghost } of byPair.values()) {
    const units = Math.max(stranded, ghost);
    const instance = instanceOf.get(instanceId);
    if (units <= 0 || !instance) continue;
    adjustments.push({
      licenseId,
      virtualAccountId: instance.virtualAccountId,
      instanceId,
      instanceName: instance.hostname ?? instance.name,
      units,
      reason: stranded >= ghost ? 'STRANDED_RESERVATION' : 'GHOST_CONSUMPTION',
    });
  }
  return adjustments.sort((a, b) => a.licenseId - b.licenseId || a.instanceId - b.instanceId);
}

/** Units reclaimed per license (the sum of its adjustments). */
export function reclaimedByLicense(
  adjustments: readonly BaselineAdjustment[],
): Map<number, number> {
  const reclaimed = new Map<number, number>();
  for (const a of adjustments)
    reclaimed.set(a.licenseId, (reclaimed.get(a.licenseId) ?? 0) + a.units);
  return reclaimed;
}
