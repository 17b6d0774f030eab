import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { LicenseType } from '../account/enums.js';
import { MoneyGql } from '../findings/finding.type.js';
import { PositionLineGql } from '../position/position.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

export enum MoveWarningCodeGql {
  SOURCE_GOES_SHORT = 'SOURCE_GOES_SHORT',
  EXCEEDS_MOVABLE_SURPLUS = 'EXCEEDS_MOVABLE_SURPLUS',
  RESERVED_UNITS = 'RESERVED_UNITS',
  DIFFERENT_SMART_ACCOUNT = 'DIFFERENT_SMART_ACCOUNT',
  LOT_EXPIRES_BEFORE_HORIZON = 'LOT_EXPIRES_BEFORE_HORIZON',
  POLICY_VIOLATION = 'POLICY_VIOLATION',
  INSUFFICIENT_MOVABLE_LOTS = 'INSUFFICIENT_MOVABLE_LOTS',
}
registerEnumType(MoveWarningCodeGql, { name: 'MoveWarningCode' });

export enum ScenarioStatusGql {
  DRAFT = 'DRAFT',
  APPLIED = 'APPLIED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(ScenarioStatusGql, { name: 'ScenarioStatus' });

@ObjectType('ReallocationMove', {
  description: 'Units of one license moved between two Virtual Accounts.',
})
export class ReallocationMoveGql {
  @Field(() => String, { description: 'License name.' }) license!: string;
  @Field(() => LicenseType, { nullable: true, description: 'Lot type moved (any when null).' })
  licenseType!: LicenseType | null;
  @Field(() => Int) quantity!: number;
  @Field(() => String, { description: 'Source Virtual Account name.' }) from!: string;
  @Field(() => String, { description: 'Target Virtual Account name.' }) to!: string;
}

@ObjectType('MoveWarning')
export class MoveWarningGql {
  @Field(() => MoveWarningCodeGql) code!: MoveWarningCodeGql;
  @Field(() => Boolean, { description: 'Applying the move would be refused.' }) blocking!: boolean;
  @Field(() => String) message!: string;
}

@ObjectType('LotAllocation', { description: 'Units a move takes from one lot of its source.' })
export class LotAllocationGql {
  @Field(() => ID, { nullable: true, description: 'Null: a lot an earlier move brought in.' })
  lotId!: string | null;
  @Field(() => ID, { description: 'The stored lot the units come from originally.' })
  originLotId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => LicenseType) licenseType!: LicenseType;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
}

@ObjectType('SimulatedMove')
export class SimulatedMoveGql {
  @Field(() => Int, { description: '0-based position in the list of moves.' }) index!: number;
  @Field(() => ReallocationMoveGql) move!: ReallocationMoveGql;
  @Field(() => [MoveWarningGql]) warnings!: MoveWarningGql[];
  @Field(() => [LotAllocationGql]) allocations!: LotAllocationGql[];
}

@ObjectType('ReallocationLineChange', {
  description: 'One affected Virtual Account × license, before and after the moves.',
})
export class ReallocationLineChangeGql {
  @Field(() => String) virtualAccountName!: string;
  @Field(() => String) licenseName!: string;
  @Field(() => PositionLineGql) before!: PositionLineGql;
  @Field(() => PositionLineGql) after!: PositionLineGql;
}

@ObjectType('ReallocationSimulation', {
  description: 'The position after a list of moves, computed without writing anything.',
})
export class ReallocationSimulationGql {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Boolean, { description: 'No move has a blocking warning.' }) feasible!: boolean;
  @Field(() => [ReallocationLineChangeGql]) lines!: ReallocationLineChangeGql[];
  @Field(() => [SimulatedMoveGql]) moves!: SimulatedMoveGql[];
  @Field(() => Int, { description: 'Σ shortfall after − before (negative = less short).' })
  shortfallChange!: number;
  @Field(() => Int, { description: 'Σ surplus after − before.' }) surplusChange!: number;
  @Field(() => [MoneyGql], { description: 'True-up exposure before, per currency.' })
  exposureBefore!: MoneyGql[];
  @Field(() => [MoneyGql]) exposureAfter!: MoneyGql[];
  @Field(() => [MoneyGql]) exposureChange!: MoneyGql[];
  @Field(() => Int, { description: 'Shortfall units of licenses without a price, before.' })
  unpricedShortfallBefore!: number;
  @Field(() => BigIntScalar) unpricedShortfallAfter!: number;
}

