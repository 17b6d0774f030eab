import type { Services } from '@trueup/api';

/**
 * The bearer token the bench sends, if the API requires one. Access control (tokens and roles)
 * is being built on another branch: once `Services` can create a token, create a viewer token
 * for the bench Smart Account here (the one line to change); `http-client.ts` already sends it.
 */
export async function benchToken(
  _services: Services,
  _domain: string,
): Promise<string | undefined> {
  return undefined;
}
