import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { RequiresRole, scoped } from '../auth.js';
import type { GqlContext } from '../context.js';
import { runMutation } from '../mutation/run-mutation.js';

import {
  ReserveLicensesPayload,
  ReturnReservationPayload,
  TransferReservationPayload,
  UpdateReservationPayload,
} from './reservation-payload.type.js';
import {
  ReserveLicensesInput,
  ReturnReservationInput,
  TransferReservationInput,
  UpdateReservationInput,
} from './reservation.input.js';
import {
  toReservationChangeGql,
  toReservationTransferGql,
  toReserveCommand,
  toReturnCommand,
  toTransferCommand,
  toUpdateCommand,
} from './reservation.mapper.js';

/** Reservation changes. Each runs in one transaction and appends one event per reservation. */
@Resolver()
export class ReservationMutationResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => ReserveLicensesPayload, {
    description: 'Records a reservation (by hand or from an authorization code): a RESERVE event.',
  })
  async reserveLicenses(
    @Arg('input', () => ReserveLicensesInput, {
      description: 'The device, license, type and quantity.',
    })
    input: ReserveLicensesInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(
      input,
      async () =>
        toReservationChangeGql(
          await this.services.reservations.reserve(scoped(ctx, toReserveCommand(input))),
        ),
      { UNKNOWN_LICENSE: 'licenseId', UNKNOWN_PRODUCT_INSTANCE: 'productInstanceId' },
    );
  }

  @RequiresRole('ADMIN')
  @Mutation(() => UpdateReservationPayload, {
    description: 'Sets a reservation to a new quantity: an UPDATE event of the difference.',
  })
  async updateReservation(
    @Arg('input', () => UpdateReservationInput, {
      description: 'The reservation and its new quantity.',
    })
    input: UpdateReservationInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () =>
      toReservationChangeGql(
        await this.services.reservations.update(scoped(ctx, toUpdateCommand(input))),
      ),
    );
  }

  @RequiresRole('ADMIN')
  @Mutation(() => TransferReservationPayload, {
    description:
      'Moves reserved licenses to another device: TRANSFER_OUT here, TRANSFER_IN there, together.',
  })
  async transferReservation(
    @Arg('input', () => TransferReservationInput, {
      description: 'The reservation, the receiving device and how many.',
    })
    input: TransferReservationInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(
      input,
      async () =>
        toReservationTransferGql(
          await this.services.reservations.transfer(scoped(ctx, toTransferCommand(input))),
        ),
      { UNKNOWN_PRODUCT_INSTANCE: 'toProductInstanceId', SAME_INSTANCE: 'toProductInstanceId' },
    );
  }

  @RequiresRole('ADMIN')
  @Mutation(() => ReturnReservationPayload, {
    description: 'Returns reserved licenses (never more than held): a RETURN event.',
  })
  async returnReservation(
    @Arg('input', () => ReturnReservationInput, { description: 'The reservation and how many.' })
    input: ReturnReservationInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () =>
      toReservationChangeGql(
        await this.services.reservations.return(scoped(ctx, toReturnCommand(input))),
      ),
    );
  }
}
