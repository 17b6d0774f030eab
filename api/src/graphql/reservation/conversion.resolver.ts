import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { toLicenseGql, toVirtualAccountGql } from '../account/account.mapper.js';
import { LicenseGql, SmartAccountGql, VirtualAccountGql } from '../account/account.type.js';
import { RequiresRole, scoped } from '../auth.js';
import type { GqlContext } from '../context.js';

import { ConvertClassicLotsInput } from './reservation.input.js';
import {
  toClassicConversionGql,
  toClassicConversionResultGql,
  toConvertCommand,
} from './reservation.mapper.js';
import { ClassicConversionGql, ClassicConversionResultGql } from './reservation.type.js';

@Resolver(() => ClassicConversionGql)
export class ClassicConversionResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => ClassicConversionResultGql, {
    description:
      'Converts a classic PAK lot, whole or part, into Smart entitlement in the same Virtual ' +
      'Account: the unified position stays the same, the smart-only one rises from asOf on.',
  })
  async convertClassicLots(
    @Arg('input', () => ConvertClassicLotsInput) input: ConvertClassicLotsInput,
    @Ctx() ctx: GqlContext,
  ): Promise<ClassicConversionResultGql> {
    return toClassicConversionResultGql(
      await this.services.conversions.convert(scoped(ctx, toConvertCommand(input))),
    );
  }

  @FieldResolver(() => VirtualAccountGql)
  async virtualAccount(
    @Root() c: ClassicConversionGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(c.virtualAccountId));
  }

  @FieldResolver(() => LicenseGql)
  async license(@Root() c: ClassicConversionGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(c.licenseId));
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountConversionsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [ClassicConversionGql], {
    description: 'Classic PAK conversions recorded in the account, newest first.',
  })
  async classicConversions(@Root() account: SmartAccountGql): Promise<ClassicConversionGql[]> {
    return (await this.services.conversions.conversionsOf(account.smartAccountId)).map(
      toClassicConversionGql,
    );
  }
}
