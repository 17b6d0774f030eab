import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { RequiresRole, requireSmartAccount } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { toFindingGql } from '../findings/finding.mapper.js';
import { toLicensePositionGql } from '../position/position.mapper.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { toDriftLineGql, toSnapshotGql } from './history.mapper.js';
import { DriftGql, RollupDimensionGql, RollupGroupGql, SnapshotGql } from './history.type.js';

@Resolver(() => SmartAccountGql)
export class HistoryResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => SnapshotGql, {
    description:
      'Freezes the position at a date under a label (a reconciliation run); a label already used is SNAPSHOT_EXISTS.',
  })
  async takeSnapshot(
    @Arg('smartAccount', () => String, { description: DESCRIBE.smartAccountDomain })
    smartAccount: string,
    @Arg('label', () => String, {
      description: 'A name for it, unique in the Smart Account (e.g. 2026-Q3).',
    })
    label: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: DESCRIBE.asOf })
    asOf: string | null,
    @Arg('includeClassic', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: DESCRIBE.includeClassic,
    })
    includeClassic: boolean | null,
    @Ctx() ctx: GqlContext,
  ): Promise<SnapshotGql> {
    const account = await requireSmartAccount(ctx, this.services, smartAccount);
    const snapshot = await this.services.history.takeSnapshot({
      smartAccountId: account.id,
      label,
      asOf: this.services.position.asOfOrToday(asOf),
      includeClassic: includeClassic ?? true,
    });
    return toSnapshotGql(snapshot);
  }

  @FieldResolver(() => [SnapshotGql], { description: 'Snapshots, newest first.' })
  async snapshots(@Root() account: SmartAccountGql): Promise<SnapshotGql[]> {
    return (await this.services.history.snapshotsOf(account.smartAccountId)).map(toSnapshotGql);
  }

  @FieldResolver(() => DriftGql, {
    description: 'Change between two snapshots (by label) or dates.',
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
    description: 'The position grouped by a Virtual Account tag.',
  })
  async rollup(
    @Root() account: SmartAccountGql,
    @Arg('by', () => RollupDimensionGql, { description: 'The tag to group by.' })
    by: RollupDimensionGql,
    @Arg('asOf', () => DateScalar, { nullable: true, description: DESCRIBE.asOf })
    asOf: string | null,
  ): Promise<RollupGroupGql[]> {
    const groups = await this.services.history.rollup({
      smartAccountId: account.smartAccountId,
      asOf: this.services.position.asOfOrToday(asOf),
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
