import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { toProductInstanceGql } from '../account/account.mapper.js';
import { ProductInstanceGql, SmartAccountGql } from '../account/account.type.js';
import { AsOfArg, IncludeReturnedArg } from '../args.js';
import { toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';

import { toReservationEventGql, toReservationGql } from './reservation.mapper.js';
import {
  ReservationEventConnection,
  ReservationEventGql,
  ReservationGql,
} from './reservation.type.js';

@Resolver(() => ReservationEventGql)
export class ReservationEventResolver {
  @FieldResolver(() => ProductInstanceGql, {
    nullable: true,
    description: 'Where the licenses came from.',
  })
  async fromInstance(
    @Root() e: ReservationEventGql,
    @Ctx() ctx: GqlContext,
  ): Promise<ProductInstanceGql | null> {
    if (e.fromInstanceId === null) return null;
    return toProductInstanceGql(await ctx.loaders.reservations.instanceById.load(e.fromInstanceId));
  }

  @FieldResolver(() => ProductInstanceGql, {
    nullable: true,
    description: 'Where the licenses went.',
  })
  async toInstance(
    @Root() e: ReservationEventGql,
    @Ctx() ctx: GqlContext,
  ): Promise<ProductInstanceGql | null> {
    if (e.toInstanceId === null) return null;
    return toProductInstanceGql(await ctx.loaders.reservations.instanceById.load(e.toInstanceId));
  }

  @FieldResolver(() => ReservationGql, { description: 'The reservation, as of this event.' })
  async reservation(
    @Root() e: ReservationEventGql,
    @Ctx() ctx: GqlContext,
  ): Promise<ReservationGql> {
    return toReservationGql(
      await ctx.loaders.reservations.reservationById.load(e.reservationId),
      e.occurredOn,
    );
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountReservationsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [ReservationGql], {
    description: 'SLR/PLR reservations holding licenses at the date (default today).',
  })
  async reservations(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeReturnedArg()
    includeReturned: boolean | null,
  ): Promise<ReservationGql[]> {
    const rows = await this.services.reservations.reservationsOf({
      smartAccountId: account.smartAccountId,
      asOf,
      includeReturned: includeReturned ?? false,
    });
    return rows.map((r) => toReservationGql(r, r.asOf));
  }

  @FieldResolver(() => ReservationEventConnection, {
    description: 'The audit trail of every reservation in the account, newest first.',
  })
  async reservationEvents(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<ReservationEventConnection> {
    const page = await this.services.reservations.accountEventPage({
      smartAccountId: account.smartAccountId,
      page: { first, after },
    });
    return toConnection(page, toReservationEventGql);
  }
}
