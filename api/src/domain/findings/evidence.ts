import type { PositionLine } from '../position/position.js';

import type { Estate } from './estate.js';
import type {
  InstanceEvidence,
  LogEventEvidence,
  LotEvidence,
  PositionLineEvidence,
  ReservationEvidence,
  SatelliteEvidence,
  UsageEvidence,
} from './finding.js';
import type {
  InstanceRecord,
  LogEventRecord,
  LotRecord,
  ReservationRecord,
  SatelliteRecord,
  UsageRecord,
} from './findings-input.js';

/** A lot as evidence, with its license name. */
export function lotEvidence(estate: Estate, lot: LotRecord): LotEvidence {
  return {
    kind: 'lot',
    id: String(lot.id),
    virtualAccountId: lot.virtualAccountId,
    licenseId: lot.licenseId,
    licenseName: estate.licenseName(lot.licenseId),
    quantity: lot.quantity,
    licenseType: lot.licenseType,
    source: lot.source,
    startDate: lot.startDate,
    endDate: lot.endDate,
    pakNumber: lot.pakNumber,
    sku: lot.sku,
  };
}

/** An instance as evidence, with its name and hostname. */
export function instanceEvidence(instance: InstanceRecord): InstanceEvidence {
  return {
    kind: 'instance',
    id: String(instance.id),
    virtualAccountId: instance.virtualAccountId,
    name: instance.name,
    hostname: instance.hostname,
    connectionMode: instance.connectionMode,
    status: instance.status,
    lastContactAt: instance.lastContactAt,
    satelliteId: instance.satelliteId,
    replacedById: instance.replacedById,
  };
}

/** A reservation as evidence, with the instance and license names. */
export function reservationEvidence(
  estate: Estate,
  reservation: ReservationRecord,
): ReservationEvidence {
  return {
    kind: 'reservation',
    id: String(reservation.id),
    instanceId: reservation.instanceId,
    instanceName: estate.instanceName(reservation.instanceId),
    licenseId: reservation.licenseId,
    licenseName: estate.licenseName(reservation.licenseId),
    reservationType: reservation.reservationType,
    quantity: reservation.quantity,
  };
}

/**
 * A position line as evidence, with the Virtual Account and license names: the estate's one
 * object per line (`Estate.lineEvidence`), shared by every finding that cites the line.
 */
export function positionLineEvidence(estate: Estate, line: PositionLine): PositionLineEvidence {
  return estate.lineEvidence(line);
}

/** Builds a line's evidence (`positionLineEvidence` gives the estate's shared one). */
export function newPositionLineEvidence(
  estate: Pick<Estate, 'virtualAccountName' | 'licenseName'>,
  line: PositionLine,
): PositionLineEvidence {
  return {
    kind: 'positionLine',
    id: `${line.virtualAccountId}:${line.licenseId}`,
    virtualAccountId: line.virtualAccountId,
    virtualAccountName: estate.virtualAccountName(line.virtualAccountId),
    licenseId: line.licenseId,
    licenseName: estate.licenseName(line.licenseId),
    owned: line.owned,
    ownedSmart: line.ownedSmart,
    ownedClassic: line.ownedClassic,
    consumed: line.consumed,
    reserved: line.reserved,
    balance: line.balance,
  };
}

/** A satellite as evidence. */
export function satelliteEvidence(satellite: SatelliteRecord): SatelliteEvidence {
  return {
    kind: 'satellite',
    id: String(satellite.id),
    name: satellite.name,
    lastSyncAt: satellite.lastSyncAt,
  };
}

/** A usage report as evidence, with the instance and license names. */
export function usageEvidence(estate: Estate, usage: UsageRecord): UsageEvidence {
  return {
    kind: 'usage',
    id: `${usage.instanceId}:${usage.licenseId}`,
    instanceId: usage.instanceId,
    instanceName: estate.instanceName(usage.instanceId),
    licenseId: usage.licenseId,
    licenseName: estate.licenseName(usage.licenseId),
    quantity: usage.quantity,
  };
}

/** An Event Log row about a device as evidence. */
export function logEventEvidence(event: LogEventRecord): LogEventEvidence {
  return {
    kind: 'logEvent',
    id: String(event.id),
    instanceId: event.instanceId,
    eventKind: event.kind,
    occurredAt: event.occurredAt,
    user: event.user,
    message: event.message,
  };
}
