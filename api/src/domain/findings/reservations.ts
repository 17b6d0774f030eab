import { isReservationInTerm } from '../position/lot.js';

import { subjectOf, type Estate } from './estate.js';
import {
  instanceEvidence,
  logEventEvidence,
  reservationEvidence,
  usageEvidence,
} from './evidence.js';
import type { FindingOf } from './finding.js';
import type { LogEventRecord } from './findings-input.js';
import { instanceLabel } from './text.js';

/** An SLR/PLR reservation pinned on a device that can no longer use it. */
export type StrandedReservationFinding = FindingOf<'STRANDED_RESERVATION'>;
/** An SLR device reporting more in use than it has reserved (PLR devices never are). */
export type OverReservationFinding = FindingOf<'OVER_RESERVATION'>;
/** A reserved TERM entitlement past its end date, still pinned on its device. */
export type ReservationExpiredFinding = FindingOf<'RESERVATION_EXPIRED'>;

/**
 * STRANDED_RESERVATION: a reservation holding more than 0 at `asOf` on an instance that is
 * DECOMMISSIONED or has been replaced (RMA, `replacedById` set): owned, pinned, unusable.
 * A returned reservation (quantity 0) is not stranded. Quantity is the reserved quantity;
 * money is its value. Where Cisco's Event Log records SLR events for the device, they are
 * evidence, and the message says whether the log's last word is a return or transfer (the
 * licenses have left the device in CSSM; Trueup's trail is behind) or not (still pinned).
 */
export function strandedReservationFindings(estate: Estate): StrandedReservationFinding[] {
  const findings: StrandedReservationFinding[] = [];
  for (const reservation of estate.input.reservations) {
    const instance = estate.instance(reservation.instanceId);
    if (!instance || reservation.quantity <= 0) continue;
    const reason =
      instance.status === 'DECOMMISSIONED'
        ? 'DECOMMISSIONED'
        : instance.replacedById !== null
          ? 'REPLACED'
          : null;
    if (reason === null) continue;
    const replacement =
      instance.replacedById === null ? undefined : estate.instance(instance.replacedById);
    const log = (estate.input.logEvents ?? []).filter((e) => e.instanceId === instance.id);
    const held =
      `still holds ${reservation.quantity} × ${estate.licenseName(reservation.licenseId)} ` +
      `reserved (${reservation.reservationType})`;
    const action =
      reason === 'REPLACED' && replacement
        ? `was replaced by ${instanceLabel(replacement)} but ${held}: transfer it to ${instanceLabel(replacement)} or return it.`
        : reason === 'REPLACED'
          ? `was replaced but ${held}: transfer it to the replacement or return it.`
          : `is decommissioned but ${held}: return it to free them.`;
    findings.push({
      code: 'STRANDED_RESERVATION',
      severity: 'medium',
      key: `STRANDED_RESERVATION:${reservation.id}`,
      ...subjectOf(estate, reservation.virtualAccountId, reservation.licenseId),
      quantity: reservation.quantity,
      money: estate.money(reservation.licenseId, reservation.quantity),
      message: `${estate.virtualAccountName(reservation.virtualAccountId)}: ${instanceLabel(instance)} ${action}${logNote(log)}`,
      facts: { reason, instanceId: instance.id },
      evidence: [
        reservationEvidence(estate, reservation),
        instanceEvidence(instance),
        ...(replacement ? [instanceEvidence(replacement)] : []),
        ...log.map(logEventEvidence),
      ],
    });
  }
  return findings;
}

/** What the Event Log's last SLR event for the device says, as a sentence; '' without a log. */
function logNote(log: readonly LogEventRecord[]): string {
  const last = log.at(-1);
  if (!last) return '';
  const day = last.occurredAt.slice(0, 10);
  return last.kind === 'SLR_RETURN' || last.kind === 'SLR_TRANSFER'
    ? ` Cisco's Event Log records a ${last.kind === 'SLR_RETURN' ? 'return' : 'transfer'} on ${day}: import the device's current reservation to close this.`
    : ` Cisco's Event Log records no return or transfer (last: ${last.kind === 'SLR_RESERVE' ? 'reserve' : 'update'} on ${day}).`;
}

