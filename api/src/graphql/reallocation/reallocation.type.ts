import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { LicenseType } from '../account/enums.js';
import { DESCRIBE } from '../descriptions.js';
import { MoneyGql } from '../money/money-value.type.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { PositionLineGql } from '../position/position.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
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
registerEnumType(MoveWarningCodeGql, {
  name: 'MoveWarningCode',
  description:
    'Why a move is doubtful, judged against the position the earlier moves left. All block an apply except LOT_EXPIRES_BEFORE_HORIZON.',
  valuesConfig: {
    SOURCE_GOES_SHORT: {
      description: 'quantity > the source’s surplus: the source’s shortfall would rise.',
    },
    EXCEEDS_MOVABLE_SURPLUS: {
      description:
        'Within the surplus but beyond the movable part, min(surplus − headroom, SMART units): it eats the policy headroom or classic PAK units, which never move.',
    },
    RESERVED_UNITS: {
      description:
        'quantity > owned − reserved: SLR/PLR-reserved units never move until the reservation is returned.',
    },
    DIFFERENT_SMART_ACCOUNT: {
      description: 'A Virtual Account of another Smart Account: moves stay within one.',
    },
    LOT_EXPIRES_BEFORE_HORIZON: {
      description:
        'Not blocking: a TERM lot the move takes ends before the policy horizon, so the cure does not last.',
    },
    POLICY_VIOLATION: {
      description:
        'A policy rule forbids it: a locked Virtual Account, another region or business unit, or production to non-production.',
    },
    INSUFFICIENT_MOVABLE_LOTS: {
      description: 'The source’s SMART lots (of the requested type) hold fewer units than asked.',
    },
  },
});

export enum ScenarioStatusGql {
  DRAFT = 'DRAFT',
  APPLIED = 'APPLIED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(ScenarioStatusGql, {
  name: 'ScenarioStatus',
  description: 'Where a scenario is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Editable; evaluated freely, never written.' },
    APPLIED: { description: 'Its moves were written as lot transfers; no longer editable.' },
    DISCARDED: { description: 'Set aside, kept with its trail; no longer editable.' },
  },
});

@ObjectType('ReallocationMove', {
  description: 'Units of one license moved between two Virtual Accounts.',
})
export class ReallocationMoveGql {
  @Field(() => String, { description: 'License name.' }) license!: string;
  @Field(() => LicenseType, { nullable: true, description: 'Lot type moved (any when null).' })
  licenseType!: LicenseType | null;
  @Field(() => Int, { description: 'License units moved.' }) quantity!: number;
  @Field(() => String, { description: 'Source Virtual Account name.' }) from!: string;
  @Field(() => String, { description: 'Target Virtual Account name.' }) to!: string;
}

@ObjectType('MoveWarning', { description: 'A doubt about one move of a simulation.' })
export class MoveWarningGql {
  @Field(() => MoveWarningCodeGql, { description: 'What is wrong (see the values).' })
  code!: MoveWarningCodeGql;
  @Field(() => Boolean, { description: 'Applying the move would be refused.' }) blocking!: boolean;
  @Field(() => String, { description: 'The doubt, with the figures, for a person.' })
  message!: string;
}

@ObjectType('LotAllocation', { description: 'Units a move takes from one lot of its source.' })
export class LotAllocationGql {
  @Field(() => ID, {
    nullable: true,
    description: 'The lot (Entitlement.id, a global id); null: a lot an earlier move brought in.',
  })
  lotId!: string | null;
  @Field(() => ID, {
    description: 'The stored lot the units come from originally (Entitlement.id, a global id).',
  })
  originLotId!: string;
  @Field(() => Int, { description: 'Units taken from the lot.' }) quantity!: number;
  @Field(() => LicenseType, { description: 'The lot’s type.' }) licenseType!: LicenseType;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The lot’s last day (TERM); null when it has none.',
  })
  endDate!: string | null;
}

@ObjectType('SimulatedMove', {
  description: 'One move of a simulation: its warnings and the lots it takes units from.',
})
export class SimulatedMoveGql {
  @Field(() => Int, { description: '0-based position in the list of moves.' }) index!: number;
  @Field(() => ReallocationMoveGql, { description: 'The move as given.' })
  move!: ReallocationMoveGql;
  @Field(() => [MoveWarningGql], { description: 'Its warnings; empty when it is clean.' })
  warnings!: MoveWarningGql[];
  @Field(() => [LotAllocationGql], {
    description:
      'The source lots it takes units from: SMART only; PERPETUAL first, then TERM by longest remaining term, UNKNOWN last.',
  })
  allocations!: LotAllocationGql[];
}

