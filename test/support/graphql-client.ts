/** Posts a GraphQL operation over real HTTP and returns the parsed body. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
