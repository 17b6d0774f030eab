import type { IsoDate } from '../calendar.js';

import type { LicenseType } from './lot.js';

/** How Cisco sells a license, as the catalog states it (the customer can correct it). */
export type EntitlementType = 'TERM' | 'PERPETUAL' | 'SUBSCRIPTION' | 'USAGE';

/** What is known about a lot whose source did not state its type. */
export interface LotTypeEvidence {
  /** The catalog's entitlement type of the license; null when the catalog does not say. */
  readonly entitlementType: EntitlementType | null;
  readonly licenseName: string;
  readonly endDate: IsoDate | null;
}

/** Names Cisco gives term licenses: ", 3Y Term", "5Y", "Subscription", "Term". */
const TERM_NAME = /\bterm\b|\bsubscription\b|\b\d+\s*(?:y|yr|yrs|year|years)\b/i;
const PERPETUAL_NAME = /\bperpetual\b/i;

/**
 * The type of a lot whose source stated only a quantity (a summary-level licenses export).
 * Never claims PERPETUAL without evidence. In order: the catalog (TERM and SUBSCRIPTION lots
 * end: TERM; PERPETUAL: PERPETUAL; USAGE says nothing about an end), an end date (TERM), the
 * name (", 3Y Term", "5Y", "Subscription", "Term": TERM; "Perpetual": PERPETUAL); otherwise
 * UNKNOWN, which counts as active with no known end and must be checked in CSSM before a
 * transfer.
 */
export function lotTypeFromEvidence(evidence: LotTypeEvidence): LicenseType {
  switch (evidence.entitlementType) {
    case 'TERM':
    case 'SUBSCRIPTION':
      return 'TERM';
    case 'PERPETUAL':
      return 'PERPETUAL';
    default:
      break;
  }
  if (evidence.endDate !== null) return 'TERM';
  if (TERM_NAME.test(evidence.licenseName)) return 'TERM';
  if (PERPETUAL_NAME.test(evidence.licenseName)) return 'PERPETUAL';
  return 'UNKNOWN';
}
