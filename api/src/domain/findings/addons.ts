import type { BaseRequirement, Tier } from '../catalog/index.js';
import { deviceConsumption } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

import {
  addOnRelations,
  poolDeficit,
  type AddOnRelations,
  type RequirementPool,
} from './addon-relations.js';
import { subjectOf, type Estate } from './estate.js';
import {
  instanceEvidence,
  positionLineEvidence,
  reservationEvidence,
  usageEvidence,
} from './evidence.js';
import type { FindingOf } from './finding.js';
import type { InstanceRecord } from './findings-input.js';
import { compareText, instanceLabel, nameList } from './text.js';

/** An add-on consumed without a base that satisfies it. */
export type AddOnWithoutBaseFinding = FindingOf<'ADDON_WITHOUT_BASE'>;

/** Per license, what one instance consumes: max(reported in-use, reserved), as the position counts. */
function consumptionOf(estate: Estate, instance: InstanceRecord): Map<number, number> {
  const reported = new Map<number, number>();
  const reserved = new Map<number, number>();
  for (const usage of estate.usageOf(instance.id)) {
    reported.set(usage.licenseId, (reported.get(usage.licenseId) ?? 0) + usage.quantity);
  }
  for (const r of estate.reservationsOf(instance.id)) {
    reserved.set(r.licenseId, (reserved.get(r.licenseId) ?? 0) + r.quantity);
  }
  const consumed = new Map<number, number>();
  for (const licenseId of new Set([...reported.keys(), ...reserved.keys()])) {
    consumed.set(
      licenseId,
      deviceConsumption(reported.get(licenseId) ?? 0, reserved.get(licenseId) ?? 0),
    );
  }
  return consumed;
}

function describe(requirement: BaseRequirement): string {
  return requirement.kind === 'RULE' || requirement.kind === 'EXPLICIT'
    ? requirement.description
    : 'its base';
}

/**
 * The add-ons one device consumes (license → consumed, in map order) that nothing else it
 * consumes satisfies: the instance-level rule, also used to tell which devices can have a
 * finding at all (only whether each quantity is above 0 matters).
 */
export function addOnsWithoutBase(
  relations: AddOnRelations,
  consumed: ReadonlyMap<number, number>,
): { licenseId: number; requirement: BaseRequirement; addOnConsumed: number }[] {
  const lacking: { licenseId: number; requirement: BaseRequirement; addOnConsumed: number }[] = [];
  for (const [licenseId, addOnConsumed] of consumed) {
    const requirement = relations.requirement(licenseId);
    if (requirement.kind !== 'RULE' && requirement.kind !== 'EXPLICIT') continue;
    if (addOnConsumed <= 0) continue;
    const baseConsumed = [...consumed]
      .filter(([id, q]) => id !== licenseId && q > 0 && relations.satisfies(requirement, id))
      .reduce((t, [, q]) => t + q, 0);
    if (baseConsumed > 0) continue;
    lacking.push({ licenseId, requirement, addOnConsumed });
  }
  return lacking;
}

function instanceFindings(
  estate: Estate,
  relations: AddOnRelations,
  instance: InstanceRecord,
): AddOnWithoutBaseFinding[] {
  const findings: AddOnWithoutBaseFinding[] = [];
  const consumed = consumptionOf(estate, instance);
  for (const { licenseId, requirement, addOnConsumed } of addOnsWithoutBase(relations, consumed)) {
    const baseConsumed = 0;
    const required = describe(requirement);
    findings.push({
      code: 'ADDON_WITHOUT_BASE',
      severity: 'high',
      key: `ADDON_WITHOUT_BASE:instance:${instance.id}:${licenseId}`,
      ...subjectOf(estate, instance.virtualAccountId, licenseId),
      quantity: addOnConsumed,
      money: null,
      message:
        `${estate.virtualAccountName(instance.virtualAccountId)}: ${instanceLabel(instance)} uses ` +
        `${addOnConsumed} × ${estate.licenseName(licenseId)} without its base (it needs ` +
        `${required} on the same device): license the base on it or remove the add-on.`,
      facts: {
        scope: 'INSTANCE',
        instanceId: instance.id,
        baseLicenseId: requirement.kind === 'EXPLICIT' ? requirement.baseLicenseId : null,
        requiredBase: required,
        addOnConsumed,
        baseConsumed,
      },
      evidence: [
        instanceEvidence(instance),
        ...estate
          .usageOf(instance.id)
          .filter((u) => u.licenseId === licenseId)
          .map((u) => usageEvidence(estate, u)),
        ...estate
          .reservationsOf(instance.id)
          .filter((r) => r.licenseId === licenseId)
          .map((r) => reservationEvidence(estate, r)),
      ],
    });
  }
  return findings;
}

