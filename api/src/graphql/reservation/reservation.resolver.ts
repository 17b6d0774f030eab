import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { ReservationStanding } from '../../domain/index.js';
import type { Services } from '../../services/index.js';
import {
  toLicenseGql,
  toProductInstanceGql,
  toVirtualAccountGql,
} from '../account/account.mapper.js';
import { LicenseGql, ProductInstanceGql, VirtualAccountGql } from '../account/account.type.js';
import { AsOfArg } from '../args.js';
import type { GqlContext } from '../context.js';

import { StrandedReasonGql, TransferHistoryGql } from './enums.js';
import { toReservationEventGql } from './reservation.mapper.js';
import { ReservationEventGql, ReservationGql } from './reservation.type.js';

const READ_DATE = 'Default: the date the reservation was read at.';

@Resolver(() => ReservationGql)
export class ReservationResolver {
  constructor(private readonly services: Services) {}

  private standing(
    reservation: ReservationGql,
    asOf: string | null,
    ctx: GqlContext,
  ): Promise<ReservationStanding> {
    return ctx.loaders.reservations.standing.load({
      reservationId: reservation.reservationId,
      asOf: asOf ?? reservation.asOf,
    });
  }

  @FieldResolver(() => ProductInstanceGql, {
    description: 'The device the licenses are pinned on.',
  })
  async instance(@Root() r: ReservationGql, @Ctx() ctx: GqlContext): Promise<ProductInstanceGql> {
    return toProductInstanceGql(
      await ctx.loaders.reservations.instanceById.load(r.productInstanceId),
    );
  }

  @FieldResolver(() => LicenseGql, { description: 'The license reserved.' })
  async license(@Root() r: ReservationGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(r.licenseId));
  }

  @FieldResolver(() => VirtualAccountGql, {
    description: 'The Virtual Account whose entitlement the reservation holds.',
  })
  async virtualAccount(
    @Root() r: ReservationGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(r.virtualAccountId));
  }

  @FieldResolver(() => Int, { description: 'Quantity held: the sum of the trail up to the date.' })
  async quantity(
    @Root() r: ReservationGql,
    @AsOfArg(READ_DATE) asOf: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<number> {
    return (await this.standing(r, asOf, ctx)).quantity;
  }

  @FieldResolver(() => StrandedReasonGql, {
    nullable: true,
    description: 'Set when it holds licenses on a decommissioned or replaced device.',
  })
  async stranded(
    @Root() r: ReservationGql,
    @AsOfArg(READ_DATE) asOf: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<StrandedReasonGql | null> {
    return (await this.standing(r, asOf, ctx)).strandedReason as StrandedReasonGql | null;
  }

  @FieldResolver(() => TransferHistoryGql, {
    description: 'Whether its transfers in are matched by the sources’ transfers out.',
  })
  async transferHistory(
    @Root() r: ReservationGql,
    @AsOfArg(READ_DATE) asOf: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<TransferHistoryGql> {
    return (await this.standing(r, asOf, ctx)).transferHistory as TransferHistoryGql;
  }

  @FieldResolver(() => Boolean, {
    description: 'Stranded, and its trail shows it was transferred in properly.',
  })
  async strandedWithCleanTransferHistory(
    @Root() r: ReservationGql,
    @AsOfArg(READ_DATE) asOf: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<boolean> {
    return (await this.standing(r, asOf, ctx)).strandedWithCleanTransferHistory;
  }

  @FieldResolver(() => [ReservationEventGql], { description: 'The whole trail, oldest first.' })
  async events(@Root() r: ReservationGql, @Ctx() ctx: GqlContext): Promise<ReservationEventGql[]> {
    return (await ctx.loaders.reservations.eventsOf.load(r.reservationId)).map(
      toReservationEventGql,
    );
  }
}
