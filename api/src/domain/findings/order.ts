import { FINDING_SEVERITIES, type Finding } from './finding.js';
import { compareText } from './text.js';

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/**
 * The findings order: severity (critical first), then code, then Virtual Account name and
 * license name (account-level and cross-license findings first), then `key`. Total and
 * locale-independent, so equal inputs always give the same list.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
    compareText(a.code, b.code) ||
    compareNullable(a.virtualAccountName, b.virtualAccountName) ||
    compareNullable(a.licenseName, b.licenseName) ||
    compareText(a.key, b.key)
  );
}
