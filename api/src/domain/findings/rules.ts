import { addOnBaseUnknownFindings } from './addon-unknown.js';
import { addOnWithoutBaseFindings } from './addons.js';
import { unconvertedPakFindings } from './classic.js';
import type { FindingCode } from './codes.js';
import type { Estate } from './estate.js';
import { expiredFindings, expiringFindings } from './expiry.js';
import type { FindingOf } from './finding.js';
import { ghostConsumptionFindings } from './ghost.js';
import { ledgerDeviceMismatchFindings } from './ledger.js';
import {
  expiredReservationFindings,
  overReservationFindings,
  strandedReservationFindings,
} from './reservations.js';
import { shortfallFindings } from './shortfall.js';
import { staleReportingFindings } from './staleness.js';

/** The rule that finds one code's findings in an indexed estate (pure). */
export type FindingRule<C extends FindingCode> = (estate: Estate) => readonly FindingOf<C>[];

/**
 * Each code's rule (one rule per file, like graphql-js `specifiedRules`); `findings()` runs them
 * in `FINDING_CODES` order. Keyed by code, so the compiler names a code without its rule.
 */
export const FINDING_RULES: { readonly [C in FindingCode]: FindingRule<C> } = {
  INSUFFICIENT_LICENSES: shortfallFindings,
  LICENSES_EXPIRING: expiringFindings,
  LICENSES_EXPIRED: expiredFindings,
  STRANDED_RESERVATION: strandedReservationFindings,
  OVER_RESERVATION: overReservationFindings,
  RESERVATION_EXPIRED: expiredReservationFindings,
  ADDON_WITHOUT_BASE: addOnWithoutBaseFindings,
  STALE_REPORTING: staleReportingFindings,
  GHOST_CONSUMPTION: ghostConsumptionFindings,
  UNCONVERTED_PAK: unconvertedPakFindings,
  LEDGER_DEVICE_MISMATCH: ledgerDeviceMismatchFindings,
  ADDON_BASE_UNKNOWN: addOnBaseUnknownFindings,
};
