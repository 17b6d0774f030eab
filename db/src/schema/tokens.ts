import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

import { smartAccounts } from './accounts.js';
import { tokenRole } from './enums.js';

/**
 * API tokens. A token is not owned by one Smart Account (it may be granted several), so it is
 * the one table without `smart_account_id`; its grants carry it. Only a hash is stored.
 */
export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: tokenRole('role').notNull().default('VIEWER'),
  /**
   * An install-wide token: every Smart Account, present and future (the operator's, and the
   * only kind that may create a Smart Account through GraphQL). Otherwise the grants list them.
   */
  allSmartAccounts: boolean('all_smart_accounts').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const apiTokenGrants = pgTable(
  'api_token_grants',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.smartAccountId] }),
    index('api_token_grants_sa_idx').on(t.smartAccountId),
  ],
);
