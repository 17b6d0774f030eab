import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../../domain/index.js';
import type { Dated } from '../reservations/reservation-service.js';

import { conversionsOf, convertClassicLots } from './classic-conversion.js';

/** Classic PAK lots converted into Smart entitlement, with their record. */
export function conversionService(
  handle: DbHandle,
  asOfOrToday: (asOf?: string | null) => IsoDate,
) {
  return {
    convert: async (command: Dated<Parameters<typeof convertClassicLots>[1]>) =>
      convertClassicLots(handle, { ...command, asOf: asOfOrToday(command.asOf) }),
    conversionsOf: (smartAccountId: number) => conversionsOf(handle, smartAccountId),
  };
}

export type ConversionService = ReturnType<typeof conversionService>;
