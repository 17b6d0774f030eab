import type { IsoDate } from '../calendar.js';
import type { EntitlementSource, LicenseType } from '../position/lot.js';
import { positionLine, type PositionLine } from '../position/position.js';

import type {
  ReallocationInput,
  ReallocationLot,
  ReallocationVirtualAccount,
  UnitPrice,
} from './types.js';

/** Small builders for reallocation tests (not used by production code). */
export const SMART_ACCOUNT_ID = 1;
export const AS_OF: IsoDate = '2026-06-30';

export function account(
  id: number,
  tags: Partial<Omit<ReallocationVirtualAccount, 'id'>> = {},
): ReallocationVirtualAccount {
  return {
    id,
    name: `VA-${id}`,
    smartAccountId: SMART_ACCOUNT_ID,
    businessUnit: null,
    region: null,
    environment: 'PRODUCTION',
    ...tags,
  };
}

export function line(
  virtualAccountId: number,
  licenseId: number,
  ownedSmart: number,
  consumed: number,
  extra: { reserved?: number; ownedClassic?: number } = {},
): PositionLine {
  return positionLine(
    {
      virtualAccountId,
      licenseId,
      ownedSmart,
      ownedClassic: extra.ownedClassic ?? 0,
      consumed,
      reserved: extra.reserved ?? 0,
    },
    { includeClassic: true },
  );
}

export function lot(
  lotId: number,
  virtualAccountId: number,
  licenseId: number,
  quantity: number,
  terms: { licenseType?: LicenseType; endDate?: IsoDate | null; source?: EntitlementSource } = {},
): ReallocationLot {
  const licenseType = terms.licenseType ?? 'PERPETUAL';
  return {
    lotId,
    virtualAccountId,
    licenseId,
    licenseType,
    source: terms.source ?? 'SMART',
    quantity,
    startDate: null,
    endDate: terms.endDate ?? (licenseType === 'TERM' ? '2028-12-31' : null),
  };
}

export function estate(parts: {
  accounts: readonly ReallocationVirtualAccount[];
  lines: readonly PositionLine[];
  lots: readonly ReallocationLot[];
  prices?: readonly [number, UnitPrice][];
}): ReallocationInput {
  return {
    smartAccountId: SMART_ACCOUNT_ID,
    asOf: AS_OF,
    virtualAccounts: parts.accounts,
    lines: parts.lines,
    lots: parts.lots,
    unitPrices: new Map(parts.prices ?? []),
  };
}
