import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { GqlContext } from '../context.js';

import { toLicenseGql } from './account.mapper.js';
import { EntitlementGql, LicenseGql } from './account.type.js';

@Resolver(() => LicenseGql)
export class LicenseResolver {
  @FieldResolver(() => LicenseGql, {
    nullable: true,
    description: 'For add-ons: the base license they need.',
  })
  async requiredBaseLicense(
    @Root() license: LicenseGql,
    @Ctx() ctx: GqlContext,
  ): Promise<LicenseGql | null> {
    if (license.requiredBaseLicenseId === null) return null;
    return toLicenseGql(await ctx.loaders.licenseById.load(license.requiredBaseLicenseId));
  }
}

@Resolver(() => EntitlementGql)
export class EntitlementResolver {
  @FieldResolver(() => LicenseGql, { description: 'The license the lot entitles.' })
  async license(@Root() lot: EntitlementGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(lot.licenseId));
  }
}
