import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import Negotiator from 'negotiator';

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The media type Apollo Server answers a single result in, from the request's `Accept` header
 * (the same choice and order as Apollo's own: `application/json` when absent or preferred
 * equally); null when the client accepts neither (Apollo then answers 406 itself).
 */
export function responseMediaType(accept: string | undefined): string | null {
  if (!accept) return APPLICATION_JSON;
  return (
    new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ??
    null
  );
}

/**
 * GraphQL-over-HTTP status codes by response media type. A client that accepts only
 * `application/json` (Power Query's `Web.Contents`, most scripts) gets HTTP 200 for every
 * well-formed GraphQL response, request errors included (unparsable document, validation
 * failure, variables that do not coerce, a query refused by the cost limits), so it can read the
 * `errors` message instead of failing on the status; a client that accepts
 * `application/graphql-response+json` keeps the 4xx the spec asks for there. Failures before
 * GraphQL (bad bearer token 401, unreadable JSON body 400, CSRF refusal 400, body too large 413)
 * are not GraphQL responses and keep their status; so do 5xx.
 */
export function jsonStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          const status = response.http.status;
          if (response.body.kind !== 'single' || !status || status < 400 || status >= 500) return;
          const mediaType = responseMediaType(request.http?.headers.get('accept'));
          if (mediaType !== APPLICATION_JSON) return;
          // Set the type explicitly so the status and the header Apollo sends agree.
          response.http.headers.set('content-type', APPLICATION_JSON);
          response.http.status = 200;
        },
      };
    },
  };
}
