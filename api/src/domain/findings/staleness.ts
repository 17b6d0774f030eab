import { addDays } from '../calendar.js';

import { daysBetween } from './days.js';
import { subjectOf, type Estate } from './estate.js';
import { instanceEvidence, satelliteEvidence, usageEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import type { InstanceRecord, SatelliteRecord } from './findings-input.js';
import { instanceLabel } from './text.js';

/** An instance or satellite past its reporting window. */
export type StaleReportingFinding = FindingOf<'STALE_REPORTING'>;

type InstanceRule = 'SUBSCRIPTION' | 'PERPETUAL_ONLY';

function inUse(estate: Estate, instance: InstanceRecord): number {
  return estate.usageOf(instance.id).reduce((t, usage) => t + usage.quantity, 0);
}

/** Licenses sold as subscriptions: those with at least one TERM lot in the account. */
function subscriptionLicenses(estate: Estate): Set<number> {
  return new Set(
    estate.input.lots.filter((lot) => lot.licenseType === 'TERM').map((lot) => lot.licenseId),
  );
}

/**
 * The reporting rule of what an instance holds (in use or reserved): any subscription (a
 * license with a TERM lot) → SUBSCRIPTION; otherwise PERPETUAL_ONLY, the longer window (a
 * license with no lot on record is not taken for a subscription: no alarm on a guess).
 */
function ruleOf(
  estate: Estate,
  terms: ReadonlySet<number>,
  instance: InstanceRecord,
): InstanceRule {
  const held = [
    ...estate.usageOf(instance.id).filter((u) => u.quantity > 0),
    ...estate.reservationsOf(instance.id).filter((r) => r.quantity > 0),
  ].map((row) => row.licenseId);
  return held.some((id) => terms.has(id)) ? 'SUBSCRIPTION' : 'PERPETUAL_ONLY';
}

const RULE_TEXT: Record<InstanceRule, string> = {
  SUBSCRIPTION: 'subscription licenses report every',
  PERPETUAL_ONLY: 'perpetual licenses only: report within',
};

function instanceFinding(
  estate: Estate,
  instance: InstanceRecord,
  rule: InstanceRule,
  satellite: SatelliteRecord | undefined,
): StaleReportingFinding | null {
  const window =
    rule === 'SUBSCRIPTION'
      ? estate.policy.reportingWindowDays
      : estate.policy.perpetualReportingWindowDays;
  if (instance.lastContactAt === null) return null;
  const daysSince = daysBetween(instance.lastContactAt, estate.asOf);
  if (daysSince <= window) return null;
  const via = satellite ? `satellite ${satellite.name}` : 'Cisco';
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
      `days ago (${RULE_TEXT[rule]} ${window} days), so its ${quantity} licenses in use are ` +
      `unverified: check it can reach ${via}, or decommission it.`,
    facts: {
      subject: 'INSTANCE',
      subjectId: instance.id,
      lastSeenOn: instance.lastContactAt,
      daysSince,
      limitDays: window,
      rule,
      instanceIds: [],
    },
    evidence: [
      instanceEvidence(instance),
      ...(satellite ? [satelliteEvidence(satellite)] : []),
      ...estate.usageOf(instance.id).map((usage) => usageEvidence(estate, usage)),
    ],
  };
}

/** Whether a satellite is past its alert start (it then speaks for its instances). */
function satelliteLate(estate: Estate, satellite: SatelliteRecord): boolean {
  const alertFrom = estate.policy.satelliteSyncDeadlineDays - estate.policy.satelliteAlertDays;
  return (
    satellite.lastSyncAt !== null && daysBetween(satellite.lastSyncAt, estate.asOf) > alertFrom
  );
}

