import { addDays } from '../calendar.js';

import { daysBetween } from './days.js';
import { subjectOf, type Estate } from './estate.js';
import { instanceEvidence, satelliteEvidence, usageEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import type { InstanceRecord, SatelliteRecord } from './findings-input.js';
import { instanceLabel } from './text.js';

/** An instance or satellite past its reporting window. */
export type StaleReportingFinding = FindingOf<'STALE_REPORTING'>;

function inUse(estate: Estate, instance: InstanceRecord): number {
  return estate.usageOf(instance.id).reduce((t, usage) => t + usage.quantity, 0);
}

function instanceFinding(estate: Estate, instance: InstanceRecord): StaleReportingFinding | null {
  const window = estate.policy.reportingWindowDays;
  if (instance.lastContactAt === null) return null;
  const daysSince = daysBetween(instance.lastContactAt, estate.asOf);
  if (daysSince <= window) return null;
  const satellite =
    instance.satelliteId === null
      ? undefined
      : estate.input.satellites.find((s) => s.id === instance.satelliteId);
  const via =
    instance.connectionMode === 'ON_PREM' ? `satellite ${satellite?.name ?? '?'}` : 'Cisco';
  const quantity = inUse(estate, instance);
  return {
    code: 'STALE_REPORTING',
    severity: 'medium',
    key: `STALE_REPORTING:instance:${instance.id}`,
    ...subjectOf(estate, instance.virtualAccountId, null),
    quantity,
    money: null,
    message:
      `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} ` +
      `(${instance.connectionMode}) last reported on ${instance.lastContactAt}, ${daysSince} ` +
      `days ago (window ${window}), so its ${quantity} licenses in use are unverified: check it ` +
      `can reach ${via}, or decommission it.`,
    facts: {
      subject: 'INSTANCE',
      subjectId: instance.id,
      lastSeenOn: instance.lastContactAt,
      daysSince,
      limitDays: window,
    },
    evidence: [
      instanceEvidence(instance),
      ...(satellite ? [satelliteEvidence(satellite)] : []),
      ...estate.usageOf(instance.id).map((usage) => usageEvidence(estate, usage)),
    ],
  };
}

function satelliteFinding(
  estate: Estate,
  satellite: SatelliteRecord,
): StaleReportingFinding | null {
  const deadline = estate.policy.satelliteSyncDeadlineDays;
  const alertFrom = deadline - estate.policy.satelliteAlertDays;
  if (satellite.lastSyncAt === null) return null;
  const daysSince = daysBetween(satellite.lastSyncAt, estate.asOf);
  if (daysSince <= alertFrom) return null;
  const pastDeadline = daysSince > deadline;
  const removalOn = addDays(satellite.lastSyncAt, deadline);
  const instances = estate.input.instances
    .filter((i) => i.satelliteId === satellite.id && i.status === 'ACTIVE')
    .sort((a, b) => a.id - b.id);
  const quantity = instances.reduce((t, instance) => t + inUse(estate, instance), 0);
  const head = `Satellite ${satellite.name} last synced on ${satellite.lastSyncAt}, ${daysSince} days ago`;
  return {
    code: 'STALE_REPORTING',
    severity: pastDeadline ? 'critical' : 'medium',
    key: `STALE_REPORTING:satellite:${satellite.id}`,
    ...subjectOf(estate, null, null),
    quantity,
    money: null,
    message: pastDeadline
      ? `${head}, past the ${deadline}-day deadline (${removalOn}): sync it now; its ` +
        `${instances.length} instances may already be removed from the Smart Account.`
      : `${head}: sync it by ${removalOn} or its ${instances.length} instances are removed ` +
        `(${deadline}-day deadline).`,
    facts: {
      subject: 'SATELLITE',
      subjectId: satellite.id,
      lastSeenOn: satellite.lastSyncAt,
      daysSince,
      limitDays: pastDeadline ? deadline : alertFrom,
    },
    evidence: [satelliteEvidence(satellite), ...instances.map(instanceEvidence)],
  };
}

/**
 * STALE_REPORTING. Instance: ACTIVE, DIRECT_CLOUD or ON_PREM, last contact more than
 * `reportingWindowDays` before `asOf` (exactly the window is still fresh); quantity is its
 * reported in-use over all licenses. SLR/PLR instances never check in and are never stale;
 * decommissioned ones are not expected to. Satellite: last sync more than
 * `satelliteSyncDeadlineDays − satelliteAlertDays` days ago is an alert, more than the
 * deadline is critical; quantity is the in-use of its ACTIVE instances. An unknown last
 * contact or sync (null) is not judged: missing data is not evidence of silence. No money:
 * these findings span licenses.
 */
export function staleReportingFindings(estate: Estate): StaleReportingFinding[] {
  const findings: StaleReportingFinding[] = [];
  for (const instance of estate.input.instances) {
    if (instance.status !== 'ACTIVE') continue;
    if (instance.connectionMode !== 'DIRECT_CLOUD' && instance.connectionMode !== 'ON_PREM') {
      continue;
    }
    const finding = instanceFinding(estate, instance);
    if (finding) findings.push(finding);
  }
  for (const satellite of estate.input.satellites) {
    const finding = satelliteFinding(estate, satellite);
    if (finding) findings.push(finding);
  }
  return findings;
}
