import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';

import { toRenewalModelGql, toRenewalQuery } from './renewal.mapper.js';
import { RenewalModelGql, RenewalModelInput } from './renewal.type.js';

@Resolver(() => SmartAccountGql)
export class SmartAccountRenewalResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => RenewalModelGql, {
    description: 'EA versus a-la-carte for the licenses in scope (default: every priced one).',
  })
  async renewalModel(
    @Root() account: SmartAccountGql,
    @Arg('input', () => RenewalModelInput, { nullable: true }) input: RenewalModelInput | null,
  ): Promise<RenewalModelGql> {
    const asOf = this.services.position.asOfOrToday(input?.asOf);
    const report = await this.services.money.renewal(
      toRenewalQuery(input ?? null, account.smartAccountId, asOf),
    );
    return toRenewalModelGql(report);
  }
}
