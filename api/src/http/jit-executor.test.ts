import { unwrapResolverError } from '@apollo/server/errors';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, execute, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { jitExecutor } from './jit-executor.js';

const schema = buildSchema(`
  type Line { name: String! quantity: Int! }
  type Query { lines(first: Int!): [Line!]! boom: String }
  type Mutation { bump(by: Int!): Int! }
`);
const cause = new Error('kaboom');
const queryFields = (schema.getQueryType() as GraphQLObjectType).getFields();
queryFields.lines!.resolve = (_root, args: { first: number }, context: { prefix: string }) =>
  Array.from({ length: args.first }, (_, i) => ({ name: `${context.prefix}${i}`, quantity: i }));
queryFields.boom!.resolve = () => {
  throw cause;
};
let counter = 0;
(schema.getMutationType() as GraphQLObjectType).getFields().bump!.resolve = (
  _root,
  args: { by: number },
) => (counter += args.by);

function request(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions[0] as GatewayGraphQLRequestContext['operation'];
  return {
    document,
    source,
    operation,
    operationName: null,
    context: { prefix: 'L' },
    request: { query: source, variables },
  } as unknown as GatewayGraphQLRequestContext;
}

describe('the graphql-jit executor', () => {
  const run = jitExecutor(schema);

  it('answers a query exactly as graphql-js does, with variables and context', async () => {
    const source = 'query($n: Int!) { lines(first: $n) { name quantity } }';
    const jit = await run(request(source, { n: 3 }));
    const reference = await execute({
      schema,
      document: parse(source),
      variableValues: { n: 3 },
      contextValue: { prefix: 'L' },
    });
    expect(jit).toEqual(reference);
    expect(jit.data?.lines).toHaveLength(3);
  });

  it('reports resolver errors as graphql-js errors with path, locations and cause', async () => {
    const result = await run(request('{ boom }'));
    expect(result.data).toEqual({ boom: null });
    const [error] = result.errors ?? [];
    expect(error?.toJSON()).toMatchObject({ path: ['boom'], locations: [{ line: 1, column: 3 }] });
    expect(unwrapResolverError(error)).toBe(cause);
  });

  it('runs mutations (on graphql-js)', async () => {
    const result = await run(request('mutation { bump(by: 2) }'));
    expect(result).toEqual({ data: { bump: 2 } });
  });
});
