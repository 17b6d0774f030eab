import type { Services } from '@trueup/api';

/**
 * The bearer token the bench sends (`http-client.ts` puts it on every request): an ANALYST token
 * scoped to the bench Smart Account (analysts may also ask the optimizer), created through the
 * services like `trueup token create`.
 */
export async function benchToken(services: Services, domain: string): Promise<string> {
  const { token } = await services.access.create({
    role: 'ANALYST',
    smartAccounts: [domain],
    name: `bench-${process.pid}-${Date.now()}`,
  });
  return token;
}
