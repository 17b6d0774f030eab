import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { toConnection } from '../connection.js';
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
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–5000 (default 100).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kind', () => AccountEventKindGql, { nullable: true }) kind: AccountEventKindGql | null,
  ): Promise<AccountEventConnection> {
    const page = await this.services.events.page({
      smartAccountId: account.smartAccountId,
      kind,
      page: { first, after },
    });
    return toConnection(page, toAccountEventGql);
  }
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
  async logEvents(@Root() reservation: ReservationGql): Promise<AccountEventGql[]> {
    const events = await this.services.events.ofReservations([reservation.reservationId]);
    return events.map(toAccountEventGql);
  }
}
