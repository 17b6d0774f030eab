import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/** A base-10 whole number as GraphQL BigInt writes it: optional `-`, no `+`, no leading zeros. */
const DIGITS = /^-?(?:0|[1-9][0-9]*)$/;

/** Refuses an input, showing it as the client wrote it. */
function refuse(shown: string): never {
  throw new GraphQLError(
    `BigInt must be a whole number, a string of base-10 digits (e.g. "4000000000") or an Int, got ${shown}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/**
 * A result: the exact digits of a JS number (a safe integer: the sums Trueup computes) or a
 * bigint. Runs once per BigInt field of every row sent (a BI page: 5,000 rows × 9 fields), so it
 * is the cheap check and `String`, not a round trip through BigInt.
 */
function serialize(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
    // A sum past 2^53 lost its last digits in a double already: refuse rather than send them.
    throw new GraphQLError(`BigInt cannot represent ${value} exactly (not a safe integer)`);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  throw new GraphQLError(`BigInt cannot represent ${JSON.stringify(value) ?? String(value)}`);
}

/** An input (variables): a string of digits, or a JSON number that is a safe integer. */
function parseValue(value: unknown): bigint {
  if (typeof value === 'string' && DIGITS.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return refuse(JSON.stringify(value) ?? String(value));
}

/** An input written in the operation: an Int literal (any length) or a String of digits. */
function parseLiteral(ast: ValueNode): bigint {
  if ((ast.kind === Kind.INT || ast.kind === Kind.STRING) && DIGITS.test(ast.value)) {
    return BigInt(ast.value);
  }
  return refuse(print(ast));
}

/**
 * `BigInt`: a whole number that may exceed 32 bits (sums and roll-ups of license units), sent as
 * a JSON **string** of base-10 digits, as GitHub's and Shopify's APIs send theirs: exact in every
 * client, including JavaScript's JSON.parse and Power Query, which read JSON numbers as doubles
 * and lose digits past 2^53. Inputs take a string of digits or an Int and become a JS bigint.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description:
    'A whole number that may exceed 32 bits (sums and roll-ups of license units: owned, consumed, balance…), sent as a JSON string of base-10 digits with an optional leading minus and no leading zeros ("4000000000", "-12", "0"), so it stays exact in every client (JSON numbers are read as doubles by JavaScript and Power Query, exact only below 2^53). As an input it accepts that string or an Int. Convert it with BigInt(…) in JavaScript, int(…) in Python, Int64.From(…) in Power Query.',
  specifiedByURL: 'https://docs.github.com/en/graphql/reference/scalars#bigint',
  serialize,
  parseValue,
  parseLiteral,
  extensions: { jsonSchema: { type: 'string', pattern: DIGITS.source } },
});