function satelliteFinding(
  estate: Estate,
  satellite: SatelliteRecord,
  instances: readonly InstanceRecord[],
): StaleReportingFinding | null {
  const deadline = estate.policy.satelliteSyncDeadlineDays;
  const alertFrom = deadline - estate.policy.satelliteAlertDays;
  if (satellite.lastSyncAt === null || !satelliteLate(estate, satellite)) return null;
  const daysSince = daysBetween(satellite.lastSyncAt, estate.asOf);
  const pastDeadline = daysSince > deadline;
  const removalOn = addDays(satellite.lastSyncAt, deadline);
  const quantity = instances.reduce((t, instance) => t + inUse(estate, instance), 0);
  const head =
    `Satellite ${satellite.name} last synced on ${satellite.lastSyncAt}, ${daysSince} days ` +
    `ago`;
  const behind =
    `${instances.length} ${instances.length === 1 ? 'instance' : 'instances'} ` +
    `(${quantity} ${quantity === 1 ? 'license' : 'licenses'} in use)`;
  return {
    code: 'STALE_REPORTING',
    severity: pastDeadline ? 'critical' : 'medium',
    key: `STALE_REPORTING:satellite:${satellite.id}`,
    ...subjectOf(estate, null, null),
    quantity,
    money: null,
    message: pastDeadline
      ? `${head}, past the ${deadline}-day deadline (${removalOn}): sync it now; its ` +
        `${behind} ${instances.length === 1 ? 'is' : 'are'} unverified and may already be ` +
        `removed from the Smart Account.`
      : `${head}: sync it by ${removalOn} or its ${behind} ${instances.length === 1 ? 'is' : 'are'} ` +
        `removed (${deadline}-day deadline).`,
    facts: {
      subject: 'SATELLITE',
      subjectId: satellite.id,
      lastSeenOn: satellite.lastSyncAt,
      daysSince,
      limitDays: pastDeadline ? deadline : alertFrom,
      rule: 'SATELLITE_SYNC',
      instanceIds: instances.map((instance) => instance.id),
    },
    evidence: [satelliteEvidence(satellite), ...instances.map(instanceEvidence)],
  };
}

/**
 * STALE_REPORTING, one finding per thing to fix.
 *
 * Instance (ACTIVE, DIRECT_CLOUD or ON_PREM): last contact more than its window before `asOf`
 * (exactly the window is still fresh). The window follows what it holds (in use or
 * reserved): any subscription → `reportingWindowDays` (90), only perpetual licenses →
 * `perpetualReportingWindowDays` (365), per Cisco's default SLP policy. SLR/PLR instances
 * never report and are never stale; decommissioned ones are not expected to.
 *
 * Satellite: last sync more than `satelliteSyncDeadlineDays − satelliteAlertDays` days ago
 * is an alert (medium), more than the deadline critical. Its ACTIVE ON_PREM instances are
 * judged through it: while it is late they are listed in its evidence and `instanceIds`
 * (quantity is their in-use), never as findings of their own; behind a satellite in time
 * they are judged as instances. An unknown last contact or sync (null) is not judged.
 */
export function staleReportingFindings(estate: Estate): StaleReportingFinding[] {
  const findings: StaleReportingFinding[] = [];
  const terms = subscriptionLicenses(estate);
  const satellites = new Map(estate.input.satellites.map((s) => [s.id, s]));
  const behind = new Map<number, InstanceRecord[]>();
  for (const instance of [...estate.input.instances].sort((a, b) => a.id - b.id)) {
    if (instance.status !== 'ACTIVE') continue;
    if (instance.connectionMode !== 'DIRECT_CLOUD' && instance.connectionMode !== 'ON_PREM') {
      continue;
    }
    const satellite =
      instance.connectionMode === 'ON_PREM' && instance.satelliteId !== null
        ? satellites.get(instance.satelliteId)
        : undefined;
    if (satellite) {
      const listed = behind.get(satellite.id);
      if (listed) listed.push(instance);
      else behind.set(satellite.id, [instance]);
    }
    if (satellite && satelliteLate(estate, satellite)) continue;
    const finding = instanceFinding(estate, instance, ruleOf(estate, terms, instance), satellite);
    if (finding) findings.push(finding);
  }
  for (const satellite of estate.input.satellites) {
    const finding = satelliteFinding(estate, satellite, behind.get(satellite.id) ?? []);
    if (finding) findings.push(finding);
  }
  return findings;
}