@ObjectType('ReallocationLineChange', {
  description: 'One affected Virtual Account × license, before and after the moves.',
})
export class ReallocationLineChangeGql {
  @Field(() => String, { description: DESCRIBE.virtualAccountName }) virtualAccountName!: string;
  @Field(() => String, { description: DESCRIBE.licenseName }) licenseName!: string;
  @Field(() => PositionLineGql, { description: 'The line before the moves.' })
  before!: PositionLineGql;
  @Field(() => PositionLineGql, { description: 'The line after every move.' })
  after!: PositionLineGql;
}

@ObjectType('ReallocationSimulation', {
  description: 'The position after a list of moves, computed without writing anything.',
})
export class ReallocationSimulationGql {
  @Field(() => DateScalar, { description: 'The date the position was simulated at.' })
  asOf!: string;
  @Field(() => Boolean, { description: 'No move has a blocking warning.' }) feasible!: boolean;
  @Field(() => [ReallocationLineChangeGql], {
    description: 'The Virtual Account × license lines the moves touch.',
  })
  lines!: ReallocationLineChangeGql[];
  @Field(() => [SimulatedMoveGql], { description: 'Each move, in order, with its warnings.' })
  moves!: SimulatedMoveGql[];
  @Field(() => BigIntScalar, { description: 'Σ shortfall after − before (negative = less short).' })
  shortfallChange!: number;
  @Field(() => BigIntScalar, { description: 'Σ surplus after − before.' }) surplusChange!: number;
  @Field(() => [MoneyGql], { description: 'True-up exposure before, per currency.' })
  exposureBefore!: MoneyGql[];
  @Field(() => [MoneyGql], { description: 'True-up exposure after the moves, per currency.' })
  exposureAfter!: MoneyGql[];
  @Field(() => [MoneyGql], {
    description: 'exposureAfter − exposureBefore per currency (negative = saved).',
  })
  exposureChange!: MoneyGql[];
  @Field(() => BigIntScalar, {
    description: 'Shortfall units of licenses without a price, before.',
  })
  unpricedShortfallBefore!: number;
  @Field(() => BigIntScalar, { description: 'Shortfall units of licenses without a price, after.' })
  unpricedShortfallAfter!: number;
}

@ObjectType('TransferRequestLine', { description: 'One entry of a Cisco transfer API request.' })
export class TransferRequestLineGql {
  @Field(() => String, { description: DESCRIBE.licenseName }) license!: string;
  @Field(() => LicenseType, {
    description: 'PERPETUAL or TERM, as the API takes it; UNKNOWN: see note.',
  })
  licenseType!: LicenseType;
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
  @Field(() => String, { description: 'The Virtual Account the licenses leave.' })
  sourceVirtualAccount!: string;
  @Field(() => [TransferRequestLineGql], { description: 'The entries (at most 10).' })
  licenses!: TransferRequestLineGql[];
}

@ObjectType('ReallocationPlan', {
  description: 'The optimizer’s moves: least exposure, then fewest moves, within the policy.',
})
export class ReallocationPlanGql {
  @Field(() => DateScalar, { description: 'The date the plan was computed at.' }) asOf!: string;
  @Field(() => [ReallocationMoveGql], { description: 'The moves, in order.' })
  moves!: ReallocationMoveGql[];
  @Field(() => [TransferRequestGql], {
    description: 'The moves as requests for Cisco’s license transfer API.',
  })
  transferRequests!: TransferRequestGql[];
  @Field(() => BigIntScalar, { description: 'Shortfall units the plan cures.' })
  curedUnits!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per license min(movable surplus, shortfall): the most any plan could cure.',
  })
  boundUnits!: number;
  @Field(() => [MoneyGql], { description: 'True-up exposure before the moves, per currency.' })
  exposureBefore!: MoneyGql[];
  @Field(() => [MoneyGql], { description: 'True-up exposure after the moves, per currency.' })
  exposureAfter!: MoneyGql[];
  @Field(() => BigIntScalar, {
    description: 'Shortfall units of licenses without a price, before.',
  })
  unpricedShortfallBefore!: number;
  @Field(() => BigIntScalar, { description: 'Shortfall units of licenses without a price, after.' })
  unpricedShortfallAfter!: number;
}

