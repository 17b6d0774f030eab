import {
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  graphql,
  parseValue as parseLiteralText,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { BigIntScalar } from './bigint.scalar.js';

describe('BigInt: a string of digits, exact beyond 2^53', () => {
  it('sends a sum as a JSON string of its digits', () => {
    expect(BigIntScalar.serialize(0)).toBe('0');
    expect(BigIntScalar.serialize(-294_967_294)).toBe('-294967294');
    expect(BigIntScalar.serialize(4_000_000_000)).toBe('4000000000');
    // 2^63 − 1 written out by hand: a bigint keeps every digit.
    expect(BigIntScalar.serialize(9_223_372_036_854_775_807n)).toBe('9223372036854775807');
    expect(BigIntScalar.serialize('9007199254740993')).toBe('9007199254740993');
  });

  it('refuses to send a double that has already lost digits, or a non-integer', () => {
    // 2^53 + 2 is a double, but not a safe integer: its neighbours round to it.
    expect(() => BigIntScalar.serialize(9_007_199_254_740_994)).toThrow(/not a safe integer/);
    expect(() => BigIntScalar.serialize(1.5)).toThrow(/not a safe integer/);
    expect(() => BigIntScalar.serialize('12.0')).toThrow(/cannot represent/);
    expect(() => BigIntScalar.serialize('007')).toThrow(/cannot represent/);
    expect(() => BigIntScalar.serialize(null)).toThrow(/cannot represent/);
  });

  it('takes a string of digits or an Int as a variable, and refuses anything else', () => {
    expect(BigIntScalar.parseValue('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(BigIntScalar.parseValue(-12)).toBe(-12n);
    for (const bad of ['+1', '1e6', '0x10', ' 1', '', 1.5, 2 ** 60, true, null]) {
      expect(() => BigIntScalar.parseValue(bad), String(bad)).toThrow(/BigInt must be a whole/);
    }
  });

  it('takes an Int literal of any length or a String of digits in the operation', () => {
    expect(BigIntScalar.parseLiteral(parseLiteralText('92233720368547758070'))).toBe(
      92_233_720_368_547_758_070n,
    );
    expect(BigIntScalar.parseLiteral(parseLiteralText('"-5"'))).toBe(-5n);
    expect(() => BigIntScalar.parseLiteral(parseLiteralText('1.0'))).toThrow(
      /BigInt must be a whole number.*got 1\.0/,
    );
    expect(() => BigIntScalar.parseLiteral(parseLiteralText('"1.0"'))).toThrow(/got "1\.0"/);
  });

  it('answers over GraphQL as a JSON string', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          sum: { type: new GraphQLNonNull(BigIntScalar), resolve: () => 4_294_967_294 },
          double: {
            type: new GraphQLNonNull(BigIntScalar),
            args: { n: { type: new GraphQLNonNull(BigIntScalar) } },
            resolve: (_root, { n }: { n: bigint }) => n * 2n,
          },
        },
      }),
    });
    const res = await graphql({ schema, source: '{ sum double(n: "18446744073709551616") }' });
    // 2 × 2^64 = 2^65, every digit kept.
    expect(JSON.stringify(res)).toBe(
      '{"data":{"sum":"4294967294","double":"36893488147419103232"}}',
    );
  });
});
