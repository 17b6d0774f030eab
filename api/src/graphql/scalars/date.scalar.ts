import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

import { isIsoDate } from '../../domain/index.js';

function parse(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(
    `Date must be a calendar date in the form YYYY-MM-DD, got ${JSON.stringify(value)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/**
 * Dates already checked (a flat page of 5,000 rows sends two dates a row, nearly all the same
 * few): a hit skips the calendar check. Bounded: emptied when it grows past a year of days × 10.
 */
const checked = new Set<string>();

/** A result: checked like an input, once per distinct value. */
function serialize(value: unknown): string {
  if (typeof value === 'string' && checked.has(value)) return value;
  const date = parse(value);
  if (checked.size > 3_660) checked.clear();
  checked.add(date);
  return date;
}

/** An ISO calendar date, `YYYY-MM-DD`, carried as a string end to end (no time zone). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar date, YYYY-MM-DD (RFC 3339 full-date, the ISO 8601 calendar form), without time or zone.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize,
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string in the form YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
