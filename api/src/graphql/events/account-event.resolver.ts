import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { ReservationLogEvent, Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { ReservationGql } from '../reservation/reservation.type.js';

import { toAccountEventGql } from './account-event.mapper.js';
import {
  AccountEventConnection,
  AccountEventGql,
  AccountEventKindGql,
} from './account-event.type.js';

@Resolver(() => SmartAccountGql)
export class SmartAccountEventsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => AccountEventConnection, {
    description: 'Cisco’s Event Log as imported, newest first; optionally of one kind.',
  })
  async events(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
    @Arg('kind', () => AccountEventKindGql, {
      nullable: true,
      description: 'Only events of this kind (default all).',
    })
    kind: AccountEventKindGql | null,
  ): Promise<AccountEventConnection> {
    const page = await this.services.events.page({
      smartAccountId: account.smartAccountId,
      kind,
      page: { first, after },
    });
    return toConnection(page, toAccountEventGql);
  }
}

/**
 * One batched read of the log per request, however many reservations ask (kept here, keyed by
 * the request's context, rather than in the shared loaders).
 */
const logLoaders = new WeakMap<GqlContext, DataLoader<number, ReservationLogEvent[]>>();

function logLoader(services: Services, ctx: GqlContext) {
  let loader = logLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const byReservation = new Map<number, ReservationLogEvent[]>(ids.map((id) => [id, []]));
      for (const event of await services.events.ofReservations(ids))
        byReservation.get(event.reservationId)?.push(event);
      return ids.map((id) => byReservation.get(id) ?? []);
    });
    logLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => ReservationGql)
export class ReservationLogResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [AccountEventGql], {
    description:
      'The SLR events (reserve, update, return, transfer) Cisco’s Event Log records for this ' +
      'device, oldest first: the log’s own dating of the trail, beside the imported events ' +
      '(matched on the device’s UDI serial).',
  })
  async logEvents(
    @Root() reservation: ReservationGql,
    @Ctx() ctx: GqlContext,
  ): Promise<AccountEventGql[]> {
    const events = await logLoader(this.services, ctx).load(reservation.reservationId);
    return events.map(toAccountEventGql);
  }
}
