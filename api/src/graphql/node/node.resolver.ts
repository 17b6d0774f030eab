import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { canSee } from '../../services/access/access.js';
import type { Services } from '../../services/index.js';
import {
  toLicenseGql,
  toProductInstanceGql,
  toSmartAccountGql,
  toVirtualAccountGql,
} from '../account/account.mapper.js';
import {
  LicenseGql,
  ProductInstanceGql,
  SmartAccountGql,
  VirtualAccountGql,
} from '../account/account.type.js';
import type { GqlContext } from '../context.js';
import { toReservationGql } from '../reservation/reservation.mapper.js';
import { ReservationGql } from '../reservation/reservation.type.js';

import { fromGlobalId, toGlobalId, type NodeType } from './global-id.js';
import { NodeInterface, type NodeObject } from './node.type.js';

/** Most ids one `nodes` call takes. */
export const MAX_NODE_IDS = 100;

type Found = (
  SmartAccountGql | VirtualAccountGql | LicenseGql | ProductInstanceGql | ReservationGql
) &
  NodeObject;

@Resolver()
export class NodeResolver {
  constructor(private readonly services: Services) {}

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      'The object of a global id (a nodeId), or null when the id is not one, names nothing, or names something in a Smart Account this token was not granted (the same null either way).',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as read from a nodeId field.' }) id: string,
    @Ctx() ctx: GqlContext,
  ): Promise<Found | null> {
    return this.fetch(id, ctx);
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `The objects of several global ids, in the order given, null where node(id:) would be null; at most ${MAX_NODE_IDS} ids.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Global ids, as read from nodeId fields.' })
    ids: string[],
    @Ctx() ctx: GqlContext,
  ): Promise<(Found | null)[]> {
    if (ids.length > MAX_NODE_IDS) {
      throw new GraphQLError(`nodes takes at most ${MAX_NODE_IDS} ids; ${ids.length} were given.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return Promise.all(ids.map((id) => this.fetch(id, ctx)));
  }

  private async fetch(globalId: string, ctx: GqlContext): Promise<Found | null> {
    const parsed = fromGlobalId(globalId);
    if (!parsed) return null;
    const tag = <T extends object>(type: NodeType, value: T): T & NodeObject => ({
      ...value,
      __nodeType: type,
    });
    switch (parsed.type) {
      case 'SmartAccount': {
        if (!canSee(ctx.access, parsed.id)) return null;
        const found = (await this.services.accounts.listSmartAccounts()).find(
          (a) => a.id === parsed.id,
        );
        return found ? tag('SmartAccount', toSmartAccountGql(found)) : null;
      }
      case 'VirtualAccount': {
        const found = await ctx.loaders.virtualAccountById.load(parsed.id).catch(() => undefined);
        return found && canSee(ctx.access, found.smartAccountId)
          ? tag('VirtualAccount', toVirtualAccountGql(found))
          : null;
      }
      case 'License': {
        const found = await ctx.loaders.licenseById.load(parsed.id).catch(() => undefined);
        return found && canSee(ctx.access, found.smartAccountId)
          ? tag('License', toLicenseGql(found))
          : null;
      }
      case 'ProductInstance': {
        const found = await ctx.loaders.reservations.instanceById
          .load(parsed.id)
          .catch(() => undefined);
        return found && canSee(ctx.access, found.smartAccountId)
          ? tag('ProductInstance', toProductInstanceGql(found))
          : null;
      }
      case 'Reservation': {
        const found = await ctx.loaders.reservations.reservationById
          .load(parsed.id)
          .catch(() => undefined);
        // Read as of today, as the reservations list reads it by default.
        return found && canSee(ctx.access, found.smartAccountId)
          ? tag('Reservation', toReservationGql(found, this.services.position.asOfOrToday(null)))
          : null;
      }
    }
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountNodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id (base64 of SmartAccount:id).' })
  nodeId(@Root() account: SmartAccountGql): string {
    return toGlobalId('SmartAccount', account.smartAccountId);
  }
}

@Resolver(() => VirtualAccountGql)
export class VirtualAccountNodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id (base64 of VirtualAccount:id).' })
  nodeId(@Root() account: VirtualAccountGql): string {
    return toGlobalId('VirtualAccount', account.virtualAccountId);
  }
}

@Resolver(() => LicenseGql)
export class LicenseNodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id (base64 of License:id).' })
  nodeId(@Root() license: LicenseGql): string {
    return toGlobalId('License', license.licenseId);
  }
}

@Resolver(() => ProductInstanceGql)
export class ProductInstanceNodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id (base64 of ProductInstance:id).' })
  nodeId(@Root() instance: ProductInstanceGql): string {
    return toGlobalId('ProductInstance', Number(instance.id));
  }
}

@Resolver(() => ReservationGql)
export class ReservationNodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id (base64 of Reservation:id).' })
  nodeId(@Root() reservation: ReservationGql): string {
    return toGlobalId('Reservation', reservation.reservationId);
  }
}
