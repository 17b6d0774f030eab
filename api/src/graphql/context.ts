import type { Access, Services } from '../services/index.js';

import { createLoaders, type Loaders } from './loaders.js';

/**
 * Per-request state: the request id (also in logs and masked errors), who is calling (from the
 * bearer token: name, role, granted Smart Accounts) and fresh DataLoaders (no cross-request
 * caching, so nothing one token loaded can reach another).
 */
export interface GqlContext {
  readonly requestId: string;
  readonly access: Access;
  readonly loaders: Loaders;
}

export function createContext(services: Services, access: Access, requestId: string): GqlContext {
  return { requestId, access, loaders: createLoaders(services) };
}
