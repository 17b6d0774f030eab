import { DomainError, parseMinor, unitTrueUpPrice } from '../../domain/index.js';
import type { CurrencyCode, AccountExposure, ExposureTotals, IsoDate } from '../../domain/index.js';
import type {
  PriceBookEntryRecord,
  RemovePriceCommand,
  SetPriceRequest,
} from '../../services/index.js';
import type { LicenseType } from '../account/enums.js';
import { parseGlobalId, toGlobalId } from '../node/global-id.js';

import { toMoneyGql } from './money-value.mapper.js';
import type {
  ExposureGql,
  ExposureTotalsGql,
  PriceBookEntryGql,
  RemovePriceInput,
  SetPriceInput,
} from './money.type.js';

// Price book and exposure ↔ GraphQL; Money itself is built by money-value.mapper.ts.

export const toPriceBookEntryGql = (entry: PriceBookEntryRecord): PriceBookEntryGql => {
  const unit = unitTrueUpPrice(entry);
  return {
    id: toGlobalId('PriceBookEntry', entry.id),
    databaseId: entry.id,
    licenseId: entry.licenseId,
    licenseName: entry.licenseName,
    currency: entry.currency as CurrencyCode,
    licenseType: entry.licenseType as LicenseType | null,
    listPrice: toMoneyGql({ amountMinor: entry.listPriceMinor, currency: entry.currency }),
    discountBasisPoints: entry.discountBasisPoints,
    supportRateBasisPoints: entry.supportRateBasisPoints,
    unitTrueUpPrice: toMoneyGql(unit),
    eaSuite: entry.eaSuite,
    inEnterpriseAgreement: entry.inEnterpriseAgreement,
    eaUnitPrice: toMoneyGql(
      entry.eaUnitPriceMinor === null
        ? unit
        : { amountMinor: entry.eaUnitPriceMinor, currency: entry.currency },
    ),
    hasEaUnitPrice: entry.eaUnitPriceMinor !== null,
    validFrom: entry.validFrom,
  };
};

const totalsGql = (totals: ExposureTotals): ExposureTotalsGql => ({
  gross: totals.gross.map(toMoneyGql),
  net: totals.net.map(toMoneyGql),
  curableByReallocation: totals.curableByReallocation.map(toMoneyGql),
});

export const toExposureGql = (
  exposure: AccountExposure,
  asOf: IsoDate,
  licenseNames: ReadonlyMap<number, string>,
): ExposureGql => ({
  asOf,
  ...totalsGql(exposure),
  byProductFamily: exposure.byProductFamily.map((family) => ({
    productFamily: family.productFamily,
    ...totalsGql(family),
  })),
  unpricedLicenseNames: exposure.unpricedLicenseIds.map((id) => licenseNames.get(id) ?? String(id)),
});

function amountMinor(text: string, field: string): bigint {
  const minor = parseMinor(text);
  if (minor === null || minor < 0n)
    throw new DomainError('INVALID_PRICE', `${field} "${text}" is not an amount like 1200.50`, {
      field,
    });
  return minor;
}

/**
 * A price's type: TERM or PERPETUAL as given, or null to follow the license's entitlement.
 * UNKNOWN is a lot's type, never a price's.
 */
function priceLicenseType(type: LicenseType | null | undefined): 'TERM' | 'PERPETUAL' | null {
  if (type === 'UNKNOWN') {
    throw new DomainError(
      'INVALID_PRICE',
      'a price is for TERM or PERPETUAL licenses, not UNKNOWN',
      {
        licenseType: type,
      },
    );
  }
  return type ?? null;
}

const licenseRef = (input: { licenseId?: string | null; license?: string | null }) =>
  input.licenseId
    ? { licenseId: parseGlobalId(input.licenseId, 'License', 'licenseId') }
    : { license: input.license ?? '' };

export const toSetPriceCommand = (input: SetPriceInput): SetPriceRequest => ({
  smartAccountId: parseGlobalId(input.smartAccountId, 'SmartAccount', 'smartAccountId'),
  ...licenseRef(input),
  currency: input.currency,
  licenseType: priceLicenseType(input.licenseType),
  listPriceMinor: amountMinor(input.listPrice, 'listPrice'),
  discountBasisPoints: input.discountBasisPoints ?? 0,
  supportRateBasisPoints: input.supportRateBasisPoints ?? 0,
  eaSuite: input.eaSuite ?? null,
  inEnterpriseAgreement: input.inEnterpriseAgreement ?? input.eaSuite != null,
  eaUnitPriceMinor:
    input.eaUnitPrice === null || input.eaUnitPrice === undefined
      ? null
      : amountMinor(input.eaUnitPrice, 'eaUnitPrice'),
  validFrom: input.validFrom,
});

export const toRemovePriceCommand = (input: RemovePriceInput): RemovePriceCommand => ({
  smartAccountId: parseGlobalId(input.smartAccountId, 'SmartAccount', 'smartAccountId'),
  ...licenseRef(input),
  currency: input.currency,
  validFrom: input.validFrom,
});
