import { Field, ID, InputType, Int } from 'type-graphql';

import { LicenseType } from '../account/enums.js';
import { DESCRIBE } from '../descriptions.js';
import { MutationInput } from '../mutation/mutation-input.js';
import { DateScalar } from '../scalars/date.scalar.js';

@InputType('ReallocationMoveInput', {
  description: 'A move, by license and Virtual Account names.',
})
export class ReallocationMoveInput {
  @Field(() => String, { description: DESCRIBE.licenseName }) license!: string;
  @Field(() => Int, { description: 'License units to move (positive).' }) quantity!: number;
  @Field(() => String, { description: 'Source Virtual Account name.' }) from!: string;
  @Field(() => String, { description: 'Target Virtual Account name.' }) to!: string;
  @Field(() => LicenseType, { nullable: true, description: 'Move only lots of this type.' })
  licenseType?: LicenseType | null;
}

@InputType('ReallocationPolicyInput', { description: 'Rules a plan respects; all optional.' })
export class ReallocationPolicyInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'Surplus kept per Virtual Account × license, in basis points of its consumption (1000 = 10 %).',
  })
  headroomBasisPoints?: number | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Term lots ending before this date do not count as cure.',
  })
  horizon?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: moves only between Virtual Accounts of the same region tag.',
  })
  sameRegion?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: moves only between Virtual Accounts of the same business unit tag.',
  })
  sameBusinessUnit?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Default true; false keeps production entitlements out of non-production.',
  })
  productionToNonProduction?: boolean | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Virtual Accounts that neither give nor receive.',
  })
  lockedVirtualAccounts?: string[] | null;
}

@InputType('CreateScenarioInput', { description: 'Give either moves or fromSuggestion.' })
export class CreateScenarioInput extends MutationInput {
  @Field(() => String, { description: 'Smart Account domain.' }) smartAccount!: string;
  @Field(() => String, { description: 'A name for the scenario.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Evaluation date (default today).' })
  asOf?: string | null;
  @Field(() => [ReallocationMoveInput], { nullable: true, description: 'The moves, in order.' })
  moves?: ReallocationMoveInput[] | null;
  @Field(() => ReallocationPolicyInput, {
    nullable: true,
    description: 'Fill the moves from the optimizer under this policy.',
  })
  fromSuggestion?: ReallocationPolicyInput | null;
  @Field(() => String, { nullable: true, description: 'Author (default: the caller).' })
  actor?: string | null;
}

/**
 * The scenario and the version seen: the fields updateScenario, applyScenario and
 * discardScenario inputs inherit. Never an argument itself, so not emitted.
 */
@InputType('ScenarioRefInput')
abstract class ScenarioRefInput extends MutationInput {
  @Field(() => String, { description: 'Smart Account domain.' }) smartAccount!: string;
  @Field(() => ID, { description: 'The scenario (Scenario.id).' }) id!: string;
  @Field(() => Int, { description: 'The version you evaluated (Scenario.version).' })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: 'Who acts (default: the caller).' })
  actor?: string | null;
}

@InputType('UpdateScenarioInput', {
  description: 'Changes to a DRAFT scenario; fields left out stay as they are.',
})
export class UpdateScenarioInput extends ScenarioRefInput {
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'New evaluation date.' })
  asOf?: string | null;
  @Field(() => [ReallocationMoveInput], { nullable: true, description: 'Replaces every move.' })
  moves?: ReallocationMoveInput[] | null;
}

@InputType('ApplyScenarioInput', {
  description: 'Applies a DRAFT scenario at the version you evaluated.',
})
export class ApplyScenarioInput extends ScenarioRefInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The moves take effect from this date (default today).',
  })
  asOf?: string | null;
}

@InputType('DiscardScenarioInput', {
  description: 'Discards a DRAFT scenario at the version you saw.',
})
export class DiscardScenarioInput extends ScenarioRefInput {}
