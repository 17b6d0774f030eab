import { GraphQLScalarType } from 'graphql';
import { GraphQLBigInt } from 'graphql-scalars';

/** Any whole number graphql-scalars accepts, as its exact decimal string. */
function serialize(value: unknown): string {
  return String(GraphQLBigInt.serialize(value) as bigint | number);
}

/**
 * graphql-scalars' `BigInt` for sums and roll-ups (Σ owned, Σ consumed…) where GraphQL's 32-bit
 * `Int` would fail, sent as a decimal string so no client rounds it through a double (JSON
 * numbers above 2^53 lose digits in JavaScript, Power Query and Excel). Inputs take a string or
 * a number.
 */
export const BigIntScalar = new GraphQLScalarType({
  ...GraphQLBigInt.toConfig(),
  description:
    'A whole number that may exceed 32 bits (sums and roll-ups of license units), sent as a decimal string ("4294967296") so that no client rounds it; parse it as a 64-bit integer (Power Query: Int64.From; Python: int). Accepted as a string or a number in inputs.',
  specifiedByURL: 'https://the-guild.dev/graphql/scalars/docs/scalars/big-int',
  serialize,
});
