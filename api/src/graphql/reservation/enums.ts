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
  valuesConfig: {
    SLR: {
      description:
        'Specific License Reservation: named licenses in named quantities pinned on an offline device.',
    },
    PLR: {
      description:
        'Permanent License Reservation: the device may use every feature; its per-feature use counts 0.',
    },
  },
});
registerEnumType(ReservationEventTypeGql, {
  name: 'ReservationEventType',
  description: 'What one entry of a reservation trail did to the reserved quantity.',
  valuesConfig: {
    RESERVE: { description: 'Licenses reserved on the device (quantityDelta > 0).' },
    UPDATE: { description: 'The reserved quantity changed, up or down, by quantityDelta.' },
    TRANSFER_IN: {
      description: 'Licenses arrived from another device (paired with its TRANSFER_OUT).',
    },
    TRANSFER_OUT: {
      description: 'Licenses left for another device (paired with its TRANSFER_IN).',
    },
    RETURN: { description: 'Licenses returned to the Virtual Account (quantityDelta < 0).' },
  },
});
registerEnumType(StrandedReasonGql, {
  name: 'StrandedReason',
  description: 'Why reserved licenses are unusable: the device is decommissioned or replaced.',
  valuesConfig: {
    DECOMMISSIONED: { description: 'The device is DECOMMISSIONED.' },
    REPLACED: { description: 'The device was replaced by another (RMA).' },
  },
});
registerEnumType(TransferHistoryGql, {
  name: 'TransferHistory',
  description:
    'NONE: never transferred in. CLEAN: every TRANSFER_IN is matched by the source’s TRANSFER_OUT ' +
    '(same day, devices and quantity) and the trail never goes below zero. UNMATCHED: otherwise.',
  valuesConfig: {
    NONE: { description: 'Never transferred in.' },
    CLEAN: {
      description:
        'Every TRANSFER_IN matched by the source’s TRANSFER_OUT and the trail never below zero.',
    },
    UNMATCHED: {
      description: 'A TRANSFER_IN without its matching TRANSFER_OUT, or the trail goes below zero.',
    },
  },
});
