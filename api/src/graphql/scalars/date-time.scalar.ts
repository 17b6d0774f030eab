import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/** graphql-scalars' value, normalised to one string form: UTC with milliseconds (…T10:15:30.000Z). */
function serialize(value: unknown): string {
  const checked = GraphQLDateTime.serialize(value) as Date | string;
  return new Date(checked).toISOString();
}

/**
 * graphql-scalars' `DateTime` (RFC 3339 date-time), for every timestamp Trueup records. Sent as
 * a string in UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`; inputs take any RFC 3339 offset.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  description:
    'A moment in time: an RFC 3339 date-time string, always sent in UTC with milliseconds (2026-11-28T14:05:09.000Z). Used for every timestamp (when something was recorded, started, applied); calendar dates (as-of, term dates) are Date.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize,
});
