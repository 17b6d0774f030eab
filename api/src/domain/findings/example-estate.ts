import { positionLine, type PositionLine } from '../position/position.js';

import type { Finding, FindingCode } from './finding.js';
import type {
  FindingsInput,
  InstanceRecord,
  LicenseRecord,
  LotRecord,
  VirtualAccountRecord,
} from './findings-input.js';

/**
 * A small hand-built estate and row builders, for the findings tests and for documentation
 * examples. Not used by the rules themselves.
 */
export const EXAMPLE_AS_OF = '2026-06-30';

/** Campus (1), Branch (2), Lab (3). */
export const EXAMPLE_VIRTUAL_ACCOUNTS: readonly VirtualAccountRecord[] = [
  { id: 1, name: 'Campus' },
  { id: 2, name: 'Branch' },
  { id: 3, name: 'Lab' },
];

/** DNA Essentials (10, BASE), DNA Advantage Add-on (11, needs 10), Router Base (12, BASE). */
export const EXAMPLE_LICENSES: readonly LicenseRecord[] = [
  { id: 10, name: 'DNA Essentials', kind: 'BASE', requiredBaseLicenseId: null },
  { id: 11, name: 'DNA Advantage Add-on', kind: 'ADD_ON', requiredBaseLicenseId: 10 },
  { id: 12, name: 'Router Base', kind: 'BASE', requiredBaseLicenseId: null },
];

/** A SMART, PERPETUAL lot unless overridden. */
export function exampleLot(
  row: Pick<LotRecord, 'id' | 'virtualAccountId' | 'licenseId' | 'quantity'> & Partial<LotRecord>,
): LotRecord {
  return {
    licenseType: 'PERPETUAL',
    startDate: null,
    endDate: null,
    source: 'SMART',
    pakNumber: null,
    sku: null,
    ...row,
  };
}

/** An ACTIVE DIRECT_CLOUD instance that reported on `EXAMPLE_AS_OF`, unless overridden. */
export function exampleInstance(
  row: Pick<InstanceRecord, 'id' | 'virtualAccountId' | 'name'> & Partial<InstanceRecord>,
): InstanceRecord {
  return {
    hostname: null,
    connectionMode: 'DIRECT_CLOUD',
    status: 'ACTIVE',
    lastContactAt: EXAMPLE_AS_OF,
    satelliteId: null,
    replacedById: null,
    ...row,
  };
}

/** A unified position line built by the position rules. */
export function exampleLine(
  virtualAccountId: number,
  licenseId: number,
  sums: { ownedSmart: number; consumed: number; ownedClassic?: number; reserved?: number },
): PositionLine {
  return positionLine(
    {
      virtualAccountId,
      licenseId,
      ownedSmart: sums.ownedSmart,
      ownedClassic: sums.ownedClassic ?? 0,
      consumed: sums.consumed,
      reserved: sums.reserved ?? 0,
    },
    { includeClassic: true },
  );
}

/** An input with the example Virtual Accounts and licenses and no rows, plus `rows`. */
export function exampleInput(rows: Partial<FindingsInput> = {}): FindingsInput {
  return {
    asOf: EXAMPLE_AS_OF,
    virtualAccounts: EXAMPLE_VIRTUAL_ACCOUNTS,
    licenses: EXAMPLE_LICENSES,
    positionLines: [],
    lots: [],
    instances: [],
    deviceUsage: [],
    reservations: [],
    satellites: [],
    ...rows,
  };
}

/** The findings of one code, narrowed. */
export function findingsOf<C extends FindingCode>(
  all: readonly Finding[],
  code: C,
): Extract<Finding, { code: C }>[] {
  return all.filter((finding): finding is Extract<Finding, { code: C }> => finding.code === code);
}
