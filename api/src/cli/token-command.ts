import type { Role } from '../domain/index.js';
import type { CreatedToken, Services, TokenListing } from '../services/index.js';

import { render, type OutputFormat } from './output.js';

export interface TokenCreateOptions {
  readonly role: Role;
  readonly smartAccount?: readonly string[] | undefined;
  readonly allSmartAccounts: boolean;
  readonly name?: string | undefined;
  readonly expires?: string | undefined;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function scopeOf(token: TokenListing): string {
  return token.allSmartAccounts ? 'every Smart Account' : token.smartAccounts.join(', ');
}

/**
 * What `token create` (and the first `serve`) print: what was created, then the token alone on
 * the last line, so `| tail -n 1` captures it. It is never shown again.
 */
export function announceToken(created: CreatedToken): string {
  const { listing } = created;
  const expiry = listing.expiresAt ? `expires ${day(listing.expiresAt)}` : 'never expires';
  return (
    `created ${listing.role} token "${listing.name}" for ${scopeOf(listing)}; ${expiry}\n` +
    'Store it now: only its hash is kept, it cannot be shown again.\n' +
    `${created.token}\n`
  );
}

export async function tokenCreateCommand(
  services: Services,
  options: TokenCreateOptions,
): Promise<string> {
  return announceToken(
    await services.access.create({
      role: options.role,
      smartAccounts: options.smartAccount ?? [],
      allSmartAccounts: options.allSmartAccounts,
      name: options.name,
      expires: options.expires,
    }),
  );
}

function statusOf(token: TokenListing, now: Date): string {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return 'active';
}

export async function tokenListCommand(
  services: Services,
  options: { format: OutputFormat; now?: Date },
): Promise<string> {
  const now = options.now ?? new Date();
  const rows = (await services.access.list()).map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    status: statusOf(t, now),
    smartAccounts: t.allSmartAccounts ? '*' : t.smartAccounts.join(' '),
    created: day(t.createdAt),
    expires: day(t.expiresAt),
    revoked: day(t.revokedAt),
  }));
  const columns = [
    'id',
    'name',
    'role',
    'status',
    'smartAccounts',
    'created',
    'expires',
    'revoked',
  ];
  return render(rows, columns, options.format);
}

export async function tokenRevokeCommand(services: Services, nameOrId: string): Promise<string> {
  const token = await services.access.revoke(nameOrId);
  return `revoked token "${token.name}" (${token.role}, ${scopeOf(token)}); it no longer works\n`;
}
