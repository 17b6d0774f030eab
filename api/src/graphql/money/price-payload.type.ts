import { Payload } from '../mutation/payload.js';

import { PriceBookEntryGql } from './money.type.js';

export const SetPricePayload = Payload(
  'SetPricePayload',
  'What setPrice answers: the entry in force, or the input’s mistakes (an unknown license, a malformed amount).',
  {
    priceBookEntry: {
      type: () => PriceBookEntryGql,
      description: 'The entry created or replaced; null when userErrors is not empty.',
    },
  },
);

export const RemovePricePayload = Payload(
  'RemovePricePayload',
  'What removePrice answers: the entry removed, or the input’s mistakes (no such entry: UNKNOWN_PRICE).',
  {
    priceBookEntry: {
      type: () => PriceBookEntryGql,
      description: 'The entry removed; null when userErrors is not empty.',
    },
  },
);
