import { pgEnum } from 'drizzle-orm/pg-core';

/** Deployment environment tag of a Virtual Account. */
export const environment = pgEnum('environment', ['PRODUCTION', 'NON_PRODUCTION', 'LAB']);
/** How a license is counted. */
export const licenseUnit = pgEnum('license_unit', ['DEVICE', 'USER', 'COUNT']);
/** BASE licenses stand alone; ADD_ON licenses need a base on the same device. */
export const licenseKind = pgEnum('license_kind', ['BASE', 'ADD_ON']);
/**
 * Type of an entitlement lot. UNKNOWN: the source stated only a quantity (a summary-level
 * licenses export) and neither the catalog, the license name nor dates tell TERM from PERPETUAL.
 */
export const licenseType = pgEnum('license_type', ['TERM', 'PERPETUAL', 'UNKNOWN']);
/** How Cisco sells a license, from the catalog: the evidence for a lot's type when a source omits it. */
export const entitlementType = pgEnum('entitlement_type', [
  'TERM',
  'PERPETUAL',
  'SUBSCRIPTION',
  'USAGE',
]);
export const entitlementSource = pgEnum('entitlement_source', ['SMART', 'CLASSIC_PAK']);
export const connectionMode = pgEnum('connection_mode', ['DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR']);
export const instanceStatus = pgEnum('instance_status', ['ACTIVE', 'DECOMMISSIONED']);
/** Where a usage figure came from. */
export const usageSource = pgEnum('usage_source', [
  'CSSM_EXPORT',
  'SMART_LICENSING_API',
  'RUM_REPORT',
  'ON_PREM_SYNC',
  'DEMO',
]);
/**
 * How the vendor bills a ledger line (licenses API `billingType`, export `Billing`): PREPAID and
 * SUBSCRIPTION draw on owned entitlement; USAGE is billed for what is consumed (never short).
 */
export const billingType = pgEnum('billing_type', ['PREPAID', 'USAGE', 'SUBSCRIPTION']);
export const reservationType = pgEnum('reservation_type', ['SLR', 'PLR']);
export const reservationEventType = pgEnum('reservation_event_type', [
  'RESERVE',
  'UPDATE',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'RETURN',
]);
export const scenarioStatus = pgEnum('scenario_status', ['DRAFT', 'APPLIED', 'DISCARDED']);
export const tokenRole = pgEnum('token_role', ['VIEWER', 'ANALYST', 'ADMIN']);
export const importStatus = pgEnum('import_status', ['RUNNING', 'COMMITTED', 'FAILED']);