/**
 * OVER_RESERVATION: an ACTIVE SLR instance whose reported in-use of a license exceeds the
 * quantity it has reserved of it (none reserved counts as 0): a device running without its
 * reservation updated. Quantity is the excess; money is excess × unit price. Decommissioned
 * devices are GHOST_CONSUMPTION instead.
 */
export function overReservationFindings(estate: Estate): OverReservationFinding[] {
  const findings: OverReservationFinding[] = [];
  for (const instance of estate.input.instances) {
    if (instance.status !== 'ACTIVE') continue;
    // A PLR device's per-feature use is covered by its PLR (see `countedUsage`): never over.
    if (instance.connectionMode !== 'SLR') continue;
    const reservations = estate.reservationsOf(instance.id);
    for (const usage of estate.usageOf(instance.id)) {
      const held = reservations.filter((r) => r.licenseId === usage.licenseId);
      const reserved = held.reduce((t, r) => t + r.quantity, 0);
      if (usage.quantity <= reserved) continue;
      const excess = usage.quantity - reserved;
      findings.push({
        code: 'OVER_RESERVATION',
        severity: 'high',
        key: `OVER_RESERVATION:${instance.id}:${usage.licenseId}`,
        ...subjectOf(estate, instance.virtualAccountId, usage.licenseId),
        quantity: excess,
        money: estate.money(usage.licenseId, excess),
        message:
          `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} ` +
          `(${instance.connectionMode}) reports ${usage.quantity} × ` +
          `${estate.licenseName(usage.licenseId)} in use but has ${reserved} reserved: ` +
          `update its reservation by ${excess}.`,
        facts: { instanceId: instance.id, reported: usage.quantity, reserved },
        evidence: [
          instanceEvidence(instance),
          usageEvidence(estate, usage),
          ...held.map((r) => reservationEvidence(estate, r)),
        ],
      });
    }
  }
  return findings;
}

/**
 * RESERVATION_EXPIRED: a reservation holding more than 0 at `asOf` whose entitlement is a TERM
 * that ended before `asOf` (see `isReservationInTerm`): the position no longer counts it, yet
 * the device still runs on it. Quantity is the reserved quantity; money is its value (what the
 * renewal is worth). Severity high.
 */
export function expiredReservationFindings(estate: Estate): ReservationExpiredFinding[] {
  const findings: ReservationExpiredFinding[] = [];
  const { asOf } = estate.input;
  for (const reservation of estate.input.reservations) {
    const instance = estate.instance(reservation.instanceId);
    const terms = {
      licenseType: reservation.licenseType ?? null,
      endDate: reservation.endDate ?? null,
    };
    if (!instance || reservation.quantity <= 0 || terms.endDate === null) continue;
    if (isReservationInTerm(terms, asOf)) continue;
    const license = estate.licenseName(reservation.licenseId);
    findings.push({
      code: 'RESERVATION_EXPIRED',
      severity: 'high',
      key: `RESERVATION_EXPIRED:${reservation.id}`,
      ...subjectOf(estate, reservation.virtualAccountId, reservation.licenseId),
      quantity: reservation.quantity,
      money: estate.money(reservation.licenseId, reservation.quantity),
      message:
        `${estate.virtualAccountName(reservation.virtualAccountId)}: ${instanceLabel(instance)} ` +
        `(${reservation.reservationType}) holds ${reservation.quantity} × ${license} reserved ` +
        `on a term that ended ${terms.endDate}: renew the term and update the reservation, or return it.`,
      facts: { instanceId: instance.id, endDate: terms.endDate, reserved: reservation.quantity },
      evidence: [reservationEvidence(estate, reservation), instanceEvidence(instance)],
    });
  }
  return findings;
}
