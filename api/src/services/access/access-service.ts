import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';

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

/** API tokens: create (secret shown once, hash stored), list, revoke, and authenticate. */
export function accessService(handle: DbHandle, clock: Clock) {
  const { db } = handle;

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
      const grants = await grantsOf([row.id]);
      return listing(
        row,
        grants.map((g) => g.domain),
      );
    },

    /**
     * The access a bearer token gives, or undefined for an unknown, revoked or expired one (one
     * answer for all three: the caller cannot tell which). Looked up by hash on every request,
     * so a revocation takes effect at once.
     */
    async authenticate(secret: string): Promise<Access | undefined> {
      // One round trip: the token and its grants (a row per grant; one row with nulls if none).
      const rows = await db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          role: apiTokens.role,
          allSmartAccounts: apiTokens.allSmartAccounts,
          smartAccountId: smartAccounts.id,
          domain: smartAccounts.domain,
        })
        .from(apiTokens)
        .leftJoin(apiTokenGrants, eq(apiTokenGrants.tokenId, apiTokens.id))
        .leftJoin(smartAccounts, eq(smartAccounts.id, apiTokenGrants.smartAccountId))
        .where(
          and(
            eq(apiTokens.tokenHash, hashToken(secret)),
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
      return {
        tokenId: row.id,
        tokenName: row.name,
        role: row.role,
        allSmartAccounts: row.allSmartAccounts,
        smartAccountIds: new Set(grants.map((g) => g.smartAccountId)),
        domains: new Map(grants.map((g) => [g.domain, g.smartAccountId])),
      };
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
