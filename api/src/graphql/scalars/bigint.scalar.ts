import { GraphQLScalarType } from 'graphql';
import { GraphQLBigInt } from 'graphql-scalars';

/**
 * graphql-scalars' `BigInt`: a whole number that may exceed 32 bits, for sums and roll-ups
 * (Σ owned, Σ consumed…) where GraphQL's `Int` would fail. Inputs are bounded (see
 * `MAX_QUANTITY`), so every sum Trueup computes stays below 2^53 and is sent as a JSON number;
 * a larger value would be sent as a decimal string.
 */
export const BigIntScalar = new GraphQLScalarType({
  ...GraphQLBigInt.toConfig(),
  description:
    'A whole number that may exceed 32 bits (sums and roll-ups of license units). Sent as a JSON number while below 2^53 (every sum Trueup computes: quantities are bounded at 1,000,000,000 per row), otherwise as a decimal string.',
  specifiedByURL: 'https://the-guild.dev/graphql/scalars/docs/scalars/big-int',
});
