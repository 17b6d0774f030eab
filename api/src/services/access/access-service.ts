import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';

import { apiTokenGrants, apiTokens, smartAccounts, type Db, type DbHandle } from '@trueup/db';

import { DomainError, parseIsoDate, type IsoDate, type Role } from '../../domain/index.js';
import type { Clock } from '../clock.js';
import { inserted } from '../import/returning.js';

import type { Access } from './access.js';
import { hashToken, newTokenSecret } from './token-secret.js';

export interface CreateTokenCommand {
  readonly role: Role;
  /** Domains granted; at least one unless `allSmartAccounts`. */
  readonly smartAccounts: readonly string[];
  readonly allSmartAccounts?: boolean | undefined;
  /** Defaults to `<role>-<6 hex>`. */
  readonly name?: string | undefined;
  /** The token stops working at 00:00 UTC on this date; must be after today. */
  readonly expires?: string | undefined;
}

/** A token as listed: never its secret nor its hash. */
export interface TokenListing {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly allSmartAccounts: boolean;
  readonly smartAccounts: readonly string[];
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

/** A created token: the secret, shown once, and what was stored. */
export interface CreatedToken {
  readonly token: string;
  readonly listing: TokenListing;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._@:+-]{0,99}$/;
/** `pg_advisory_xact_lock` key serialising token bootstraps across processes. */
const BOOTSTRAP_LOCK_KEY = 7_340_112_002;

/** The name the demo admin token gets on the first start. */
export const BOOTSTRAP_TOKEN_NAME = 'demo-admin';

/**
 * How long a server process trusts a token it has looked up (5 s): a revocation made through
 * this process's `revoke` takes effect at once; one made by another process (the CLI, another
 * server) within this bound.
 */
export const TOKEN_CACHE_MS = 5_000;
/** Distinct live tokens remembered at once (least recently used ones are looked up again). */
const TOKEN_CACHE_MAX = 1_000;

export interface AccessServiceOptions {
  /** How long a looked-up token is trusted without asking the database again; 0: never cached. */
  readonly tokenCacheMs?: number;
  /** Milliseconds on a monotonic clock (tests move it); `performance.now` by default. */
  readonly now?: () => number;
}

/** API tokens: create (secret shown once, hash stored), list, revoke, and authenticate. */
export function accessService(handle: DbHandle, clock: Clock, options: AccessServiceOptions = {}) {
  const { db } = handle;
  const tokenCacheMs = options.tokenCacheMs ?? TOKEN_CACHE_MS;
  // Live tokens only, keyed by the token's hash (never the secret); a miss is never cached, so
  // a token created elsewhere works on its first request.
  const known =
    tokenCacheMs > 0
      ? new LRUCache<string, { access: Access; until: number }>({ max: TOKEN_CACHE_MAX })
      : undefined;
  const now = options.now ?? (() => performance.now());
  // Bumped by every revocation: a lookup that was in flight across one is not cached.
  let revocations = 0;

  async function grantsOf(tokenIds: readonly number[]) {
    if (tokenIds.length === 0) return [];
    return db
      .select({
        tokenId: apiTokenGrants.tokenId,
        smartAccountId: smartAccounts.id,
        domain: smartAccounts.domain,
      })
      .from(apiTokenGrants)
      .innerJoin(smartAccounts, eq(smartAccounts.id, apiTokenGrants.smartAccountId))
      .where(inArray(apiTokenGrants.tokenId, [...tokenIds]))
      .orderBy(asc(smartAccounts.domain));
  }

  async function insertToken(
    tx: Db,
    values: { name: string; role: Role; all: boolean; expiresAt: Date | null },
    smartAccountIds: readonly number[],
  ) {
    const token = newTokenSecret();
    const row = inserted(
      await tx
        .insert(apiTokens)
        .values({
          name: values.name,
          tokenHash: hashToken(token),
          role: values.role,
          allSmartAccounts: values.all,
          expiresAt: values.expiresAt,
        })
        .returning(),
      'an API token',
    );
    if (smartAccountIds.length > 0) {
      await tx
        .insert(apiTokenGrants)
        .values(smartAccountIds.map((smartAccountId) => ({ tokenId: row.id, smartAccountId })));
    }
    return { token, row };
  }

  function expiryOf(expires: string | undefined): Date | null {
    if (expires === undefined) return null;
    const date: IsoDate = parseIsoDate(expires);
    if (date <= clock.today()) {
      throw new DomainError('INVALID_EXPIRY', `the expiry date ${date} must be after today`);
    }
    return new Date(`${date}T00:00:00.000Z`);
  }

  const listing = (
    row: typeof apiTokens.$inferSelect,
    domains: readonly string[],
  ): TokenListing => ({
    id: row.id,
    name: row.name,
    role: row.role,
    allSmartAccounts: row.allSmartAccounts,
    smartAccounts: domains,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  });

  return {
    /** Creates a token and returns its secret, which is never stored nor shown again. */
    async create(command: CreateTokenCommand): Promise<CreatedToken> {
      const all = command.allSmartAccounts ?? false;
      const domains = [...new Set(command.smartAccounts)];
      if (!all && domains.length === 0) {
        throw new DomainError(
          'MISSING_SCOPE',
          'grant at least one Smart Account (--smart-account DOMAIN), or every one (--all-smart-accounts)',
        );
      }
      if (all && domains.length > 0) {
        throw new DomainError(
          'MISSING_SCOPE',
          'give either Smart Accounts or --all-smart-accounts, not both',
        );
      }
      const name = command.name ?? `${command.role.toLowerCase()}-${newTokenSecret().slice(-6)}`;
      if (!NAME.test(name)) {
        throw new DomainError(
          'INVALID_TOKEN_NAME',
          'a token name is 1–100 letters, digits, spaces or . _ @ : + - and starts with a letter or digit',
        );
      }
      const expiresAt = expiryOf(command.expires);
      return db.transaction(async (tx) => {
        const found = domains.length
          ? await tx
              .select({ id: smartAccounts.id, domain: smartAccounts.domain })
              .from(smartAccounts)
              .where(inArray(smartAccounts.domain, domains))
          : [];
        const missing = domains.filter((d) => !found.some((f) => f.domain === d));
        if (missing.length > 0) {
          throw new DomainError(
            'UNKNOWN_SMART_ACCOUNT',
            `no Smart Account with domain ${missing.map((d) => `"${d}"`).join(', ')}`,
          );
        }
        const [taken] = await tx
          .select({ id: apiTokens.id })
          .from(apiTokens)
          .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)));
        if (taken) {
          throw new DomainError('TOKEN_NAME_TAKEN', `a live token is already named "${name}"`);
        }
        const { token, row } = await insertToken(
          tx,
          { name, role: command.role, all, expiresAt },
          found.map((f) => f.id),
        );
        return { token, listing: listing(row, [...domains].sort()) };
      });
    },

    /** Every token, oldest first, with its grants. */
    async list(): Promise<TokenListing[]> {
      const rows = await db.select().from(apiTokens).orderBy(asc(apiTokens.id));
      const grants = await grantsOf(rows.map((r) => r.id));
      return rows.map((row) =>
        listing(
          row,
          grants.filter((g) => g.tokenId === row.id).map((g) => g.domain),
        ),
      );
    },

    /** Revokes a live token by name or id; it stops working on its next request. */
    async revoke(nameOrId: string): Promise<TokenListing> {
      const byId = /^\d{1,9}$/.test(nameOrId) ? Number(nameOrId) : undefined;
      const [row] = await db
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            isNull(apiTokens.revokedAt),
            byId === undefined
              ? eq(apiTokens.name, nameOrId)
              : or(eq(apiTokens.id, byId), eq(apiTokens.name, nameOrId)),
          ),
        )
        .returning();
      if (!row) throw new DomainError('UNKNOWN_TOKEN', `no live token named "${nameOrId}"`);
      // Stops working in this process at once, whatever it had cached.
      revocations += 1;
      known?.clear();
      const grants = await grantsOf([row.id]);
      return listing(
        row,
        grants.map((g) => g.domain),
      );
    },

    /**
     * The access a bearer token gives, or undefined for an unknown, revoked or expired one (one
     * answer for all three: the caller cannot tell which). Looked up by hash, then trusted for
     * `tokenCacheMs` (never past its expiry): a revocation through this service takes effect at
     * once, one made by another process within `tokenCacheMs`.
     */
    async authenticate(secret: string): Promise<Access | undefined> {
      const hash = hashToken(secret);
      const cached = known?.get(hash);
      if (cached !== undefined) {
        if (now() < cached.until) return cached.access;
        known?.delete(hash);
      }
      const asked = now();
      const generation = revocations;
      // One round trip: the token and its grants (a row per grant; one row with nulls if none).
      const rows = await db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          role: apiTokens.role,
          allSmartAccounts: apiTokens.allSmartAccounts,
          expiresAt: apiTokens.expiresAt,
          smartAccountId: smartAccounts.id,
          domain: smartAccounts.domain,
        })
        .from(apiTokens)
        .leftJoin(apiTokenGrants, eq(apiTokenGrants.tokenId, apiTokens.id))
        .leftJoin(smartAccounts, eq(smartAccounts.id, apiTokenGrants.smartAccountId))
        .where(
          and(
            eq(apiTokens.tokenHash, hash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
          ),
        );
      const [row] = rows;
      if (!row) return undefined;
      const grants = row.allSmartAccounts
        ? []
        : rows.flatMap((r) =>
            r.smartAccountId === null || r.domain === null
              ? []
              : [{ smartAccountId: r.smartAccountId, domain: r.domain }],
          );
      const access: Access = {
        tokenId: row.id,
        tokenName: row.name,
        role: row.role,
        allSmartAccounts: row.allSmartAccounts,
        smartAccountIds: new Set(grants.map((g) => g.smartAccountId)),
        domains: new Map(grants.map((g) => [g.domain, g.smartAccountId])),
      };
      if (known) {
        // Trusted from when it was asked, and never past its expiry (by this machine's clock).
        const untilExpiry = row.expiresAt ? row.expiresAt.getTime() - Date.now() : Infinity;
        const trust = Math.min(tokenCacheMs, untilExpiry);
        if (trust > 0 && generation === revocations) {
          known.set(hash, { access, until: asked + trust });
        }
      }
      return access;
    },

    /**
     * On a first start: when no token exists at all and some Smart Account does, creates an
     * ADMIN token granted every existing Smart Account and returns it (to be shown once).
     * Otherwise does nothing. Safe against two servers starting together.
     */
    async bootstrapIfEmpty(): Promise<CreatedToken | undefined> {
      return db.transaction(async (tx) => {
        if (handle.kind === 'postgres') {
          await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
        }
        const [anyToken] = await tx.select({ id: apiTokens.id }).from(apiTokens).limit(1);
        if (anyToken) return undefined;
        const accounts = await tx
          .select({ id: smartAccounts.id, domain: smartAccounts.domain })
          .from(smartAccounts)
          .orderBy(asc(smartAccounts.domain));
        if (accounts.length === 0) return undefined;
        const { token, row } = await insertToken(
          tx,
          { name: BOOTSTRAP_TOKEN_NAME, role: 'ADMIN', all: false, expiresAt: null },
          accounts.map((a) => a.id),
        );
        return {
          token,
          listing: listing(
            row,
            accounts.map((a) => a.domain),
          ),
        };
      });
    },
  };
}

export type AccessService = ReturnType<typeof accessService>;
