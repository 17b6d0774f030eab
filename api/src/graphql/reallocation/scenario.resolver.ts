import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';

import { DomainError } from '../../domain/index.js';
import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { AsOfArg } from '../args.js';
import { RequiresRole } from '../auth.js';
import type { GqlContext } from '../context.js';
import { parseGlobalId } from '../node/global-id.js';

import { toMoveGql, toScenarioGql, toSimulationGql, toTransferGql } from './reallocation.mapper.js';
import {
  ReallocationMoveGql,
  ReallocationSimulationGql,
  ScenarioEventGql,
  ScenarioEventTypeGql,
  ScenarioGql,
  ScenarioStatusGql,
  TransferGql,
} from './reallocation.type.js';

@Resolver(() => ScenarioGql)
export class ScenarioResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [ReallocationMoveGql], { description: 'The moves, in order.' })
  async moves(@Root() s: ScenarioGql, @Ctx() ctx: GqlContext): Promise<ReallocationMoveGql[]> {
    const [rows, book] = await Promise.all([
      ctx.loaders.scenarios.movesOf.load(s.scenarioId),
      ctx.loaders.scenarios.namesOf.load(s.smartAccountId),
    ]);
    return rows.map((row) =>
      toMoveGql(book, {
        licenseId: row.licenseId,
        quantity: row.quantity,
        fromVirtualAccountId: row.fromVirtualAccountId,
        toVirtualAccountId: row.toVirtualAccountId,
        ...(row.licenseType ? { licenseType: row.licenseType } : {}),
      }),
    );
  }

  @FieldResolver(() => [ScenarioEventGql], { description: 'The audit trail, oldest first.' })
  async events(@Root() s: ScenarioGql, @Ctx() ctx: GqlContext): Promise<ScenarioEventGql[]> {
    return (await ctx.loaders.scenarios.eventsOf.load(s.scenarioId)).map((e) => ({
      type: ScenarioEventTypeGql[e.eventType as keyof typeof ScenarioEventTypeGql],
      version: e.version,
      actor: e.actor,
      detail: e.detail,
      occurredAt: e.occurredAt.toISOString(),
    }));
  }

  @FieldResolver(() => [TransferGql], { description: 'Lot transfers written when it was applied.' })
  async transfers(@Root() s: ScenarioGql, @Ctx() ctx: GqlContext): Promise<TransferGql[]> {
    const [rows, book] = await Promise.all([
      ctx.loaders.scenarios.transfersOf.load(s.scenarioId),
      ctx.loaders.scenarios.namesOf.load(s.smartAccountId),
    ]);
    return rows.map((row) => toTransferGql(book, row));
  }

  @RequiresRole('ANALYST')
  @FieldResolver(() => ReallocationSimulationGql, {
    description: 'The moves simulated at a date (default: the scenario’s as-of). Never writes.',
  })
  async evaluation(
    @Root() s: ScenarioGql,
    @AsOfArg('The date to evaluate at (default: the scenario’s asOf).')
    asOf: string | null,
  ): Promise<ReallocationSimulationGql> {
    const evaluation = await this.services.reallocation.evaluate({
      smartAccountId: s.smartAccountId,
      id: s.scenarioId,
      asOf,
    });
    return toSimulationGql(
      evaluation.book,
      { smartAccountId: evaluation.scenario.smartAccountId, asOf: evaluation.asOf },
      evaluation.result,
    );
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountScenariosResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [ScenarioGql], { description: 'Scenarios, newest first.' })
  async scenarios(
    @Root() account: SmartAccountGql,
    @Arg('status', () => [ScenarioStatusGql], {
      nullable: true,
      description: 'Only scenarios of these statuses (default all).',
    })
    status: ScenarioStatusGql[] | null,
  ): Promise<ScenarioGql[]> {
    return (await this.services.reallocation.list(account.smartAccountId, status)).map(
      toScenarioGql,
    );
  }

  @FieldResolver(() => ScenarioGql, {
    nullable: true,
    description:
      'One scenario by its global id; null when this account has none of that id. An id that is not a Scenario’s is BAD_USER_INPUT.',
  })
  async scenario(
    @Root() account: SmartAccountGql,
    @Arg('id', () => ID, { description: 'The scenario (Scenario.id).' }) id: string,
  ): Promise<ScenarioGql | null> {
    const scenarioId = parseGlobalId(id, 'Scenario', 'id');
    try {
      return toScenarioGql(
        await this.services.reallocation.byId(account.smartAccountId, scenarioId),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNKNOWN_SCENARIO') return null;
      throw error;
    }
  }
}
