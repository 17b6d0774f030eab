import { GraphQLInterfaceType, type GraphQLSchema } from 'graphql';
import { Field, ID, InterfaceType } from 'type-graphql';

import type { NodeType } from './global-id.js';

/** What `node`/`nodes` resolve to: the GraphQL object and the type it is (for resolveType). */
export interface NodeObject {
  readonly __nodeType: NodeType;
}

@InterfaceType('Node', {
  description:
    'An object with an opaque global id, fetchable again with node(id:) or nodes(ids:) (Relay object identification). The global id is the nodeId field (Relay clients: nodeInterfaceIdField "nodeId"); each type’s id field stays Trueup’s numeric id, which mutation inputs take.',
  resolveType: (value: NodeObject) => value.__nodeType,
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description:
      'Opaque global id, unique across every type (base64 of Type:id): pass it to node(id:). Not the numeric id mutation inputs take.',
  })
  nodeId!: string;
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
