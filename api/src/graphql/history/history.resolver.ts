import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { AsOfArg } from '../args.js';
import { RequiresRole, requireSmartAccount } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { toFindingGql } from '../findings/finding.mapper.js';
import { runMutation } from '../mutation/run-mutation.js';
import { toLicensePositionGql } from '../position/position.mapper.js';

import { toDriftLineGql, toSnapshotGql } from './history.mapper.js';
import { DriftGql, RollupDimensionGql, RollupGroupGql, SnapshotGql } from './history.type.js';
import { TakeSnapshotInput, TakeSnapshotPayload } from './snapshot-payload.type.js';

@Resolver(() => SmartAccountGql)
export class HistoryResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => TakeSnapshotPayload, {
    description:
      'Freezes the position at a date under a label (a reconciliation run); a label already used is SNAPSHOT_EXISTS in userErrors.',
  })
  async takeSnapshot(
    @Arg('input', () => TakeSnapshotInput, { description: 'The snapshot to take.' })
    input: TakeSnapshotInput,
    @Ctx() ctx: GqlContext,
  ) {
    const account = await requireSmartAccount(ctx, this.services, input.smartAccount);
    return runMutation(input, async () => ({
      snapshot: toSnapshotGql(
        await this.services.history.takeSnapshot({
          smartAccountId: account.id,
          label: input.label,
          asOf: input.asOf,
          includeClassic: input.includeClassic ?? true,
        }),
      ),
    }));
  }

  @FieldResolver(() => [SnapshotGql], { description: 'Snapshots, newest first.' })
  async snapshots(@Root() account: SmartAccountGql): Promise<SnapshotGql[]> {
    return (await this.services.history.snapshotsOf(account.smartAccountId)).map(toSnapshotGql);
  }

  @FieldResolver(() => DriftGql, {
    nullable: true,
    description: 'Change between two snapshots (by label) or dates.' + DESCRIBE.nullOnFailure,
  })
  async drift(
    @Root() account: SmartAccountGql,
    @Arg('from', () => String, { description: 'Snapshot label or YYYY-MM-DD.' }) from: string,
    @Arg('to', () => String, { description: 'Snapshot label or YYYY-MM-DD.' }) to: string,
    @Ctx() ctx: GqlContext,
  ): Promise<DriftGql> {
    const result = await this.services.history.drift({
      smartAccountId: account.smartAccountId,
      from,
      to,
    });
    return {
      fromAsOf: result.fromAsOf,
      toAsOf: result.toAsOf,
      lines: await Promise.all(result.lines.map((l) => toDriftLineGql(l, ctx.loaders))),
      openedFindings: result.openedFindings.map(toFindingGql),
      resolvedFindings: result.resolvedFindings.map(toFindingGql),
    };
  }

  @FieldResolver(() => [RollupGroupGql], {
    nullable: true,
    description: 'The position grouped by a Virtual Account tag.' + DESCRIBE.nullOnFailure,
  })
  async rollup(
    @Root() account: SmartAccountGql,
    @Arg('by', () => RollupDimensionGql, { description: 'The tag to group by.' })
    by: RollupDimensionGql,
    @AsOfArg()
    asOf: string | null,
  ): Promise<RollupGroupGql[]> {
    const groups = await this.services.history.rollup({
      smartAccountId: account.smartAccountId,
      asOf,
      by,
      includeClassic: true,
    });
    return groups.map((g) => ({
      group: g.group,
      virtualAccountCount: g.virtualAccountIds.length,
      positions: g.positions.map(toLicensePositionGql),
    }));
  }
}
