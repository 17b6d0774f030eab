import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { smartAccounts } from './accounts.js';
import { entitlementType, licenseKind, licenseType, licenseUnit } from './enums.js';

/**
 * A licensable thing as Cisco names it. `kind`, `requiredBaseLicenseId` and `entitlementType`
 * come from the license catalog, never from Cisco's data.
 */
export const licenses = pgTable(
  'licenses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    entitlementTag: text('entitlement_tag'),
    productFamily: text('product_family'),
    unit: licenseUnit('unit').notNull().default('DEVICE'),
    kind: licenseKind('kind').notNull().default('BASE'),
    requiredBaseLicenseId: integer('required_base_license_id').references(
      (): AnyPgColumn => licenses.id,
    ),
    /** How Cisco sells it (catalog); null = not known. Read by lot typing and renewal money. */
    entitlementType: entitlementType('entitlement_type'),
  },
  (t) => [
    uniqueIndex('licenses_sa_name_uq').on(t.smartAccountId, t.name),
    index('licenses_sa_tag_idx').on(t.smartAccountId, t.entitlementTag),
  ],
);

/**
 * Price book: one row per license and currency, valid from a date. Money is integer minor
 * units; rates are basis points (1 % = 100 bp).
 */
export const priceBookEntries = pgTable(
  'price_book_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    smartAccountId: integer('smart_account_id')
      .notNull()
      .references(() => smartAccounts.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    currency: char('currency', { length: 3 }).notNull(),
    /**
     * How the license is sold a-la-carte: TERM (priced per unit per year) or PERPETUAL (one-off
     * plus SWSS). Null: as the license is entitled (its lots' type), see the renewal service.
     */
    licenseType: licenseType('license_type'),
    /** Per unit per year for term licenses, one-off for perpetual. */
    listPriceMinor: bigint('list_price_minor', { mode: 'bigint' }).notNull(),
    discountBasisPoints: integer('discount_basis_points').notNull().default(0),
    /** SWSS support per year on perpetual licenses, as a share of list. */
    supportRateBasisPoints: integer('support_rate_basis_points').notNull().default(0),
    eaSuite: text('ea_suite'),
    /** Enterprise Agreement price per unit per year; null: the net unit price (list × (1 − discount)). */
    eaUnitPriceMinor: bigint('ea_unit_price_minor', { mode: 'bigint' }),
    inEnterpriseAgreement: boolean('in_enterprise_agreement').notNull().default(false),
    validFrom: date('valid_from').notNull(),
  },
  (t) => [
    uniqueIndex('price_book_sa_license_currency_from_uq').on(
      t.smartAccountId,
      t.licenseId,
      t.currency,
      t.validFrom,
    ),
  ],
);
