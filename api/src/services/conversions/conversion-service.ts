import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../../domain/index.js';
import type { Dated } from '../clock.js';

import { conversionsOf, convertClassicLots } from './classic-conversion.js';
import { convertDevice, convertPak } from './pak-conversion.js';

/** Classic PAK lots converted into Smart entitlement, with their record. */
export function conversionService(
  handle: DbHandle,
  asOfOrToday: (asOf?: string | null) => IsoDate,
) {
  return {
    convert: async (command: Dated<Parameters<typeof convertClassicLots>[1]>) =>
      convertClassicLots(handle, { ...command, asOf: asOfOrToday(command.asOf) }),
    /** N units of a license from a PAK into a chosen Virtual Account. */
    convertPak: async (command: Dated<Parameters<typeof convertPak>[1]>) =>
      convertPak(handle, { ...command, asOf: asOfOrToday(command.asOf) }),
    /** Device-led: a device's PAK licenses into its Virtual Account. */
    convertDevice: async (command: Dated<Parameters<typeof convertDevice>[1]>) =>
      convertDevice(handle, { ...command, asOf: asOfOrToday(command.asOf) }),
    conversionsOf: (smartAccountId: number) => conversionsOf(handle, smartAccountId),
  };
}

export type ConversionService = ReturnType<typeof conversionService>;
