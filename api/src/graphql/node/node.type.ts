import { GraphQLInterfaceType, type GraphQLSchema } from 'graphql';
import { Field, ID, InterfaceType } from 'type-graphql';

import type { NodeType } from './global-id.js';

/** What `node`/`nodes` resolve to: the GraphQL object and the type it is (for resolveType). */
export interface NodeObject {
  readonly __nodeType: NodeType;
}

@InterfaceType('Node', {
  description:
    'An object with an opaque global id, fetchable again with node(id:) or nodes(ids:) (Relay object identification). Every mutation input and argument that names an object takes this id; the table id is the databaseId field, for display and joins only.',
  resolveType: (value: NodeObject) => value.__nodeType,
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description:
      'Opaque global id, unique across every type: pass it to node(id:) and to inputs that name this object. Do not parse it.',
  })
  id!: string;
}

/**
 * Gives the built `Node` interface a synchronous resolveType: type-graphql wraps the option in
 * an async function, which graphql-jit (the executor) does not await.
 */
export function useSyncNodeResolveType(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (node instanceof GraphQLInterfaceType) {
    node.resolveType = (value) => (value as NodeObject).__nodeType;
  }
}

/** Description of a Node type's `id` field. */
export const describeGlobalId = (what: string): string =>
  `Opaque global id of the ${what}, unique across every type: pass it to node(id:) and to every input that names this ${what}. Do not parse it; databaseId is the table id.`;

/** Description of a Node type's `databaseId` field. */
export const describeDatabaseId = (what: string): string =>
  `Trueup’s table id of the ${what} (unique among ${what}s only; BigInt on every type, so fragments over several types agree), for display and joins with exports; inputs take id, not this.`;