@ObjectType('TransferRequestLine', { description: 'One entry of a Cisco transfer API request.' })
export class TransferRequestLineGql {
  @Field(() => String) license!: string;
  @Field(() => LicenseType) licenseType!: LicenseType;
  @Field(() => Int, { description: 'At most 998 per entry.' }) quantity!: number;
  @Field(() => String, { description: 'Target Virtual Account name.' })
  targetVirtualAccount!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Set when licenseType is UNKNOWN: check the type in CSSM before sending.',
  })
  note!: string | null;
}

@ObjectType('TransferRequest', {
  description: 'A request for Cisco’s license transfer API: one source, at most 10 entries.',
})
export class TransferRequestGql {
  @Field(() => String) sourceVirtualAccount!: string;
  @Field(() => [TransferRequestLineGql]) licenses!: TransferRequestLineGql[];
}

@ObjectType('ReallocationPlan', {
  description: 'The optimizer’s moves: least exposure, then fewest moves, within the policy.',
})
export class ReallocationPlanGql {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => [ReallocationMoveGql]) moves!: ReallocationMoveGql[];
  @Field(() => [TransferRequestGql]) transferRequests!: TransferRequestGql[];
  @Field(() => Int, { description: 'Shortfall units the plan cures.' }) curedUnits!: number;
  @Field(() => Int, {
    description: 'Σ per license min(movable surplus, shortfall): the most any plan could cure.',
  })
  boundUnits!: number;
  @Field(() => [MoneyGql]) exposureBefore!: MoneyGql[];
  @Field(() => [MoneyGql]) exposureAfter!: MoneyGql[];
  @Field(() => BigIntScalar) unpricedShortfallBefore!: number;
  @Field(() => BigIntScalar) unpricedShortfallAfter!: number;
}

@ObjectType('ScenarioEvent', { description: 'One entry of a scenario’s audit trail.' })
export class ScenarioEventGql {
  @Field(() => String, { description: 'CREATED, EDITED, APPLIED, DISCARDED or APPLY_REFUSED.' })
  type!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' }) occurredAt!: string;
}

@ObjectType('Transfer', { description: 'Units moved from one lot to another Virtual Account.' })
export class TransferGql {
  @Field(() => ID) id!: string;
  @Field(() => String) license!: string;
  @Field(() => LicenseType) licenseType!: LicenseType;
  @Field(() => Int) quantity!: number;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => ID, { nullable: true }) sourceLotId!: string | null;
  @Field(() => ID, { nullable: true }) targetLotId!: string | null;
  @Field(() => DateScalar, { nullable: true }) effectiveOn!: string | null;
  @Field(() => String, { nullable: true }) actor!: string | null;
  licenseId!: number;
  fromVirtualAccountId!: number;
  toVirtualAccountId!: number;
}

@ObjectType('Scenario', {
  description: 'A named set of moves, evaluated freely, applied on request.',
})
export class ScenarioGql {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ScenarioStatusGql) status!: ScenarioStatusGql;
  @Field(() => Int, { description: 'Raised by every change; apply and edits name it.' })
  version!: number;
  @Field(() => String) author!: string;
  @Field(() => DateScalar, { description: 'The date it is evaluated at by default.' })
  asOf!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  @Field(() => String, { nullable: true }) appliedAt!: string | null;
  @Field(() => String, { nullable: true }) appliedBy!: string | null;
  @Field(() => DateScalar, { nullable: true }) appliedOn!: string | null;
  @Field(() => String, { nullable: true }) discardedAt!: string | null;
  scenarioId!: number;
  smartAccountId!: number;
}

@ObjectType('ScenarioApplyResult')
export class ScenarioApplyResultGql {
  @Field(() => ScenarioGql) scenario!: ScenarioGql;
  @Field(() => [TransferGql]) transfers!: TransferGql[];
  @Field(() => ReallocationSimulationGql, {
    description:
      'The validation the apply ran against the live data; the position now equals its after.',
  })
  simulation!: ReallocationSimulationGql;
}
