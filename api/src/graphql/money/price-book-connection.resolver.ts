import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { pageOfList } from '../../services/list-page.js';
import { SmartAccountGql } from '../account/account.type.js';
import { AsOfArg } from '../args.js';
import { Connection, toConnection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';

import { toPriceBookEntryGql } from './money.mapper.js';
import { PriceBookEntryGql } from './money.type.js';

export const PriceBookEntryConnection = Connection('PriceBookEntry', PriceBookEntryGql);
export type PriceBookEntryConnection = InstanceType<typeof PriceBookEntryConnection>;

@Resolver(() => SmartAccountGql)
export class PriceBookConnectionResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => PriceBookEntryConnection, {
    description:
      'The price book a page at a time: the same entries, in the same order, as priceBook. Forward-only: page with first/after (no last/before).',
  })
  async priceBookConnection(
    @Root() account: SmartAccountGql,
    @AsOfArg('Only the entries in force at this date (default: every entry).')
    asOf: string | null,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<PriceBookEntryConnection> {
    const entries = await this.services.money.priceBook.entries(
      account.smartAccountId,
      asOf ?? undefined,
    );
    return toConnection(pageOfList(entries, { first, after }), toPriceBookEntryGql);
  }
}
