import { addDays, type IsoDate } from '../calendar.js';
import type { PositionLine } from '../position/position.js';

import { addOnRelations } from './addon-relations.js';
import { addOnsWithoutBase } from './addons.js';
import type { FindingsPolicy, LicenseRecord } from './findings-input.js';
import { ledgerDeviceDifferences } from './ledger.js';
import { resolvePolicy } from './policy.js';

/**
 * What lets a loader read only the devices that can matter to the findings, instead of every
 * instance and usage report of the account. An instance can appear in a finding (as its subject
 * or its evidence) only when it is:
 *
 * - DECOMMISSIONED (GHOST_CONSUMPTION, STRANDED_RESERVATION) or SLR (OVER_RESERVATION);
 * - holding a reservation, or the replacement of one that does (the reservation findings);
 * - ACTIVE DIRECT_CLOUD / ON_PREM and silent since before `lastContactBefore` (the shortest
 *   reporting window: STALE_REPORTING), or ON_PREM behind a satellite not synced since before
 *   `satelliteSyncBefore` (listed in the satellite's finding);
 * - ACTIVE and consuming an add-on nothing else on it satisfies (ADDON_WITHOUT_BASE, instance
 *   level: `instancesLackingBase`; a device holding reservations is kept by the rule above);
 * - reporting usage on a Virtual Account × license whose ledger and devices disagree
 *   (LEDGER_DEVICE_MISMATCH evidence: `ledgerMismatches`).
 *
 * Every rule reads an instance together with all its usage reports and reservations, so a kept
 * instance is loaded whole; the findings over that subset equal the findings over the estate.
 *
 * Which lots the rules read, so that a loader can pass a subset of the account's lots (those
 * whose record reaches `asOf`) and get the same findings as with all of them. A rule reads:
 *
 * - LICENSES_EXPIRING: every counted lot of a Virtual Account × license holding a TERM lot
 *   above 0, active at `asOf` and ending by `expiringEndBy` (the balances before and after
 *   re-run the position over the cell's lots): such cells are passed whole;
 * - LICENSES_EXPIRED: the TERM lots that ended before `asOf`, of short cells;
 * - UNCONVERTED_PAK and the cures it names: the CLASSIC_PAK lots;
 * - STALE_REPORTING: only which licenses have at least one TERM lot (one per license suffices).
 *
 * A lot of any other kind appears in no finding and changes none: any superset of
 * `cells ∪ ended TERM ∪ CLASSIC_PAK ∪ one TERM lot per license` gives the same findings.
 */
export interface FindingsCutoffs {
  /** An instance last seen before this day may be stale. */
  readonly lastContactBefore: IsoDate;
  /** A satellite last synced before this day is late (its instances are listed). */
  readonly satelliteSyncBefore: IsoDate;
  /** A TERM lot ending from `asOf` to this day (the longest lead time) may be expiring. */
  readonly expiringEndBy: IsoDate;
}

export function findingsCutoffs(
  asOf: IsoDate,
  overrides?: Partial<FindingsPolicy>,
): FindingsCutoffs {
  const policy = resolvePolicy(overrides);
  const window = Math.min(policy.reportingWindowDays, policy.perpetualReportingWindowDays);
  const longestLead = Math.max(...policy.leadTimeDays);
  const alertFrom = policy.satelliteSyncDeadlineDays - policy.satelliteAlertDays;
  // Stale: daysSince > window, i.e. last contact < asOf − window (likewise for satellites).
  return {
    lastContactBefore: addDays(asOf, -window),
    satelliteSyncBefore: addDays(asOf, -alertFrom),
    expiringEndBy: addDays(asOf, longestLead),
  };
}

/**
 * Of devices grouped by the licenses their latest reports hold above 0 (one group per set of
 * licenses), the ids of those consuming an add-on that nothing else they hold satisfies.
 */
export function instancesLackingBase(
  licenses: readonly LicenseRecord[],
  groups: readonly {
    readonly licenseIds: readonly number[];
    readonly instanceIds: readonly number[];
  }[],
): number[] {
  const byId = new Map<number, LicenseRecord>();
  for (const license of licenses) if (!byId.has(license.id)) byId.set(license.id, license);
  const relations = addOnRelations({ license: (id) => byId.get(id) });
  const lacking: number[] = [];
  for (const group of groups) {
    const held = new Map(group.licenseIds.map((id) => [id, 1]));
    if (addOnsWithoutBase(relations, held).length > 0) lacking.push(...group.instanceIds);
  }
  return lacking;
}

/** The Virtual Account × license pairs whose ledger and devices disagree, as two parallel lists. */
export function ledgerMismatches(lines: readonly PositionLine[]): {
  virtualAccountIds: number[];
  licenseIds: number[];
} {
  const virtualAccountIds: number[] = [];
  const licenseIds: number[] = [];
  for (const line of lines) {
    if (!ledgerDeviceDifferences(line)) continue;
    virtualAccountIds.push(line.virtualAccountId);
    licenseIds.push(line.licenseId);
  }
  return { virtualAccountIds, licenseIds };
}
