import type { IsoDate, LicensePosition, PositionLine } from '../../domain/index.js';
import type { PositionRowFilter, PositionRowRecord } from '../../services/index.js';
import type { Environment, LicenseKind, LicenseUnit } from '../account/enums.js';

import type { PositionRowGql } from './position-row.type.js';
import type {
  BillingGql,
  LicensePositionGql,
  PositionFilterInput,
  PositionLineGql,
} from './position.type.js';

// Domain positions ↔ GraphQL: the one mapper of this edge.

/**
 * Position lines of one Smart Account at one date (the scope their money is priced in), with the
 * names they are shown under (service pages carry them; other callers look them up).
 */
export const toPositionLineGql =
  (scope: { smartAccountId: number; asOf: IsoDate }) =>
  (
    line: PositionLine & { readonly virtualAccountName: string; readonly licenseName: string },
  ): PositionLineGql => ({
    owned: line.owned,
    ownedSmart: line.ownedSmart,
    ownedClassic: line.ownedClassic,
    consumed: line.consumed,
    reserved: line.reserved,
    balance: line.balance,
    shortfall: line.shortfall,
    surplus: line.surplus,
    billing: line.billing as BillingGql,
    usageReportedAt: line.usageReportedAt,
    statedReserved: line.ledger?.reserved ?? null,
    virtualAccountName: line.virtualAccountName,
    licenseName: line.licenseName,
    virtualAccountId: line.virtualAccountId,
    licenseId: line.licenseId,
    smartAccountId: scope.smartAccountId,
    asOf: scope.asOf,
  });

/**
 * A flat row: the service's names are the GraphQL fields and its enum columns the enums' values
 * (the same strings), so the row is sent as it is, not copied (a BI page is 5,000 of them).
 */
export const toPositionRowGql = (row: PositionRowRecord): PositionRowGql =>
  row as PositionRowRecord & {
    readonly environment: Environment;
    readonly unit: LicenseUnit;
    readonly kind: LicenseKind;
    readonly billing: BillingGql;
  };

export const toLicensePositionGql = (position: LicensePosition): LicensePositionGql => ({
  owned: position.owned,
  consumed: position.consumed,
  reserved: position.reserved,
  balance: position.balance,
  grossShortfall: position.grossShortfall,
  netShortfall: position.netShortfall,
  curableByReallocation: position.curableByReallocation,
  curableByConversion: position.curableByConversion,
  surplus: position.surplus,
  grossSurplus: position.grossSurplus,
  movableSurplus: position.movableSurplus,
  virtualAccountCount: position.virtualAccountCount,
  licenseId: position.licenseId,
});

export const toPositionRowFilter = (
  input: PositionFilterInput | undefined | null,
): PositionRowFilter => ({
  virtualAccountNames: input?.virtualAccountNames ?? undefined,
  licenseNames: input?.licenseNames ?? undefined,
  productFamilies: input?.productFamilies ?? undefined,
  regions: input?.regions ?? undefined,
  businessUnits: input?.businessUnits ?? undefined,
  hasShortfall: input?.hasShortfall ?? undefined,
  hasSurplus: input?.hasSurplus ?? undefined,
});
