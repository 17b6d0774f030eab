import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { pageOfList } from '../../services/list-page.js';
import { SmartAccountGql } from '../account/account.type.js';
import { AsOfArg, IncludeReturnedArg } from '../args.js';
import { Connection, toConnection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';

import { toReservationGql } from './reservation.mapper.js';
import { ReservationGql } from './reservation.type.js';

export const ReservationConnection = Connection('Reservation', ReservationGql);
export type ReservationConnection = InstanceType<typeof ReservationConnection>;

@Resolver(() => SmartAccountGql)
export class ReservationsConnectionResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => ReservationConnection, {
    description:
      'SLR/PLR reservations a page at a time: the same rows, in the same order, as reservations. Forward-only: page with first/after (no last/before).',
  })
  async reservationsConnection(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeReturnedArg()
    includeReturned: boolean | null,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<ReservationConnection> {
    const rows = await this.services.reservations.reservationsOf({
      smartAccountId: account.smartAccountId,
      asOf,
      includeReturned: includeReturned ?? false,
    });
    return toConnection(pageOfList(rows, { first, after }), (r) => toReservationGql(r, r.asOf));
  }
}
