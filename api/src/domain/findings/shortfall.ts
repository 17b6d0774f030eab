import { licensePositions } from '../position/license-position.js';
import type { PositionLine } from '../position/position.js';

import { subjectOf, type Estate } from './estate.js';
import { positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import { compareText, nameList } from './text.js';

/** A Virtual Account's shortfall, split into what reallocation cures and what must be bought. */
export type ShortfallFinding = FindingOf<'INSUFFICIENT_LICENSES'>;

function linesByLicense(lines: readonly PositionLine[]): Map<number, PositionLine[]> {
  const byLicense = new Map<number, PositionLine[]>();
  for (const line of lines) {
    const group = byLicense.get(line.licenseId);
    if (group) group.push(line);
    else byLicense.set(line.licenseId, [line]);
  }
  return byLicense;
}

function message(
  estate: Estate,
  line: PositionLine,
  curable: number,
  needsPurchase: number,
  donors: readonly PositionLine[],
): string {
  const head =
    `${estate.virtualAccountName(line.virtualAccountId)} is short ${line.shortfall} × ` +
    `${estate.licenseName(line.licenseId)} (owns ${line.owned}, consumes ${line.consumed})`;
  const from = nameList(donors.map((donor) => estate.virtualAccountName(donor.virtualAccountId)));
  if (needsPurchase === 0) return `${head}: move ${curable} from ${from}; no purchase needed.`;
  if (curable === 0 && donors.length === 0) {
    return `${head}: no surplus elsewhere in the account; buy ${needsPurchase}.`;
  }
  if (curable === 0) {
    return `${head}: the surplus in ${from} goes to larger shortfalls; buy ${needsPurchase}.`;
  }
  return `${head}: move ${curable} from ${from} and buy ${needsPurchase}.`;
}

/**
 * INSUFFICIENT_LICENSES, one per Virtual Account × license with a shortfall; quantity is the
 * shortfall, money is shortfall × unit price (the exposure at true-up if nothing is done).
 *
 * Allocation rule: per license, the account's curable amount (`curableByReallocation` =
 * grossShortfall − netShortfall, i.e. min(Σ shortfall, Σ surplus)) is handed to the short
 * Virtual Accounts in order of decreasing shortfall, ties by Virtual Account name then id;
 * each takes min(its shortfall, what is left). So Σ curable = curableByReallocation and
 * Σ needsPurchase = netShortfall for every license, and the largest gaps are cured first.
 */
export function shortfallFindings(estate: Estate): ShortfallFinding[] {
  const findings: ShortfallFinding[] = [];
  const byLicense = linesByLicense(estate.input.positionLines);
  for (const position of licensePositions(estate.input.positionLines)) {
    const lines = byLicense.get(position.licenseId) ?? [];
    const byName = (a: PositionLine, b: PositionLine): number =>
      compareText(
        estate.virtualAccountName(a.virtualAccountId),
        estate.virtualAccountName(b.virtualAccountId),
      ) || a.virtualAccountId - b.virtualAccountId;
    const short = lines
      .filter((line) => line.shortfall > 0)
      .sort((a, b) => b.shortfall - a.shortfall || byName(a, b));
    const donors = lines.filter((line) => line.surplus > 0).sort(byName);
    let curableLeft = position.curableByReallocation;
    for (const line of short) {
      const curable = Math.min(line.shortfall, curableLeft);
      curableLeft -= curable;
      const needsPurchase = line.shortfall - curable;
      const evidence = [line, ...(curable > 0 ? donors : [])].map((row) =>
        positionLineEvidence(estate, row),
      );
      findings.push({
        code: 'INSUFFICIENT_LICENSES',
        severity: needsPurchase > 0 ? 'critical' : 'high',
        key: `INSUFFICIENT_LICENSES:${line.virtualAccountId}:${line.licenseId}`,
        ...subjectOf(estate, line.virtualAccountId, line.licenseId),
        quantity: line.shortfall,
        money: estate.money(line.licenseId, line.shortfall),
        message: message(estate, line, curable, needsPurchase, donors),
        facts: { shortfall: line.shortfall, curableByReallocation: curable, needsPurchase },
        evidence,
      });
    }
  }
  return findings;
}
