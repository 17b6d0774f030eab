import {
  type ReallocationMove,
  type ReallocationPlan,
  type SimulationResult,
} from '../../domain/index.js';
import type {
  AppliedScenario,
  NameBook,
  NamedMove,
  NamedPolicy,
  ScenarioRecord,
  TransferRecord,
} from '../../services/index.js';
import type { LicenseType } from '../account/enums.js';
import { toMoneyGql } from '../money/money-value.mapper.js';
import { toGlobalId, toGlobalIdOrNull } from '../node/global-id.js';
import { toPositionLineGql } from '../position/position.mapper.js';

import type { ReallocationMoveInput, ReallocationPolicyInput } from './reallocation.input.js';
import type {
  MoveWarningCodeGql,
  ReallocationMoveGql,
  ReallocationPlanGql,
  ReallocationSimulationGql,
  ScenarioGql,
  ScenarioStatusGql,
  TransferGql,
} from './reallocation.type.js';

// Reallocation and scenarios ↔ GraphQL: the one mapper of this edge. Ids become names here.

const licenseName = (book: NameBook, id: number) => book.licenseName.get(id) ?? String(id);
const vaName = (book: NameBook, id: number) => book.virtualAccountName.get(id) ?? String(id);

export const toNamedMoves = (moves: readonly ReallocationMoveInput[]): NamedMove[] =>
  moves.map((m) => ({
    license: m.license,
    quantity: m.quantity,
    from: m.from,
    to: m.to,
    licenseType: m.licenseType ?? null,
  }));

export const toNamedPolicy = (
  policy: ReallocationPolicyInput | null | undefined,
): NamedPolicy | null => {
  if (!policy) return null;
  return {
    ...(policy.headroomBasisPoints != null
      ? { headroomBasisPoints: policy.headroomBasisPoints }
      : {}),
    ...(policy.horizon ? { horizon: policy.horizon } : {}),
    ...(policy.sameRegion != null ? { sameRegion: policy.sameRegion } : {}),
    ...(policy.sameBusinessUnit != null ? { sameBusinessUnit: policy.sameBusinessUnit } : {}),
    ...(policy.productionToNonProduction != null
      ? { productionToNonProduction: policy.productionToNonProduction }
      : {}),
    lockedVirtualAccounts: policy.lockedVirtualAccounts ?? [],
  };
};

export const toMoveGql = (book: NameBook, move: ReallocationMove): ReallocationMoveGql => ({
  license: licenseName(book, move.licenseId),
  licenseType: (move.licenseType ?? null) as LicenseType | null,
  quantity: move.quantity,
  from: vaName(book, move.fromVirtualAccountId),
  to: vaName(book, move.toVirtualAccountId),
});

export function toSimulationGql(
  book: NameBook,
  scope: { smartAccountId: number; asOf: string },
  result: SimulationResult,
): ReallocationSimulationGql {
  const asOf = scope.asOf;
  const toLine = toPositionLineGql(scope);
  return {
    asOf,
    feasible: result.feasible,
    lines: result.lines.map((change) => {
      const names = {
        virtualAccountName: vaName(book, change.before.virtualAccountId),
        licenseName: licenseName(book, change.before.licenseId),
      };
      return {
        ...names,
        before: toLine({ ...change.before, ...names }),
        after: toLine({ ...change.after, ...names }),
      };
    }),
    moves: result.moves.map((simulated) => ({
      index: simulated.index,
      move: toMoveGql(book, simulated.move),
      warnings: simulated.warnings.map((w) => ({
        code: w.code as MoveWarningCodeGql,
        blocking: w.blocking,
        message: w.message,
      })),
      allocations: simulated.allocations.map((a) => ({
        lotId: toGlobalIdOrNull('Entitlement', a.lotId),
        originLotId: toGlobalId('Entitlement', a.originLotId),
        quantity: a.quantity,
        licenseType: a.licenseType as LicenseType,
        endDate: a.endDate,
      })),
    })),
    shortfallChange: result.shortfallChange,
    surplusChange: result.surplusChange,
    exposureBefore: result.exposureBefore.map(toMoneyGql),
    exposureAfter: result.exposureAfter.map(toMoneyGql),
    exposureChange: result.exposureChange.map(toMoneyGql),
    unpricedShortfallBefore: result.unpricedShortfallBefore,
    unpricedShortfallAfter: result.unpricedShortfallAfter,
  };
}

export const toPlanGql = (
  book: NameBook,
  asOf: string,
  plan: ReallocationPlan,
): ReallocationPlanGql => ({
  asOf,
  moves: plan.moves.map((move) => toMoveGql(book, move)),
  transferRequests: plan.transferRequests.map((request) => ({
    sourceVirtualAccount: vaName(book, request.sourceVirtualAccountId),
    licenses: request.licenses.map((line) => ({
      license: licenseName(book, line.licenseId),
      licenseType: line.licenseType as LicenseType,
      quantity: line.quantity,
      targetVirtualAccount: vaName(book, line.targetVirtualAccountId),
      note: line.note,
    })),
  })),
  curedUnits: plan.curedUnits,
  boundUnits: plan.boundUnits,
  exposureBefore: plan.exposureBefore.map(toMoneyGql),
  exposureAfter: plan.exposureAfter.map(toMoneyGql),
  unpricedShortfallBefore: plan.unpricedShortfallBefore,
  unpricedShortfallAfter: plan.unpricedShortfallAfter,
});

export const toScenarioGql = (s: ScenarioRecord): ScenarioGql => ({
  id: toGlobalId('Scenario', s.id),
  databaseId: s.id,
  name: s.name,
  description: s.description,
  status: s.status as ScenarioStatusGql,
  version: s.version,
  author: s.author,
  asOf: s.asOf,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  appliedAt: s.appliedAt?.toISOString() ?? null,
  appliedBy: s.appliedBy,
  appliedOn: s.appliedOn,
  discardedAt: s.discardedAt?.toISOString() ?? null,
  scenarioId: s.id,
  smartAccountId: s.smartAccountId,
});

export const toTransferGql = (book: NameBook, t: TransferRecord): TransferGql => ({
  id: toGlobalId('Transfer', t.id),
  databaseId: t.id,
  license: licenseName(book, t.licenseId),
  licenseType: t.licenseType as LicenseType,
  quantity: t.quantity,
  from: vaName(book, t.fromVirtualAccountId),
  to: vaName(book, t.toVirtualAccountId),
  sourceLotId: toGlobalIdOrNull('Entitlement', t.sourceLotId),
  targetLotId: toGlobalIdOrNull('Entitlement', t.targetLotId),
  effectiveOn: t.effectiveOn,
  actor: t.actor,
  licenseId: t.licenseId,
  fromVirtualAccountId: t.fromVirtualAccountId,
  toVirtualAccountId: t.toVirtualAccountId,
});

/** applyScenario's payload fields (ApplyScenarioPayload). */
export const toApplyResultGql = (applied: AppliedScenario & { book: NameBook }) => ({
  scenario: toScenarioGql(applied.scenario),
  transfers: applied.transfers.map((t) => toTransferGql(applied.book, t)),
  simulation: toSimulationGql(
    applied.book,
    { smartAccountId: applied.scenario.smartAccountId, asOf: applied.effectiveOn },
    applied.simulation,
  ),
});
