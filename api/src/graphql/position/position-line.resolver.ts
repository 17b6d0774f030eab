import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { toLicenseGql, toVirtualAccountGql } from '../account/account.mapper.js';
import { LicenseGql, VirtualAccountGql } from '../account/account.type.js';
import type { GqlContext } from '../context.js';

import { LicensePositionGql, PositionLineGql } from './position.type.js';

@Resolver(() => PositionLineGql)
export class PositionLineResolver {
  @FieldResolver(() => VirtualAccountGql, {
    description:
      'The Virtual Account (with its tags); virtualAccountName is cheaper for flat pulls.',
  })
  async virtualAccount(
    @Root() line: PositionLineGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(line.virtualAccountId));
  }

  @FieldResolver(() => LicenseGql, {
    description: 'The license (family, unit, kind); licenseName is cheaper for flat pulls.',
  })
  async license(@Root() line: PositionLineGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(line.licenseId));
  }
}

@Resolver(() => LicensePositionGql)
export class LicensePositionResolver {
  @FieldResolver(() => LicenseGql, { description: 'The license.' })
  async license(@Root() position: LicensePositionGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(position.licenseId));
  }

  @FieldResolver(() => String, { description: 'License name, as Cisco spells it in CSSM.' })
  async licenseName(@Root() position: LicensePositionGql, @Ctx() ctx: GqlContext): Promise<string> {
    return (await ctx.loaders.licenseById.load(position.licenseId)).name;
  }
}
