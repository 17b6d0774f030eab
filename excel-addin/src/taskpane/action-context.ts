import type { FetchLike } from '../api-client/client.js';
import type { SavedConnection } from '../api-client/connection-store.js';
import { AddinError } from '../api-client/errors.js';

/** What an action needs from the outside: the connection, Excel, the network, a progress bar. */
export interface ActionContext {
  readonly connection: SavedConnection;
  readonly excel: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly progress: (done: number, total: number) => void;
  readonly fetch?: FetchLike;
}

export function account(ctx: ActionContext): { smartAccount: string; asOf: string | null } {
  if (!ctx.connection.smartAccount) {
    throw new AddinError('input', 'Connect and choose a Smart Account first.');
  }
  return { smartAccount: ctx.connection.smartAccount, asOf: ctx.connection.asOf || null };
}

export const asOfText = (asOf: string | null) => (asOf ? `as of ${asOf}` : 'as of today');
