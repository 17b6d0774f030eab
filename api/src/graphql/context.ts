import { randomUUID } from 'node:crypto';

import type { Services } from '../services/index.js';

import { createLoaders, type Loaders } from './loaders.js';

/** Per-request state: a request id for logs and fresh DataLoaders (no cross-request caching). */
export interface GqlContext {
  readonly requestId: string;
  readonly loaders: Loaders;
}

export function createContext(services: Services): GqlContext {
  return { requestId: randomUUID(), loaders: createLoaders(services) };
}
