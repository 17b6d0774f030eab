import { isLotActive } from '../position/lot.js';

import { subjectOf, type Estate } from './estate.js';
import { lotEvidence, positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import type { LotRecord } from './findings-input.js';
import { compareText, nameList } from './text.js';

/** Classic PAK entitlements still outside the Smart Account. */
export type UnconvertedPakFinding = FindingOf<'UNCONVERTED_PAK'>;

function activeClassicLots(estate: Estate): Map<string, LotRecord[]> {
  const groups = new Map<string, LotRecord[]>();
  for (const lot of estate.input.lots) {
    if (lot.source !== 'CLASSIC_PAK' || lot.quantity <= 0 || !isLotActive(lot, estate.asOf)) {
      continue;
    }
    const key = `${lot.virtualAccountId}:${lot.licenseId}`;
    groups.set(key, [...(groups.get(key) ?? []), lot]);
  }
  return groups;
}

/**
 * UNCONVERTED_PAK: per Virtual Account × license, the CLASSIC_PAK lots active at `asOf`.
 * Quantity is their total; money its value. `smartOnlyBalance` is ownedSmart − consumed (what
 * the Smart Account shows today); `unifiedBalance` adds the classic quantity: the smart-only
 * balance once they are converted. Judged from the lots, so it holds whether or not the
 * position lines were built unified.
 */
export function unconvertedPakFindings(estate: Estate): UnconvertedPakFinding[] {
  const findings: UnconvertedPakFinding[] = [];
  for (const lots of activeClassicLots(estate).values()) {
    const { virtualAccountId, licenseId } = lots[0] as LotRecord;
    const quantity = lots.reduce((t, lot) => t + lot.quantity, 0);
    const line = estate.line(virtualAccountId, licenseId);
    const smartOnlyBalance = (line?.ownedSmart ?? 0) - (line?.consumed ?? 0);
    const unifiedBalance = smartOnlyBalance + quantity;
    const paks = [...new Set(lots.map((lot) => lot.pakNumber ?? 'without PAK number'))].sort(
      compareText,
    );
    const advice =
      smartOnlyBalance < 0
        ? 'convert them to clear the shortfall the Smart Account shows.'
        : 'convert them so the Smart Account shows what you own.';
    findings.push({
      code: 'UNCONVERTED_PAK',
      severity: smartOnlyBalance < 0 ? 'medium' : 'low',
      key: `UNCONVERTED_PAK:${virtualAccountId}:${licenseId}`,
      ...subjectOf(estate, virtualAccountId, licenseId),
      quantity,
      money: estate.money(licenseId, quantity),
      message:
        `${estate.virtualAccountName(virtualAccountId)}: ${quantity} × ` +
        `${estate.licenseName(licenseId)} on classic PAK ${nameList(paks)} not converted ` +
        `(smart-only balance ${smartOnlyBalance}, ${unifiedBalance} once converted): ${advice}`,
      facts: { smartOnlyBalance, unifiedBalance },
      evidence: [
        ...(line ? [positionLineEvidence(estate, line)] : []),
        ...[...lots].sort((a, b) => a.id - b.id).map((lot) => lotEvidence(estate, lot)),
      ],
    });
  }
  return findings;
}