interface Pool {
  readonly addOns: PositionLine[];
  readonly bases: PositionLine[];
  readonly demand: Map<Tier, number>;
  readonly supply: Map<Tier, number>;
}

function add(map: Map<Tier, number>, tier: Tier, quantity: number): void {
  map.set(tier, (map.get(tier) ?? 0) + quantity);
}

/** Per Virtual Account, the add-on lines pooled by requirement, with the lines that supply them. */
function pools(estate: Estate, relations: AddOnRelations): Map<number, Map<string, Pool>> {
  // Per Virtual Account, then pool key: no key string per add-on line.
  const byAccount = new Map<number, Map<string, Pool>>();
  const lines = estate.input.positionLines.filter((line) => line.consumed > 0);
  // Bases are looked for in the add-on's own Virtual Account only: index the lines by it once
  // (scanning every line per pool is quadratic on a large account).
  const linesOf = new Map<number, PositionLine[]>();
  for (const line of lines) {
    const same = linesOf.get(line.virtualAccountId);
    if (same) same.push(line);
    else linesOf.set(line.virtualAccountId, [line]);
  }
  // Only a pool's `suppliers` can supply it: its Virtual Account's line of the base license
  // and its Network lines of the family, indexed once per Virtual Account (line order kept).
  const indexed = new Map<number, { at: Map<number, number>; family: Map<string, number[]> }>();
  const indexOf = (virtualAccountId: number) => {
    let index = indexed.get(virtualAccountId);
    if (index) return index;
    index = { at: new Map(), family: new Map() };
    (linesOf.get(virtualAccountId) ?? []).forEach((other, at) => {
      index.at.set(other.licenseId, at);
      const supplied = relations.network(other.licenseId);
      if (!supplied) return;
      const group = index.family.get(supplied.key);
      if (group) group.push(at);
      else index.family.set(supplied.key, [at]);
    });
    indexed.set(virtualAccountId, index);
    return index;
  };
  const candidatesOf = (virtualAccountId: number, pool: RequirementPool): PositionLine[] => {
    const { licenseId, familyKey } = relations.suppliers(pool);
    const index = indexOf(virtualAccountId);
    const at = new Set(familyKey === null ? [] : (index.family.get(familyKey) ?? []));
    const own = licenseId === null ? undefined : index.at.get(licenseId);
    if (own !== undefined) at.add(own);
    const same = linesOf.get(virtualAccountId) ?? [];
    return [...at].sort((a, b) => a - b).map((i) => same[i] as PositionLine);
  };
  for (const line of lines) {
    const pool = relations.pool(line.licenseId);
    if (!pool) continue;
    let ofAccount = byAccount.get(line.virtualAccountId);
    if (!ofAccount) byAccount.set(line.virtualAccountId, (ofAccount = new Map()));
    const entry: Pool = ofAccount.get(pool.key) ?? {
      addOns: [],
      bases: [],
      demand: new Map(),
      supply: new Map(),
    };
    ofAccount.set(pool.key, entry);
    entry.addOns.push(line);
    add(entry.demand, pool.minimumTier ?? 'ESSENTIALS', line.consumed);
    if (entry.addOns.length > 1) continue;
    for (const other of candidatesOf(line.virtualAccountId, pool)) {
      const tier = relations.supplies(pool, other.licenseId);
      if (tier === null) continue;
      entry.bases.push(other);
      add(entry.supply, tier, other.consumed);
    }
  }
  return byAccount;
}

