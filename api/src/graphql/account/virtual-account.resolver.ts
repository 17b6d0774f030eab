import { Arg, Ctx, Field, FieldResolver, InputType, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { toPositionLineGql } from '../position/position.mapper.js';
import { PositionLineGql } from '../position/position.type.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { toEntitlementGql, toProductInstanceGql } from './account.mapper.js';
import { EntitlementGql, ProductInstanceConnection, VirtualAccountGql } from './account.type.js';
import { ConnectionMode, InstanceStatus } from './enums.js';

@InputType('ProductInstanceFilter')
export class ProductInstanceFilterInput {
  @Field(() => [ConnectionMode], { nullable: true }) connectionModes?: ConnectionMode[];
  @Field(() => [InstanceStatus], { nullable: true }) statuses?: InstanceStatus[];
  @Field(() => String, {
    nullable: true,
    description: 'Substring of the name, hostname or serial.',
  })
  search?: string;
}

@Resolver(() => VirtualAccountGql)
export class VirtualAccountResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [PositionLineGql], {
    description: 'Position per license, as of a date (default today).',
  })
  async position(
    @Root() account: VirtualAccountGql,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('includeClassic', () => Boolean, { nullable: true, defaultValue: true })
    includeClassic: boolean | null,
    @Ctx() ctx: GqlContext,
  ): Promise<PositionLineGql[]> {
    const day = this.services.position.asOfOrToday(asOf);
    const lines = await ctx.loaders.virtualAccountPosition.load({
      smartAccountId: account.smartAccountId,
      virtualAccountId: account.virtualAccountId,
      virtualAccountName: account.name,
      asOf: day,
      includeClassic: includeClassic ?? true,
    });
    return lines.map(toPositionLineGql({ smartAccountId: account.smartAccountId, asOf: day }));
  }

  @FieldResolver(() => ProductInstanceConnection)
  async productInstances(
    @Root() account: VirtualAccountGql,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–5000 (default 100).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProductInstanceFilterInput, { nullable: true })
    filter: ProductInstanceFilterInput | null,
  ): Promise<ProductInstanceConnection> {
    const page = await this.services.accounts.productInstancePage({
      smartAccountId: account.smartAccountId,
      virtualAccountId: account.virtualAccountId,
      filter: {
        connectionModes: filter?.connectionModes ?? undefined,
        statuses: filter?.statuses ?? undefined,
        search: filter?.search ?? undefined,
      },
      page: { first, after },
    });
    return toConnection(page, toProductInstanceGql);
  }

  @FieldResolver(() => [EntitlementGql], {
    description: 'Every entitlement lot, whatever its dates.',
  })
  async entitlements(
    @Root() account: VirtualAccountGql,
    @Ctx() ctx: GqlContext,
  ): Promise<EntitlementGql[]> {
    return (await ctx.loaders.entitlementsOf.load(account.virtualAccountId)).map(toEntitlementGql);
  }
}
