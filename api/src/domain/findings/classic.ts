import type { Conversion } from './cures.js';
import { subjectOf, type Estate } from './estate.js';
import { lotEvidence, positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import type { LotRecord } from './findings-input.js';
import { compareText, nameList } from './text.js';

/** Classic PAK entitlements still outside the Smart Account. */
export type UnconvertedPakFinding = FindingOf<'UNCONVERTED_PAK'>;

/** Per `virtualAccountId:licenseId`, the conversions into short Virtual Accounts that cure them. */
function conversionsByCell(estate: Estate): Map<string, readonly Conversion[]> {
  const cells = new Map<string, readonly Conversion[]>();
  for (const position of estate.licensePositions()) {
    const cures = estate.cures(position);
    for (const [from, conversions] of cures.conversionsFrom) {
      cells.set(`${from}:${position.licenseId}`, conversions);
    }
  }
  return cells;
}

/**
 * UNCONVERTED_PAK: per Virtual Account × license, the CLASSIC_PAK lots active at `asOf`.
 * Quantity is their total; money its value. `smartOnlyBalance` is ownedSmart − consumed (what
 * the Smart Account shows today); `unifiedBalance` adds the classic quantity: the smart-only
 * balance once they are converted. Judged from the lots, so it holds whether or not the
 * position lines were built unified. `curesShortfall`/`convertInto`: how many units of other
 * Virtual Accounts' shortfalls converting these lots into them cures (classic units never move;
 * conversion into the short Virtual Account is the cure).
 */
export function unconvertedPakFindings(estate: Estate): UnconvertedPakFinding[] {
  const findings: UnconvertedPakFinding[] = [];
  const conversions = conversionsByCell(estate);
  for (const lots of estate.activeClassicLots().values()) {
    const { virtualAccountId, licenseId } = lots[0] as LotRecord;
    const quantity = lots.reduce((t, lot) => t + lot.quantity, 0);
    const line = estate.line(virtualAccountId, licenseId);
    const smartOnlyBalance = (line?.ownedSmart ?? 0) - (line?.consumed ?? 0);
    const unifiedBalance = smartOnlyBalance + quantity;
    const paks = [...new Set(lots.map((lot) => lot.pakNumber ?? 'without PAK number'))].sort(
      compareText,
    );
    const convertInto = (conversions.get(`${virtualAccountId}:${licenseId}`) ?? []).map((c) => ({
      virtualAccountId: c.intoVirtualAccountId,
      virtualAccountName: estate.virtualAccountName(c.intoVirtualAccountId),
      quantity: c.quantity,
    }));
    const curesShortfall = convertInto.reduce((t, c) => t + c.quantity, 0);
    const into = convertInto.map((c) => `${c.quantity} into ${c.virtualAccountName}`);
    const advice =
      curesShortfall > 0
        ? `converting ${nameList(into)} would cure ${into.length > 1 ? 'their shortfalls' : 'its shortfall'}.`
        : smartOnlyBalance < 0
          ? 'convert them to clear the shortfall the Smart Account shows.'
          : 'convert them so the Smart Account shows what you own.';
    findings.push({
      code: 'UNCONVERTED_PAK',
      severity: smartOnlyBalance < 0 || curesShortfall > 0 ? 'medium' : 'low',
      key: `UNCONVERTED_PAK:${virtualAccountId}:${licenseId}`,
      ...subjectOf(estate, virtualAccountId, licenseId),
      quantity,
      money: estate.money(licenseId, quantity),
      message:
        `${estate.virtualAccountName(virtualAccountId)}: ${quantity} × ` +
        `${estate.licenseName(licenseId)} on classic PAK ${nameList(paks)} not converted ` +
        `(smart-only balance ${smartOnlyBalance}, ${unifiedBalance} once converted): ${advice}`,
      facts: { smartOnlyBalance, unifiedBalance, curesShortfall, convertInto },
      evidence: [
        ...(line ? [positionLineEvidence(estate, line)] : []),
        ...[...lots].sort((a, b) => a.id - b.id).map((lot) => lotEvidence(estate, lot)),
      ],
    });
  }
  return findings;
}
