import { registerEnumType } from 'type-graphql';

// GraphQL enums mirror the database and domain values; the same strings end to end.
export enum ReservationTypeGql {
  SLR = 'SLR',
  PLR = 'PLR',
}
export enum ReservationEventTypeGql {
  RESERVE = 'RESERVE',
  UPDATE = 'UPDATE',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
  RETURN = 'RETURN',
}
export enum StrandedReasonGql {
  DECOMMISSIONED = 'DECOMMISSIONED',
  REPLACED = 'REPLACED',
}
export enum TransferHistoryGql {
  NONE = 'NONE',
  CLEAN = 'CLEAN',
  UNMATCHED = 'UNMATCHED',
}

registerEnumType(ReservationTypeGql, {
  name: 'ReservationType',
  description: 'Specific (SLR) or permanent (PLR) license reservation.',
});
registerEnumType(ReservationEventTypeGql, { name: 'ReservationEventType' });
registerEnumType(StrandedReasonGql, {
  name: 'StrandedReason',
  description: 'Why reserved licenses are unusable: the device is decommissioned or replaced.',
});
registerEnumType(TransferHistoryGql, {
  name: 'TransferHistory',
  description:
    'NONE: never transferred in. CLEAN: every TRANSFER_IN is matched by the source’s TRANSFER_OUT ' +
    '(same day, devices and quantity) and the trail never goes below zero. UNMATCHED: otherwise.',
});
