import type { Role } from '../../domain/index.js';

/**
 * Who is calling, as established from the request's bearer token: the one value every scope
 * and role check reads. Never holds the token itself.
 */
export interface Access {
  readonly tokenId: number;
  /** Safe to log. */
  readonly tokenName: string;
  readonly role: Role;
  /** An install-wide token: every Smart Account, including ones created later. */
  readonly allSmartAccounts: boolean;
  /** Smart Accounts granted by id (empty for an install-wide token: see `allSmartAccounts`). */
  readonly smartAccountIds: ReadonlySet<number>;
  /** The same grants by domain. */
  readonly domains: ReadonlyMap<string, number>;
}

/** Whether `access` may see the Smart Account with this id. */
export function canSee(access: Access, smartAccountId: number): boolean {
  return access.allSmartAccounts || access.smartAccountIds.has(smartAccountId);
}

/**
 * Whether `access` may see a Smart Account of this domain, answered without the database for a
 * scoped token, so a granted-elsewhere domain and an unknown one take the same path.
 */
export function mayNameDomain(access: Access, domain: string): boolean {
  return access.allSmartAccounts || access.domains.has(domain);
}
