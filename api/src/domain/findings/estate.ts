import type { IsoDate } from '../calendar.js';
import type { PositionLine } from '../position/position.js';

import type { FindingMoney } from './finding.js';
import type {
  FindingsInput,
  FindingsPolicy,
  InstanceRecord,
  LicenseRecord,
  ReservationRecord,
  UsageRecord,
} from './findings-input.js';

/** The findings input indexed for lookups; built once per run by `indexEstate`. */
export interface Estate {
  readonly asOf: IsoDate;
  readonly includeClassic: boolean;
  readonly policy: FindingsPolicy;
  readonly input: FindingsInput;
  readonly virtualAccountName: (id: number) => string;
  readonly license: (id: number) => LicenseRecord | undefined;
  readonly licenseName: (id: number) => string;
  readonly instance: (id: number) => InstanceRecord | undefined;
  readonly instanceName: (id: number) => string;
  /** The position line of a Virtual Account × license, if any. */
  readonly line: (virtualAccountId: number, licenseId: number) => PositionLine | undefined;
  /** Usage reports of one instance, in input order. */
  readonly usageOf: (instanceId: number) => readonly UsageRecord[];
  /** Reservations of one instance, in input order. */
  readonly reservationsOf: (instanceId: number) => readonly ReservationRecord[];
  /** quantity × the license's unit price, or null when the license has no price. */
  readonly money: (licenseId: number, quantity: number) => FindingMoney | null;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function firstBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T> {
  const first = new Map<number, T>();
  for (const row of rows) if (!first.has(key(row))) first.set(key(row), row);
  return first;
}

/**
 * Indexes the input. Unknown ids get a readable placeholder name (`license #7`) rather than an
 * exception: names only decorate messages; validation of references happens at the entry.
 */
export function indexEstate(input: FindingsInput, policy: FindingsPolicy): Estate {
  const virtualAccounts = firstBy(input.virtualAccounts, (va) => va.id);
  const licenses = firstBy(input.licenses, (license) => license.id);
  const instances = firstBy(input.instances, (instance) => instance.id);
  const prices = firstBy(input.prices ?? [], (price) => price.licenseId);
  const lines = new Map<string, PositionLine>();
  for (const line of input.positionLines) {
    lines.set(`${line.virtualAccountId}:${line.licenseId}`, line);
  }
  const usage = groupBy(input.deviceUsage, (row) => row.instanceId);
  const reservations = groupBy(input.reservations, (row) => row.instanceId);
  return {
    asOf: input.asOf,
    includeClassic: input.includeClassic ?? true,
    policy,
    input,
    virtualAccountName: (id) => virtualAccounts.get(id)?.name ?? `virtual account #${id}`,
    license: (id) => licenses.get(id),
    licenseName: (id) => licenses.get(id)?.name ?? `license #${id}`,
    instance: (id) => instances.get(id),
    instanceName: (id) => instances.get(id)?.name ?? `instance #${id}`,
    line: (virtualAccountId, licenseId) => lines.get(`${virtualAccountId}:${licenseId}`),
    usageOf: (instanceId) => usage.get(instanceId) ?? [],
    reservationsOf: (instanceId) => reservations.get(instanceId) ?? [],
    money: (licenseId, quantity) => {
      const price = prices.get(licenseId);
      if (!price) return null;
      // bigint throughout: quantity × price never loses precision, whatever the magnitude.
      return { amountMinor: BigInt(quantity) * price.unitPriceMinor, currency: price.currency };
    },
  };
}

/** The Virtual Account and license a finding is about, with their names. */
export interface FindingSubject {
  readonly virtualAccountId: number | null;
  readonly virtualAccountName: string | null;
  readonly licenseId: number | null;
  readonly licenseName: string | null;
}

/** Names the subject of a finding; null ids stay null (account-level or cross-license). */
export function subjectOf(
  estate: Estate,
  virtualAccountId: number | null,
  licenseId: number | null,
): FindingSubject {
  return {
    virtualAccountId,
    virtualAccountName:
      virtualAccountId === null ? null : estate.virtualAccountName(virtualAccountId),
    licenseId,
    licenseName: licenseId === null ? null : estate.licenseName(licenseId),
  };
}
