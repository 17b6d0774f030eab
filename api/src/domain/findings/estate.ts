import type { IsoDate } from '../calendar.js';
import type { Money } from '../money/money.js';
import { licensePositions, type LicensePosition } from '../position/license-position.js';
import { isLotActive } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

import { licenseCures, type LicenseCures } from './cures.js';
import { newPositionLineEvidence } from './evidence.js';
import type { PositionLineEvidence } from './finding.js';
import type {
  FindingsInput,
  FindingsPolicy,
  InstanceRecord,
  LicenseRecord,
  LotRecord,
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
  readonly money: (licenseId: number, quantity: number) => Money | null;
  /**
   * Lots the position counts (SMART always, CLASSIC_PAK in the unified view) per
   * `virtualAccountId:licenseId`, in input order. Built once per run.
   */
  readonly countedLots: () => ReadonlyMap<string, readonly LotRecord[]>;
  /**
   * CLASSIC_PAK lots above 0 and active at `asOf` per `virtualAccountId:licenseId`, in input
   * order. Built once per run.
   */
  readonly activeClassicLots: () => ReadonlyMap<string, readonly LotRecord[]>;
  /** A line as evidence: built once per line and shared by every finding that cites it. */
  readonly lineEvidence: (line: PositionLine) => PositionLineEvidence;
  /** Position lines per license, in input order. Built once per run. */
  readonly linesByLicense: () => ReadonlyMap<number, readonly PositionLine[]>;
  /** `licensePositions` of the position lines. Built once per run. */
  readonly licensePositions: () => readonly LicensePosition[];
  /** `licenseCures` of one of `licensePositions()` over its lines, once per license per run. */
  readonly cures: (position: LicensePosition) => LicenseCures;
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

/** `build()` on the first call, the same value after. */
function once<T>(build: () => T): () => T {
  let value: { readonly v: T } | null = null;
  return () => (value ??= { v: build() }).v;
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
  // Per Virtual Account, then license: no key string per line.
  const lines = new Map<number, Map<number, PositionLine>>();
  for (const line of input.positionLines) {
    let of = lines.get(line.virtualAccountId);
    if (!of) lines.set(line.virtualAccountId, (of = new Map()));
    of.set(line.licenseId, line);
  }
  const usage = groupBy(input.deviceUsage, (row) => row.instanceId);
  const reservations = groupBy(input.reservations, (row) => row.instanceId);
  const includeClassic = input.includeClassic ?? true;
  const lotsByCell = (keep: (lot: LotRecord) => boolean) => () => {
    const groups = new Map<string, LotRecord[]>();
    for (const lot of input.lots) {
      if (!keep(lot)) continue;
      const key = `${lot.virtualAccountId}:${lot.licenseId}`;
      const group = groups.get(key);
      if (group) group.push(lot);
      else groups.set(key, [lot]);
    }
    return groups;
  };
  const evidence = new Map<PositionLine, PositionLineEvidence>();
  const cures = new Map<number, LicenseCures>();
  const estate: Estate = {
    asOf: input.asOf,
    includeClassic,
    policy,
    input,
    virtualAccountName: (id) => virtualAccounts.get(id)?.name ?? `virtual account #${id}`,
    license: (id) => licenses.get(id),
    licenseName: (id) => licenses.get(id)?.name ?? `license #${id}`,
    instance: (id) => instances.get(id),
    instanceName: (id) => instances.get(id)?.name ?? `instance #${id}`,
    line: (virtualAccountId, licenseId) => lines.get(virtualAccountId)?.get(licenseId),
    usageOf: (instanceId) => usage.get(instanceId) ?? [],
    reservationsOf: (instanceId) => reservations.get(instanceId) ?? [],
    money: (licenseId, quantity) => {
      const price = prices.get(licenseId);
      if (!price) return null;
      // bigint throughout: quantity × price never loses precision, whatever the magnitude.
      return { amountMinor: BigInt(quantity) * price.unitPriceMinor, currency: price.currency };
    },
    countedLots: once(lotsByCell((lot) => lot.source === 'SMART' || includeClassic)),
    activeClassicLots: once(
      lotsByCell(
        (lot) => lot.source === 'CLASSIC_PAK' && lot.quantity > 0 && isLotActive(lot, input.asOf),
      ),
    ),
    lineEvidence: (line) => {
      let found = evidence.get(line);
      if (!found) evidence.set(line, (found = newPositionLineEvidence(estate, line)));
      return found;
    },
    linesByLicense: once(() => groupBy(input.positionLines, (line) => line.licenseId)),
    licensePositions: once(() => licensePositions(input.positionLines)),
    cures: (position) => {
      let found = cures.get(position.licenseId);
      if (!found) {
        const lines = estate.linesByLicense().get(position.licenseId) ?? [];
        cures.set(position.licenseId, (found = licenseCures(estate, position, lines)));
      }
      return found;
    },
  };
  return estate;
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