/** What happened to a scenario (services/reallocation `ScenarioEventType`). */
export enum ScenarioEventTypeGql {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  APPLIED = 'APPLIED',
  DISCARDED = 'DISCARDED',
  APPLY_REFUSED = 'APPLY_REFUSED',
}
registerEnumType(ScenarioEventTypeGql, {
  name: 'ScenarioEventType',
  description: 'What happened to a scenario, as its audit trail records it.',
  valuesConfig: {
    CREATED: { description: 'Drafted (version 1).' },
    EDITED: { description: 'Its name, description, date or moves changed (a new version).' },
    APPLIED: { description: 'Applied: its transfers were written.' },
    DISCARDED: { description: 'Discarded; kept with its trail.' },
    APPLY_REFUSED: {
      description:
        'An apply was refused (stale version, or the live data no longer allows the moves); detail says why.',
    },
  },
});

@ObjectType('ScenarioEvent', { description: 'One entry of a scenario’s audit trail.' })
export class ScenarioEventGql {
  @Field(() => ScenarioEventTypeGql, { description: 'What happened to the scenario.' })
  type!: ScenarioEventTypeGql;
  @Field(() => Int, {
    description:
      'The scenario’s version after the event (APPLY_REFUSED: the version the apply named).',
  })
  version!: number;
  @Field(() => String, { description: 'Who acted.' }) actor!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'What happened in words (e.g. why an apply was refused); null when nothing to add.',
  })
  detail!: string | null;
  @Field(() => DateTimeScalar, { description: 'When, ISO 8601 timestamp (UTC).' })
  occurredAt!: string;
}

@ObjectType('Transfer', {
  implements: NodeInterface,
  description: 'Units moved from one lot to another Virtual Account.',
})
export class TransferGql {
  @Field(() => ID, { description: describeGlobalId('transfer') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('transfer') })
  databaseId!: number;
  @Field(() => String, { description: DESCRIBE.licenseName }) license!: string;
  @Field(() => LicenseType, { description: 'Type of the lot moved.' }) licenseType!: LicenseType;
  @Field(() => Int, { description: 'License units moved.' }) quantity!: number;
  @Field(() => String, { description: 'Source Virtual Account name.' }) from!: string;
  @Field(() => String, { description: 'Target Virtual Account name.' }) to!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The lot the units left (Entitlement.id, a global id); null when not recorded.',
  })
  sourceLotId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The lot split off in the target (Entitlement.id, a global id); null when not recorded.',
  })
  targetLotId!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the move took effect; null when not recorded.',
  })
  effectiveOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Who made it; null when not recorded.' })
  actor!: string | null;
  licenseId!: number;
  fromVirtualAccountId!: number;
  toVirtualAccountId!: number;
}

@ObjectType('Scenario', {
  implements: NodeInterface,
  description: 'A named set of moves, evaluated freely, applied on request.',
})
export class ScenarioGql {
  @Field(() => ID, { description: describeGlobalId('scenario') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('scenario') })
  databaseId!: number;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Free text; null when none.' })
  description!: string | null;
  @Field(() => ScenarioStatusGql, { description: 'DRAFT, APPLIED or DISCARDED.' })
  status!: ScenarioStatusGql;
  @Field(() => Int, { description: 'Raised by every change; apply and edits name it.' })
  version!: number;
  @Field(() => String, { description: 'Who created it.' }) author!: string;
  @Field(() => DateScalar, { description: 'The date it is evaluated at by default.' })
  asOf!: string;
  @Field(() => DateTimeScalar, { description: 'When it was created, ISO 8601 timestamp (UTC).' })
  createdAt!: string;
  @Field(() => DateTimeScalar, { description: 'Last change, ISO 8601 timestamp (UTC).' })
  updatedAt!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was applied, ISO 8601 timestamp (UTC); null unless APPLIED.',
  })
  appliedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Who applied it; null unless APPLIED.' })
  appliedBy!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day its moves took effect; null unless APPLIED.',
  })
  appliedOn!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was discarded, ISO 8601 timestamp (UTC); null unless DISCARDED.',
  })
  discardedAt!: string | null;
  scenarioId!: number;
  smartAccountId!: number;
}
