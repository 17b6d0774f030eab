import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { toLicenseGql, toVirtualAccountGql } from '../account/account.mapper.js';
import { LicenseGql, VirtualAccountGql } from '../account/account.type.js';
import type { GqlContext } from '../context.js';

import { LicensePositionGql, PositionLineGql } from './position.type.js';

@Resolver(() => PositionLineGql)
export class PositionLineResolver {
  @FieldResolver(() => VirtualAccountGql)
  async virtualAccount(
    @Root() line: PositionLineGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(line.virtualAccountId));
  }

  @FieldResolver(() => LicenseGql)
  async license(@Root() line: PositionLineGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(line.licenseId));
  }
}

@Resolver(() => LicensePositionGql)
export class LicensePositionResolver {
  @FieldResolver(() => LicenseGql)
  async license(@Root() position: LicensePositionGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(position.licenseId));
  }

  @FieldResolver(() => String)
  async licenseName(@Root() position: LicensePositionGql, @Ctx() ctx: GqlContext): Promise<string> {
    return (await ctx.loaders.licenseById.load(position.licenseId)).name;
  }
}
