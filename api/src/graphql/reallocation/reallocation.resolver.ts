import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { AsOfArg } from '../args.js';
import { RequiresRole, requireSmartAccount } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { runMutation } from '../mutation/run-mutation.js';
import { parseGlobalId } from '../node/global-id.js';

import {
  ApplyScenarioInput,
  CreateScenarioInput,
  DiscardScenarioInput,
  ReallocationMoveInput,
  ReallocationPolicyInput,
  UpdateScenarioInput,
} from './reallocation.input.js';
import {
  toApplyResultGql,
  toNamedMoves,
  toNamedPolicy,
  toPlanGql,
  toScenarioGql,
  toSimulationGql,
} from './reallocation.mapper.js';
import { ReallocationPlanGql, ReallocationSimulationGql } from './reallocation.type.js';
import {
  ApplyScenarioPayload,
  CreateScenarioPayload,
  DiscardScenarioPayload,
  UpdateScenarioPayload,
} from './scenario-payload.type.js';

/** Who acts: the input's actor, else the calling token's name. */
const actorOf = (actor: string | null | undefined, ctx: GqlContext): string =>
  actor ?? ctx.access.tokenName;

/** What-if reallocation: read-only simulate/suggest/evaluate, and the scenario mutations. */
@Resolver()
export class ReallocationResolver {
  constructor(private readonly services: Services) {}

  /** A granted Smart Account's id; another token's fails exactly like an unknown one. */
  private accountId = async (ctx: GqlContext, domain: string) =>
    (await requireSmartAccount(ctx, this.services, domain)).id;

  @RequiresRole('ANALYST')
  @Query(() => ReallocationSimulationGql, {
    description: 'The position after the moves, with warnings per move. Never writes.',
  })
  async simulateReallocation(
    @Arg('smartAccount', () => String, { description: DESCRIBE.smartAccountDomain })
    smartAccount: string,
    @Arg('moves', () => [ReallocationMoveInput], {
      description: 'The moves, applied in order, each on the position the earlier ones left.',
    })
    moves: ReallocationMoveInput[],
    @AsOfArg()
    asOf: string | null,
    @Arg('policy', () => ReallocationPolicyInput, {
      nullable: true,
      description: 'Rules the moves must respect (default: none).',
    })
    policy: ReallocationPolicyInput | null,
    @Ctx() ctx: GqlContext,
  ): Promise<ReallocationSimulationGql> {
    const smartAccountId = await this.accountId(ctx, smartAccount);
    const simulation = await this.services.reallocation.simulate({
      smartAccountId,
      asOf,
      moves: toNamedMoves(moves),
      policy: toNamedPolicy(policy),
    });
    return toSimulationGql(
      simulation.book,
      { smartAccountId, asOf: simulation.asOf },
      simulation.result,
    );
  }

  @RequiresRole('ANALYST')
  @Query(() => ReallocationPlanGql, {
    description:
      'Moves that cure the most true-up exposure with the fewest moves, within the policy, and the requests for Cisco’s transfer API.',
  })
  async suggestReallocation(
    @Arg('smartAccount', () => String, { description: DESCRIBE.smartAccountDomain })
    smartAccount: string,
    @AsOfArg()
    asOf: string | null,
    @Arg('policy', () => ReallocationPolicyInput, {
      nullable: true,
      description: 'Rules the moves must respect (default: none).',
    })
    policy: ReallocationPolicyInput | null,
    @Ctx() ctx: GqlContext,
  ): Promise<ReallocationPlanGql> {
    const suggestion = await this.services.reallocation.suggest({
      smartAccountId: await this.accountId(ctx, smartAccount),
      asOf,
      policy: toNamedPolicy(policy),
    });
    return toPlanGql(suggestion.book, suggestion.asOf, suggestion.plan);
  }

