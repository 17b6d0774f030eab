import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { AsOfArg, IncludeClassicArg } from '../args.js';
import { visibleOnly, visibleSmartAccount } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { toLicensePositionGql } from '../position/position.mapper.js';
import { LicensePositionGql } from '../position/position.type.js';

import { toLicenseGql, toSmartAccountGql, toVirtualAccountGql } from './account.mapper.js';
import { LicenseGql, SmartAccountGql, VirtualAccountGql } from './account.type.js';

@Resolver(() => SmartAccountGql)
export class SmartAccountResolver {
  constructor(private readonly services: Services) {}

  @Query(() => [SmartAccountGql], { description: 'The Smart Accounts this token was granted.' })
  async smartAccounts(@Ctx() ctx: GqlContext): Promise<SmartAccountGql[]> {
    return visibleOnly(ctx, await this.services.accounts.listSmartAccounts()).map(
      toSmartAccountGql,
    );
  }

  @Query(() => SmartAccountGql, {
    nullable: true,
    description:
      'Null when no Smart Account of this domain exists or this token was not granted it.',
  })
  async smartAccount(
    @Arg('domain', () => String, { description: 'The Smart Account domain, e.g. acme.example.' })
    domain: string,
    @Ctx() ctx: GqlContext,
  ): Promise<SmartAccountGql | null> {
    const found = await visibleSmartAccount(ctx, this.services, domain);
    return found ? toSmartAccountGql(found) : null;
  }

  @FieldResolver(() => [VirtualAccountGql], {
    description: 'Every Virtual Account of the Smart Account, by name.',
  })
  async virtualAccounts(
    @Root() account: SmartAccountGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql[]> {
    return (await ctx.loaders.virtualAccountsOf.load(account.smartAccountId)).map(
      toVirtualAccountGql,
    );
  }

  @FieldResolver(() => [LicenseGql], {
    description: 'Every license on record in the Smart Account, by name.',
  })
  async licenses(@Root() account: SmartAccountGql, @Ctx() ctx: GqlContext): Promise<LicenseGql[]> {
    return (await ctx.loaders.licensesOf.load(account.smartAccountId)).map(toLicenseGql);
  }

  @FieldResolver(() => [LicensePositionGql], {
    nullable: true,
    description: 'One position per license, as of a date (default today).' + DESCRIBE.nullOnFailure,
  })
  async position(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeClassicArg()
    includeClassic: boolean | null,
  ): Promise<LicensePositionGql[]> {
    const positions = await this.services.position.account({
      smartAccountId: account.smartAccountId,
      asOf,
      includeClassic: includeClassic ?? true,
    });
    return positions.map(toLicensePositionGql);
  }
}
