import { GraphQLBigInt } from 'graphql-scalars';

/**
 * graphql-scalars' `BigInt`: a whole number that may exceed 32 bits, for sums and roll-ups
 * (Σ owned, Σ consumed…) where GraphQL's `Int` would fail. Inputs are bounded (see
 * `MAX_QUANTITY`), so every sum Trueup computes stays below 2^53 and is sent as a JSON number;
 * a larger value would be sent as a decimal string.
 */
export const BigIntScalar = GraphQLBigInt;
