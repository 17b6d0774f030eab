import type { PositionLine } from '../position/position.js';

import { pakNumbers, type ShortLineCure } from './cures.js';
import { subjectOf, type Estate } from './estate.js';
import { positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import { nameList } from './text.js';

/** A Virtual Account's shortfall, split into what reallocation cures and what must be bought. */
export type ShortfallFinding = FindingOf<'INSUFFICIENT_LICENSES'>;

function message(estate: Estate, cure: ShortLineCure, donors: readonly PositionLine[]): string {
  const { line, curableByReallocation: curable, needsPurchase } = cure;
  const into = estate.virtualAccountName(line.virtualAccountId);
  const head =
    `${into} is short ${line.shortfall} × ` +
    `${estate.licenseName(line.licenseId)} (owns ${line.owned}, consumes ${line.consumed})`;
  const from = nameList(donors.map((donor) => estate.virtualAccountName(donor.virtualAccountId)));
  const convert = cure.conversions.map(
    (c) =>
      `${c.quantity} from classic PAK ${nameList(pakNumbers(estate, c.fromVirtualAccountId, line.licenseId))} ` +
      `(in ${estate.virtualAccountName(c.fromVirtualAccountId)})`,
  );
  const steps = [
    ...(curable > 0 ? [`move ${curable} from ${from}`] : []),
    ...(convert.length > 0 ? [`convert ${convert.join(' and ')} into ${into}`] : []),
  ];
  if (steps.length > 0) {
    const buy = needsPurchase === 0 ? '; no purchase needed' : ` and buy ${needsPurchase}`;
    return `${head}: ${steps.join(' and ')}${buy}.`;
  }
  if (donors.length === 0) {
    return `${head}: no surplus elsewhere in the account; buy ${needsPurchase}.`;
  }
  return `${head}: the surplus in ${from} goes to larger shortfalls; buy ${needsPurchase}.`;
}

/**
 * INSUFFICIENT_LICENSES, one per Virtual Account × license with a shortfall; quantity is the
 * shortfall, money is shortfall × unit price (the exposure at true-up if nothing is done).
 * Each shortfall is split by `licenseCures`: moving Smart surplus (`curableByReallocation`),
 * converting classic PAK units into this Virtual Account (`curableByConversion`), and the rest
 * to buy (`needsPurchase`). Classic units are never proposed as a move.
 */
export function shortfallFindings(estate: Estate): ShortfallFinding[] {
  const findings: ShortfallFinding[] = [];
  const byLicense = estate.linesByLicense();
  for (const position of estate.licensePositions()) {
    const lines = byLicense.get(position.licenseId) ?? [];
    const { short, donors } = estate.cures(position);
    for (const cure of short) {
      const { line, curableByReallocation, curableByConversion, needsPurchase } = cure;
      const sources = new Set(cure.conversions.map((c) => c.fromVirtualAccountId));
      const evidence = [
        line,
        ...(curableByReallocation > 0 ? donors : []),
        ...lines.filter((row) => sources.has(row.virtualAccountId)),
      ].map((row) => positionLineEvidence(estate, row));
      findings.push({
        code: 'INSUFFICIENT_LICENSES',
        severity: needsPurchase > 0 ? 'critical' : 'high',
        key: `INSUFFICIENT_LICENSES:${line.virtualAccountId}:${line.licenseId}`,
        ...subjectOf(estate, line.virtualAccountId, line.licenseId),
        quantity: line.shortfall,
        money: estate.money(line.licenseId, line.shortfall),
        message: message(estate, cure, donors),
        facts: {
          shortfall: line.shortfall,
          curableByReallocation,
          curableByConversion,
          needsPurchase,
        },
        evidence,
      });
    }
  }
  return findings;
}
