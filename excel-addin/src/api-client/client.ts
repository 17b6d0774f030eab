import { AddinError, messageForCode } from './errors.js';
import type { Operation } from './operation.js';

/** Where the API is and who we are. */
export interface Connection {
  /** Base URL of the Trueup server, e.g. `https://trueup.example.com` (no /graphql). */
  readonly apiUrl: string;
  /** Bearer token; empty = none. */
  readonly token: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** `https://host/` or `https://host/graphql` → `https://host/graphql`. */
export function graphqlEndpoint(apiUrl: string): string {
  const base = apiUrl.trim().replace(/\/+$/, '');
  return base.endsWith('/graphql') ? base : `${base}/graphql`;
}

/**
 * Runs one typed operation over HTTP. Network failures, HTTP errors and GraphQL errors all
 * become an `AddinError` with a message a person can act on.
 */
export async function execute<TData, TVars>(
  connection: Connection,
  operation: Operation<TData, TVars>,
  variables: TVars,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (connection.token) headers.authorization = `Bearer ${connection.token}`;
  let response: Response;
  try {
    response = await fetchImpl(graphqlEndpoint(connection.apiUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: operation.document, variables }),
    });
  } catch (cause) {
    throw new AddinError(
      'network',
      `Cannot reach the Trueup server at ${connection.apiUrl}. Check the address and your network.`,
      undefined,
      { cause },
    );
  }
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch (cause) {
    throw new AddinError(
      'network',
      `The server at ${connection.apiUrl} did not answer like a Trueup server (HTTP ${response.status}).`,
      undefined,
      { cause },
    );
  }
  const first = body.errors?.[0];
  if (first) {
    const code =
      first.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : undefined);
    const kind = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 'auth' : 'graphql';
    throw new AddinError(kind, messageForCode(code, first.message), code);
  }
  if (!response.ok || !body.data) {
    const code =
      response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 403
          ? 'FORBIDDEN'
          : undefined;
    throw new AddinError(
      code ? 'auth' : 'network',
      messageForCode(code, `HTTP ${response.status}`),
      code,
    );
  }
  return body.data;
}
