import type { PositionLine } from '../position/position.js';

import { addOnRelations } from './addon-relations.js';
import { subjectOf, type Estate } from './estate.js';
import { positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';

/** An add-on in use whose base the catalog does not know (a note, not an alarm). */
export type AddOnBaseUnknownFinding = FindingOf<'ADDON_BASE_UNKNOWN'>;

/**
 * ADDON_BASE_UNKNOWN (info): an ADD_ON license consumed somewhere whose base neither the
 * catalog nor the rules know, one per license over the Smart Account. Nothing is judged on
 * its devices; the note asks for a catalog CSV row.
 */
export function addOnBaseUnknownFindings(estate: Estate): AddOnBaseUnknownFinding[] {
  const relations = addOnRelations(estate);
  const byLicense = new Map<number, PositionLine[]>();
  for (const line of estate.input.positionLines) {
    if (line.consumed <= 0 || relations.requirement(line.licenseId).kind !== 'UNKNOWN') continue;
    byLicense.set(line.licenseId, [...(byLicense.get(line.licenseId) ?? []), line]);
  }
  return [...byLicense].map(([licenseId, lines]) => {
    const consumed = lines.reduce((t, line) => t + line.consumed, 0);
    const virtualAccountIds = [...new Set(lines.map((l) => l.virtualAccountId))].sort(
      (a, b) => a - b,
    );
    return {
      code: 'ADDON_BASE_UNKNOWN',
      severity: 'info',
      key: `ADDON_BASE_UNKNOWN:${licenseId}`,
      ...subjectOf(estate, null, licenseId),
      quantity: consumed,
      money: null,
      message:
        `${consumed} × ${estate.licenseName(licenseId)} in use: an add-on whose base the ` +
        `catalog does not know, so no device is checked for it; name its Required Base ` +
        `License in a catalog CSV.`,
      facts: { consumed, virtualAccountIds },
      evidence: lines.map((line) => positionLineEvidence(estate, line)),
    };
  });
}
