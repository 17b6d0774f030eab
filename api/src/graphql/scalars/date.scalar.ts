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

/** An ISO calendar date, `YYYY-MM-DD`, carried as a string end to end (no time zone). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar date, YYYY-MM-DD (RFC 3339 full-date, the ISO 8601 calendar form), without time or zone.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: parse,
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
