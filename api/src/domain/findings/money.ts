import type { Finding } from './finding.js';

/**
 * Prices each unit once. The account's exposure is Σ shortfall × unit price, and every short
 * unit has exactly one INSUFFICIENT_LICENSES finding; that finding keeps its money. Every
 * other finding's money is null: its units are either the same short units (expired terms,
 * ghost or over-reserved consumption in a short Virtual Account: they name the shortfall in
 * `facts.relatedKey` where the rule knows it) or not part of the exposure at all (renewals
 * ahead, stranded or unconverted entitlement, a missing base). So Σ findings' money equals
 * the gross exposure, per currency.
 */
export function allocateMoney(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) =>
    finding.code === 'INSUFFICIENT_LICENSES' || finding.money === null
      ? finding
      : { ...finding, money: null },
  );
}
