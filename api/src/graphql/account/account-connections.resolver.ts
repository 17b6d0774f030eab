import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { pageOfList } from '../../services/list-page.js';
import { Connection, toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';

import { toEntitlementGql, toLicenseGql, toVirtualAccountGql } from './account.mapper.js';
import { EntitlementGql, LicenseGql, SmartAccountGql, VirtualAccountGql } from './account.type.js';

// Paged (forward-only: first/after) twins of the lists that grow with the estate. The plain
// lists stay for clients that take everything at once.

export const VirtualAccountConnection = Connection('VirtualAccount', VirtualAccountGql);
export type VirtualAccountConnection = InstanceType<typeof VirtualAccountConnection>;
export const LicenseConnection = Connection('License', LicenseGql);
export type LicenseConnection = InstanceType<typeof LicenseConnection>;
export const EntitlementConnection = Connection('Entitlement', EntitlementGql);
export type EntitlementConnection = InstanceType<typeof EntitlementConnection>;

const FORWARD_ONLY = 'Forward-only: page with first/after (no last/before).';

@Resolver(() => SmartAccountGql)
export class SmartAccountConnectionsResolver {
  @FieldResolver(() => VirtualAccountConnection, {
    description: `The Virtual Accounts of the Smart Account, by name, a page at a time (the same rows as virtualAccounts). ${FORWARD_ONLY}`,
  })
  async virtualAccountsConnection(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountConnection> {
    const rows = await ctx.loaders.virtualAccountsOf.load(account.smartAccountId);
    return toConnection(pageOfList(rows, { first, after }), toVirtualAccountGql);
  }

  @FieldResolver(() => LicenseConnection, {
    description: `The licenses on record in the Smart Account, by name, a page at a time (the same rows as licenses). ${FORWARD_ONLY}`,
  })
  async licensesConnection(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<LicenseConnection> {
    const rows = await ctx.loaders.licensesOf.load(account.smartAccountId);
    return toConnection(pageOfList(rows, { first, after }), toLicenseGql);
  }
}

@Resolver(() => VirtualAccountGql)
export class VirtualAccountConnectionsResolver {
  @FieldResolver(() => EntitlementConnection, {
    description: `The lots of the Virtual Account, a page at a time (the same rows, in the same order, as entitlements). ${FORWARD_ONLY}`,
  })
  async entitlementsConnection(
    @Root() account: VirtualAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<EntitlementConnection> {
    const rows = await ctx.loaders.entitlementsOf.load(account.virtualAccountId);
    return toConnection(pageOfList(rows, { first, after }), toEntitlementGql);
  }
}
