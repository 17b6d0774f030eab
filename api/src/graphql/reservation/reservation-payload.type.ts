import { Payload } from '../mutation/payload.js';

import {
  ClassicConversionResultGql,
  ReservationChangeGql,
  ReservationEventGql,
  ReservationGql,
} from './reservation.type.js';

const change = {
  reservation: {
    type: () => ReservationGql,
    description: 'The reservation after the change; null when userErrors is not empty.',
  },
  event: {
    type: () => ReservationEventGql,
    description: 'The event the change wrote; null when userErrors is not empty.',
  },
};

export const ReserveLicensesPayload = Payload(
  'ReserveLicensesPayload',
  'What reserveLicenses answers: the reservation and its RESERVE event, or the input’s mistakes.',
  change,
);

export const UpdateReservationPayload = Payload(
  'UpdateReservationPayload',
  'What updateReservation answers: the reservation and its UPDATE event, or the input’s mistakes.',
  change,
);

export const ReturnReservationPayload = Payload(
  'ReturnReservationPayload',
  'What returnReservation answers: the reservation and its RETURN event, or the input’s mistakes.',
  change,
);

export const TransferReservationPayload = Payload(
  'TransferReservationPayload',
  'What transferReservation answers: TRANSFER_OUT on the source, TRANSFER_IN on the target, or the input’s mistakes.',
  {
    source: {
      type: () => ReservationChangeGql,
      description: 'The source device’s TRANSFER_OUT; null when userErrors is not empty.',
    },
    target: {
      type: () => ReservationChangeGql,
      description: 'The target device’s TRANSFER_IN; null when userErrors is not empty.',
    },
  },
);

export const ConvertClassicLotsPayload = Payload(
  'ConvertClassicLotsPayload',
  'What convertClassicLots answers: the conversion and the lots it touched, or the input’s mistakes.',
  {
    conversion: {
      type: () => ClassicConversionResultGql,
      description: 'The lot converted; null when userErrors is not empty.',
    },
  },
);

const conversions = {
  conversions: {
    type: () => [ClassicConversionResultGql],
    description: 'One result per classic lot taken from; null when userErrors is not empty.',
  },
};

export const ConvertPakPayload = Payload(
  'ConvertPakPayload',
  'What convertPak answers: one result per lot taken from, or the input’s mistakes.',
  conversions,
);

export const ConvertDeviceLicensesPayload = Payload(
  'ConvertDeviceLicensesPayload',
  'What convertDeviceLicenses answers: one result per lot converted, or the input’s mistakes.',
  conversions,
);
