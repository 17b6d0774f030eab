import { and, eq } from 'drizzle-orm';

import { licenses, priceBookEntries, type DbHandle } from '@trueup/db';

import {
  DomainError,
  validatePriceEntry,
  type IsoDate,
  type PriceEntry,
} from '../../domain/index.js';

import { priceRows, type PriceBookEntryRecord } from './price-rows.js';
import { upsertPriceEntry } from './price-upsert.js';

/** Sets one license's price in one currency from a date (creating or replacing that entry). */
export interface SetPriceCommand extends Omit<PriceEntry, 'licenseId'> {
  readonly smartAccountId: number;
  /** The license by id or by name (one of them). */
  readonly licenseId?: number | undefined;
  readonly license?: string | undefined;
}

/** A price to set; `validFrom` left out is today. */
export type SetPriceRequest = Omit<SetPriceCommand, 'validFrom'> & {
  readonly validFrom?: string | null | undefined;
};

export interface RemovePriceCommand {
  readonly smartAccountId: number;
  readonly licenseId?: number | undefined;
  readonly license?: string | undefined;
  readonly currency: string;
  readonly validFrom: IsoDate;
}

async function licenseIdOf(
  handle: DbHandle,
  command: { smartAccountId: number; licenseId?: number | undefined; license?: string | undefined },
): Promise<number> {
  const [row] = await handle.db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(
        eq(licenses.smartAccountId, command.smartAccountId),
        command.licenseId !== undefined
          ? eq(licenses.id, command.licenseId)
          : eq(licenses.name, command.license ?? ''),
      ),
    );
  if (!row)
    throw new DomainError('UNKNOWN_LICENSE', 'no such license in this Smart Account', {
      licenseId: command.licenseId,
      license: command.license,
    });
  return row.id;
}

/** The price book: listing, setting and removing entries. */
export function priceBookService(handle: DbHandle, asOfOrToday: (asOf?: string | null) => IsoDate) {
  return {
    /** Entries of one Smart Account; with `asOf`, only those in force then. */
    entries: (smartAccountId: number, asOf?: IsoDate) =>
      priceRows(handle, { smartAccountIds: [smartAccountId], asOf }),
    /** Entries in force at `asOf` for many licenses at once (DataLoader batches). */
    entriesOfLicenses: (licenseIds: readonly number[], asOf: IsoDate) =>
      priceRows(handle, { licenseIds, asOf }),

    async setPrice(request: SetPriceRequest): Promise<PriceBookEntryRecord> {
      const command: SetPriceCommand = { ...request, validFrom: asOfOrToday(request.validFrom) };
      validatePriceEntry(command);
      const licenseId = await licenseIdOf(handle, command);
      const row = await upsertPriceEntry(
        handle.db,
        {
          smartAccountId: command.smartAccountId,
          licenseId,
          currency: command.currency,
          validFrom: command.validFrom,
        },
        command,
      );
      const [entry] = (await priceRows(handle, { licenseIds: [licenseId] })).filter(
        (e) => e.id === row.id,
      );
      if (!entry) throw new Error('the price just written is missing');
      return entry;
    },

    /** Removes one entry; UNKNOWN_PRICE when there is none. Returns the removed entry. */
    async removePrice(command: RemovePriceCommand): Promise<PriceBookEntryRecord> {
      const licenseId = await licenseIdOf(handle, command);
      const [existing] = (await priceRows(handle, { licenseIds: [licenseId] })).filter(
        (e) => e.currency === command.currency && e.validFrom === command.validFrom,
      );
      if (!existing)
        throw new DomainError('UNKNOWN_PRICE', 'no price for this license, currency and date', {
          licenseId,
          currency: command.currency,
          validFrom: command.validFrom,
        });
      await handle.db.delete(priceBookEntries).where(eq(priceBookEntries.id, existing.id));
      return existing;
    },
  };
}
