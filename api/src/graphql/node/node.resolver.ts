import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { Services } from '../../services/index.js';
import type { GqlContext } from '../context.js';

import { nodeLoader, type FoundNode } from './node-fetch.js';
import { NodeInterface } from './node.type.js';

/** Most ids one `nodes` call takes. */
export const MAX_NODE_IDS = 100;

@Resolver()
export class NodeResolver {
  constructor(private readonly services: Services) {}

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      'The object of a global id (any id field), or null when the id is not one, names nothing, or names something in a Smart Account this token was not granted (the same null either way).',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as read from an id field.' }) id: string,
    @Ctx() ctx: GqlContext,
  ): Promise<FoundNode | null> {
    return nodeLoader(this.services, ctx).load(id);
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `The objects of several global ids, in the order given, null where node(id:) would be null; at most ${MAX_NODE_IDS} ids. One read per type, whatever the number of ids.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Global ids, as read from id fields.' })
    ids: string[],
    @Ctx() ctx: GqlContext,
  ): Promise<(FoundNode | null)[]> {
    if (ids.length > MAX_NODE_IDS) {
      throw new GraphQLError(`nodes takes at most ${MAX_NODE_IDS} ids; ${ids.length} were given.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const found = await nodeLoader(this.services, ctx).loadMany(ids);
    return found.map((node) => (node instanceof Error ? null : node));
  }
}
