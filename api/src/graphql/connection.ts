import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

import type { Page } from '../services/index.js';

@ObjectType('PageInfo', {
  simpleResolvers: true,
  description:
    'Where a page sits in a forward-only connection: pass endCursor as `after` while hasNextPage is true.',
})
export class PageInfo {
  @Field(() => Boolean, {
    description: 'More rows follow this page: ask again with after = endCursor.',
  })
  hasNextPage!: boolean;
  @Field(() => Boolean, {
    description:
      'True when the page was asked for with `after` (rows precede it); paging backwards is not offered.',
  })
  hasPreviousPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Opaque cursor of the first row of the page; null when the page is empty.',
  })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Opaque cursor of the last row of the page, to pass as `after`; null when the page is empty.',
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `<name>Connection` with `<name>Edge`, plus a flat `nodes` list for BI tools. */
export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One ${name} of a page, with its cursor.`,
  })
  class Edge {
    @Field(() => String, {
      description: 'Opaque position of this row: pass it as `after` to continue after it.',
    })
    cursor!: string;
    @Field(() => node, { description: `The ${name}.` }) node!: T;
  }
  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} rows (Relay connection, forward-only: first/after), with a flat nodes list for tabular pulls.`,
  })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The rows of the page with their cursors.' })
    edges!: Edge[];
    @Field(() => [node], {
      description: 'The rows of the page without cursors (the same rows as edges, in order).',
    })
    nodes!: T[];
    @Field(() => PageInfo, { description: 'Cursors of the page and whether more rows follow.' })
    pageInfo!: PageInfo;
    @Field(() => Int, {
      description: 'Rows matching the arguments over all pages (not just this one).',
    })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * Service page → connection, mapping each node with the edge's one mapper. The edges are built
 * only when the query reads them (a BI pull selects nodes), each cursor only when read.
 */
export function toConnection<S, T>(page: Page<S>, map: (node: S) => T): ConnectionShape<T> {
  const nodes = page.items.map((item) => map(item.node));
  let edges: ConnectionShape<T>['edges'] | undefined;
  return {
    get edges() {
      return (edges ??= page.items.map((item, i) => ({
        get cursor() {
          return item.cursor;
        },
        node: nodes[i] as T,
      })));
    },
    nodes,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
  };
}
