/**
 * The one HTTP client of the benchmark: every GraphQL request (paging, one-off queries, the load
 * generator's headers) goes through here, so adding authentication is a change in one place.
 */
export interface GraphqlEndpoint {
  readonly url: string;
  /** Bearer token, once the API requires one (see `auth.ts`). */
  readonly token?: string | undefined;
}

/** Headers for a GraphQL POST to `endpoint` (also given to the load generator). */
export function requestHeaders(endpoint: GraphqlEndpoint): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
  };
}

export interface GraphqlResponse<T> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

/** Posts one operation and returns `data`, or throws with the first error's message. */
export async function post<T>(
  endpoint: GraphqlEndpoint,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: requestHeaders(endpoint),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResponse<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL ${response.status}: ${body.errors?.[0]?.message ?? 'no data'} (${endpoint.url})`,
    );
  }
  return body.data;
}