  @RequiresRole('ANALYST')
  @Query(() => ReallocationSimulationGql, {
    description: 'A scenario’s moves simulated at a date (default: the scenario’s). Never writes.',
  })
  async evaluateScenario(
    @Arg('smartAccount', () => String, { description: DESCRIBE.smartAccountDomain })
    smartAccount: string,
    @Arg('id', () => ID, { description: 'The scenario (Scenario.id).' }) id: string,
    @AsOfArg('The date to evaluate at (default: the scenario’s asOf).')
    asOf: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<ReallocationSimulationGql> {
    const evaluation = await this.services.reallocation.evaluate({
      smartAccountId: await this.accountId(ctx, smartAccount),
      id: parseGlobalId(id, 'Scenario', 'id'),
      asOf,
    });
    return toSimulationGql(
      evaluation.book,
      { smartAccountId: evaluation.scenario.smartAccountId, asOf: evaluation.asOf },
      evaluation.result,
    );
  }

  @RequiresRole('ANALYST')
  @Mutation(() => CreateScenarioPayload, {
    description: 'A draft scenario from moves or from the optimizer.',
  })
  async createScenario(
    @Arg('input', () => CreateScenarioInput, { description: 'The scenario to create.' })
    input: CreateScenarioInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () => ({
      scenario: toScenarioGql(
        await this.services.reallocation.create({
          smartAccountId: await this.accountId(ctx, input.smartAccount),
          name: input.name,
          description: input.description,
          asOf: input.asOf,
          author: actorOf(input.actor, ctx),
          moves: input.moves ? toNamedMoves(input.moves) : null,
          fromSuggestion: input.fromSuggestion ? toNamedPolicy(input.fromSuggestion) : null,
        }),
      ),
    }));
  }

  @RequiresRole('ANALYST')
  @Mutation(() => UpdateScenarioPayload, {
    description:
      'Edits a draft at the version you saw; a newer version is SCENARIO_VERSION_CONFLICT in userErrors.',
  })
  async updateScenario(
    @Arg('input', () => UpdateScenarioInput, { description: 'The changes.' })
    input: UpdateScenarioInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () => ({
      scenario: toScenarioGql(
        await this.services.reallocation.update({
          smartAccountId: await this.accountId(ctx, input.smartAccount),
          id: parseGlobalId(input.id, 'Scenario', 'id'),
          expectedVersion: input.expectedVersion,
          actor: actorOf(input.actor, ctx),
          name: input.name,
          description: input.description,
          asOf: input.asOf,
          moves: input.moves ? toNamedMoves(input.moves) : null,
        }),
      ),
    }));
  }

  @RequiresRole('ADMIN')
  @Mutation(() => ApplyScenarioPayload, {
    description:
      'Applies a draft in one transaction, re-validated against the live data: lots split with lineage, transfers recorded. A surplus consumed since evaluation is REALLOCATION_CONFLICT in userErrors and changes nothing.',
  })
  async applyScenario(
    @Arg('input', () => ApplyScenarioInput, {
      description: 'The scenario and the version you evaluated.',
    })
    input: ApplyScenarioInput,
    @Ctx() ctx: GqlContext,
  ) {
    const smartAccountId = await this.accountId(ctx, input.smartAccount);
    return runMutation(input, async () =>
      toApplyResultGql(
        await this.services.reallocation.apply({
          smartAccountId,
          id: parseGlobalId(input.id, 'Scenario', 'id'),
          expectedVersion: input.expectedVersion,
          actor: actorOf(input.actor, ctx),
          asOf: input.asOf,
        }),
      ),
    );
  }

  @RequiresRole('ANALYST')
  @Mutation(() => DiscardScenarioPayload, {
    description: 'Discards a draft (kept, with its trail).',
  })
  async discardScenario(
    @Arg('input', () => DiscardScenarioInput, {
      description: 'The scenario and the version you saw.',
    })
    input: DiscardScenarioInput,
    @Ctx() ctx: GqlContext,
  ) {
    const smartAccountId = await this.accountId(ctx, input.smartAccount);
    return runMutation(input, async () => ({
      scenario: toScenarioGql(
        await this.services.reallocation.discard({
          smartAccountId,
          id: parseGlobalId(input.id, 'Scenario', 'id'),
          expectedVersion: input.expectedVersion,
          actor: actorOf(input.actor, ctx),
        }),
      ),
    }));
  }
}
