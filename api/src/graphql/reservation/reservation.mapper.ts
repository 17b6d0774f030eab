import { DomainError } from '../../domain/index.js';
import type {
  ClassicConversion,
  InstanceReference,
  LicenseReference,
  LotConversionRecord,
  ReservationChange,
  ReservationEventRow,
  ReservationRow,
  ReservationTransfer,
} from '../../services/index.js';
import { toEntitlementGql } from '../account/account.mapper.js';
import type { LicenseType } from '../account/enums.js';
import {
  parseGlobalId,
  parseOptionalGlobalId,
  toGlobalId,
  toGlobalIdOrNull,
} from '../node/global-id.js';

import type { ReservationEventTypeGql, ReservationTypeGql } from './enums.js';
import type {
  ConvertClassicLotsInput,
  ConvertDeviceLicensesInput,
  ConvertPakInput,
  ReserveLicensesInput,
  ReturnReservationInput,
  TransferReservationInput,
  UpdateReservationInput,
} from './reservation.input.js';
import type {
  ClassicConversionGql,
  ClassicConversionResultGql,
  ReservationChangeGql,
  ReservationEventGql,
  ReservationGql,
} from './reservation.type.js';

// Reservation inputs → service commands, and service records → GraphQL objects: the one mapper
// of this edge. Enum values are the same strings on both sides.

const change = (input: {
  smartAccountId: string;
  asOf?: string | null | undefined;
  actor: string;
  note?: string | null | undefined;
}) => ({
  smartAccountId: parseGlobalId(input.smartAccountId, 'SmartAccount', 'smartAccountId'),
  asOf: input.asOf ?? null,
  actor: input.actor,
  note: input.note ?? null,
});

function instanceOf(input: ReserveLicensesInput): InstanceReference {
  if (input.productInstanceId)
    return { id: parseGlobalId(input.productInstanceId, 'ProductInstance', 'productInstanceId') };
  if (input.udiPid && input.udiSerial) return { udiPid: input.udiPid, udiSerial: input.udiSerial };
  throw new DomainError(
    'MISSING_REFERENCE',
    'name the device: productInstanceId, or udiPid and udiSerial',
  );
}

function licenseOf(input: ReserveLicensesInput): LicenseReference {
  if (input.licenseId) return { id: parseGlobalId(input.licenseId, 'License', 'licenseId') };
  if (input.license) return { name: input.license };
  if (input.entitlementTag) return { entitlementTag: input.entitlementTag };
  throw new DomainError(
    'MISSING_REFERENCE',
    'name the license: licenseId, license or entitlementTag',
  );
}

export const toReserveCommand = (input: ReserveLicensesInput) => ({
  ...change(input),
  instance: instanceOf(input),
  license: licenseOf(input),
  reservationType: input.reservationType,
  quantity: input.quantity,
  authorizationCode: input.authorizationCode ?? null,
});

const reservationOf = (input: { reservationId: string }) =>
  parseGlobalId(input.reservationId, 'Reservation', 'reservationId');

export const toUpdateCommand = (input: UpdateReservationInput) => ({
  ...change(input),
  reservationId: reservationOf(input),
  quantity: input.quantity,
});

export const toReturnCommand = (input: ReturnReservationInput) => ({
  ...change(input),
  reservationId: reservationOf(input),
  quantity: input.quantity ?? undefined,
});

export const toTransferCommand = (input: TransferReservationInput) => ({
  ...change(input),
  reservationId: reservationOf(input),
  toInstance: {
    id: parseGlobalId(input.toProductInstanceId, 'ProductInstance', 'toProductInstanceId'),
  },
  quantity: input.quantity ?? undefined,
});

export const toConvertCommand = (input: ConvertClassicLotsInput) => ({
  ...change(input),
  lotId: parseGlobalId(input.lotId, 'Entitlement', 'lotId'),
  quantity: input.quantity ?? undefined,
  intoVirtualAccountId: parseOptionalGlobalId(
    input.intoVirtualAccountId,
    'VirtualAccount',
    'intoVirtualAccountId',
  ),
});

export const toConvertPakCommand = (input: ConvertPakInput) => ({
  ...change(input),
  pakNumber: input.pakNumber,
  license: input.license,
  quantity: input.quantity ?? undefined,
  intoVirtualAccount: input.intoVirtualAccount,
});

export const toConvertDeviceCommand = (input: ConvertDeviceLicensesInput) => ({
  ...change(input),
  deviceSerial: input.deviceSerial,
  intoVirtualAccount: input.intoVirtualAccount ?? undefined,
});

export const toReservationGql = (r: ReservationRow, asOf: string): ReservationGql => ({
  id: toGlobalId('Reservation', r.id),
  databaseId: r.id,
  reservationType: r.reservationType as ReservationTypeGql,
  authorizationCode: r.authorizationCode,
  licenseType: r.licenseType as LicenseType | null,
  startDate: r.startDate,
  endDate: r.endDate,
  asOf,
  reservationId: r.id,
  productInstanceId: r.productInstanceId,
  licenseId: r.licenseId,
  virtualAccountId: r.virtualAccountId,
});

/** A stored event; `quantityAfter` as read (stored, or the running sum of its trail). */
export const toReservationEventGql = (
  e: ReservationEventRow & { quantityAfter: number },
): ReservationEventGql => ({
  id: toGlobalId('ReservationEvent', e.id),
  databaseId: e.id,
  eventType: e.eventType as ReservationEventTypeGql,
  quantityDelta: e.quantityDelta,
  quantityAfter: e.quantityAfter,
  occurredOn: e.occurredOn,
  actor: e.actor,
  note: e.note,
  recordedAt: e.recordedAt.toISOString(),
  reservationId: e.reservationId,
  fromInstanceId: e.fromProductInstanceId,
  toInstanceId: e.toProductInstanceId,
});

const toChangeGql = (c: Omit<ReservationChange, 'asOf'>, asOf: string): ReservationChangeGql => ({
  reservation: toReservationGql(c.reservation, asOf),
  // Every event a change writes stores its quantity after.
  event: toReservationEventGql({ ...c.event, quantityAfter: c.event.quantityAfter ?? 0 }),
});

export const toReservationChangeGql = (c: ReservationChange): ReservationChangeGql =>
  toChangeGql(c, c.asOf);

/** transferReservation's payload fields (TransferReservationPayload). */
export const toReservationTransferGql = (t: ReservationTransfer) => ({
  source: toChangeGql(t.source, t.asOf),
  target: toChangeGql(t.target, t.asOf),
});

export const toClassicConversionGql = (c: LotConversionRecord): ClassicConversionGql => ({
  id: toGlobalId('ClassicConversion', c.id),
  databaseId: c.id,
  quantity: c.quantity,
  occurredOn: c.occurredOn,
  actor: c.actor,
  note: c.note,
  recordedAt: c.recordedAt.toISOString(),
  sourceLotId: toGlobalId('Entitlement', c.sourceLotId),
  smartLotId: toGlobalId('Entitlement', c.smartLotId),
  remainderLotId: toGlobalIdOrNull('Entitlement', c.remainderLotId),
  virtualAccountId: c.virtualAccountId,
  licenseId: c.licenseId,
});

export const toClassicConversionResultGql = (c: ClassicConversion): ClassicConversionResultGql => ({
  conversion: toClassicConversionGql(c.conversion),
  sourceLot: toEntitlementGql(c.sourceLot),
  smartLot: toEntitlementGql(c.smartLot),
  remainderLot: c.remainderLot ? toEntitlementGql(c.remainderLot) : null,
});
