import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

import type { Page } from '../services/index.js';

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `<name>Connection` with `<name>Edge`, plus a flat `nodes` list for BI tools. */
export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}

/** Service page → connection, mapping each node with the edge's one mapper. */
export function toConnection<S, T>(page: Page<S>, map: (node: S) => T): ConnectionShape<T> {
  const edges = page.items.map((item) => ({ cursor: item.cursor, node: map(item.node) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
  };
}
