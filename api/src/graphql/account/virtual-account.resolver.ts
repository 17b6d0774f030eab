import { Arg, Ctx, Field, FieldResolver, InputType, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { AsOfArg, IncludeClassicArg } from '../args.js';
import { toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { toPositionLineGql } from '../position/position.mapper.js';
import { PositionLineGql } from '../position/position.type.js';

import { toEntitlementGql, toProductInstanceGql } from './account.mapper.js';
import { EntitlementGql, ProductInstanceConnection, VirtualAccountGql } from './account.type.js';
import { ConnectionMode, InstanceStatus } from './enums.js';

@InputType('ProductInstanceFilter', {
  description: 'All given conditions must hold; lists match any of their values.',
})
export class ProductInstanceFilterInput {
  @Field(() => [ConnectionMode], { nullable: true, description: 'Connection modes to keep.' })
  connectionModes?: ConnectionMode[];
  @Field(() => [InstanceStatus], { nullable: true, description: 'Statuses to keep.' })
  statuses?: InstanceStatus[];
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
    nullable: true,
    description: 'Position per license, as of a date (default today).' + DESCRIBE.nullOnFailure,
  })
  async position(
    @Root() account: VirtualAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeClassicArg()
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

  @FieldResolver(() => ProductInstanceConnection, {
    description: 'The devices registered in this Virtual Account, in the order they were recorded.',
  })
  async productInstances(
    @Root() account: VirtualAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
    @Arg('filter', () => ProductInstanceFilterInput, {
      nullable: true,
      description: 'Only the devices matching every condition given.',
    })
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