function virtualAccountFindings(
  estate: Estate,
  relations: AddOnRelations,
  onInstances: readonly AddOnWithoutBaseFinding[],
): AddOnWithoutBaseFinding[] {
  const findings: AddOnWithoutBaseFinding[] = [];
  // Units already reported on a device, per Virtual Account × add-on license.
  const onDevices = new Map<string, number>();
  for (const f of onInstances) {
    const k = `${f.virtualAccountId}|${f.licenseId}`;
    onDevices.set(k, (onDevices.get(k) ?? 0) + f.quantity);
  }
  for (const [virtualAccountId, ofAccount] of pools(estate, relations)) {
    for (const [poolKey, pool] of ofAccount) {
      const finding = poolFinding(estate, relations, onDevices, virtualAccountId, poolKey, pool);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function poolFinding(
  estate: Estate,
  relations: AddOnRelations,
  onDevices: ReadonlyMap<string, number>,
  virtualAccountId: number,
  poolKey: string,
  pool: Pool,
): AddOnWithoutBaseFinding | null {
  const deficit = poolDeficit(pool.demand, pool.supply);
  if (deficit <= 0) return null; // nothing to explain (explained units are never negative)
  const addOnIds = new Set(pool.addOns.map((line) => line.licenseId));
  let explained = 0;
  for (const id of addOnIds) explained += onDevices.get(`${virtualAccountId}|${id}`) ?? 0;
  const quantity = deficit - explained;
  if (quantity <= 0) return null;
  const addOns = [...pool.addOns].sort(
    (a, b) => b.consumed - a.consumed || a.licenseId - b.licenseId,
  );
  const main = addOns[0] as PositionLine;
  const requirement = relations.requirement(main.licenseId);
  const required = describe(requirement);
  const addOnConsumed = addOns.reduce((t, line) => t + line.consumed, 0);
  const baseConsumed = pool.bases.reduce((t, line) => t + line.consumed, 0);
  const names = nameList(
    addOns.map((line) => estate.licenseName(line.licenseId)).sort(compareText),
  );
  return {
    code: 'ADDON_WITHOUT_BASE',
    severity: 'medium',
    key: `ADDON_WITHOUT_BASE:virtualAccount:${virtualAccountId}:${poolKey}`,
    ...subjectOf(estate, virtualAccountId, main.licenseId),
    quantity,
    money: null,
    message:
      `${estate.virtualAccountName(virtualAccountId)}: ${addOnConsumed} × ${names} consumed ` +
      `but only ${baseConsumed} × a base that covers them (${required}): ${quantity} ` +
      `add-ons run without their base; license the base or correct the usage.`,
    facts: {
      scope: 'VIRTUAL_ACCOUNT',
      instanceId: null,
      baseLicenseId: requirement.kind === 'EXPLICIT' ? requirement.baseLicenseId : null,
      requiredBase: required,
      addOnConsumed,
      baseConsumed,
    },
    evidence: [...addOns, ...pool.bases].map((row) => positionLineEvidence(estate, row)),
  };
}

/**
 * ADDON_WITHOUT_BASE, on two levels. The relation comes from `baseRequirement`: the
 * catalog's explicit base (with higher tiers of it), else the Network ↔ DNA family and tier
 * rules. Instance: an ACTIVE instance consumes an add-on (max of reported and reserved) and
 * nothing that satisfies it; quantity is the add-on's consumption. Virtual Account: per pool
 * (family, or explicit base), the add-ons no base can cover by tier (`poolDeficit`), less the
 * units already reported on instances; port variants are set aside at this level. No money:
 * a missing base is not part of the exposure.
 */
export function addOnWithoutBaseFindings(estate: Estate): AddOnWithoutBaseFinding[] {
  const relations = addOnRelations(estate);
  const onInstances = estate.input.instances
    .filter((instance) => instance.status === 'ACTIVE')
    .flatMap((instance) => instanceFindings(estate, relations, instance));
  return [...onInstances, ...virtualAccountFindings(estate, relations, onInstances)];
}
