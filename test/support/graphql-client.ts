/**
 * Tokens the test servers created, by GraphQL URL: `graphql(url, …)` sends the one registered
 * for `url` unless a call passes its own (`{ token }`) or none (`{ token: null }`).
 */
const defaultTokens = new Map<string, string>();

/** Makes `token` the default bearer token for requests to `url` (see `startTestApi`). */
export function setDefaultToken(url: string, token: string | undefined): void {
  if (token === undefined) defaultTokens.delete(url);
  else defaultTokens.set(url, token);
}

export interface GraphqlResponse<T> {
  data?: T;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; reason?: string; [key: string]: unknown };
  }[];
  extensions?: Record<string, unknown>;
}

/** Posts a GraphQL operation over real HTTP and returns the parsed body. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null } = {},
): Promise<GraphqlResponse<T>> {
  return (await (await graphqlResponse(url, query, variables, options)).json()) as never;
}

/** The raw HTTP response, for status and header checks. */
export function graphqlResponse(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null } = {},
): Promise<Response> {
  const token = options.token === undefined ? defaultTokens.get(url) : options.token;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
}
