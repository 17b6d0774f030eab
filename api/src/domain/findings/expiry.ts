import { addDays, type IsoDate } from '../calendar.js';
import { isLotActive, isRecordCurrent } from '../position/lot.js';
import { positionLine } from '../position/position.js';

import { daysBetween } from './days.js';
import { subjectOf, type Estate } from './estate.js';
import { lotEvidence, positionLineEvidence } from './evidence.js';
import type { FindingOf } from './finding.js';
import type { LotRecord } from './findings-input.js';
import { compareText } from './text.js';

/** TERM lots of one Virtual Account × license ending on the same day within the lead time. */
export type ExpiringFinding = FindingOf<'LICENSES_EXPIRING'>;
/** Expired TERM lots of a Virtual Account that still consumes beyond what it owns. */
export type ExpiredFinding = FindingOf<'LICENSES_EXPIRED'>;

const byEndThenId = (a: LotRecord, b: LotRecord): number =>
  compareText(a.endDate ?? '', b.endDate ?? '') || a.id - b.id;

/** The Virtual Account × license balance at `date` by the position rules, at today's consumption. */
function balanceAt(estate: Estate, lots: readonly LotRecord[], date: IsoDate): number {
  const first = lots[0];
  if (!first) return 0;
  const active = lots.filter((lot) => isLotActive(lot, date));
  const sum = (rows: readonly LotRecord[]): number => rows.reduce((t, lot) => t + lot.quantity, 0);
  const current = estate.line(first.virtualAccountId, first.licenseId);
  const line = positionLine(
    {
      virtualAccountId: first.virtualAccountId,
      licenseId: first.licenseId,
      ownedSmart: sum(active.filter((lot) => lot.source === 'SMART')),
      ownedClassic: sum(active.filter((lot) => lot.source === 'CLASSIC_PAK')),
      consumed: current?.consumed ?? 0,
      reserved: current?.reserved ?? 0,
    },
    { includeClassic: estate.includeClassic },
  );
  return line.balance;
}

/**
 * LICENSES_EXPIRING: TERM lots active at `asOf` whose end date is at most the largest lead
 * time away, grouped by Virtual Account × license × end date. `leadTimeDays` is the smallest
 * lead time ≥ days left (exactly 30 days left falls in the 30-day bucket). `balanceAfter`
 * re-runs the position rules on the day after the end (those lots gone, later lots in) at
 * today's consumption. Quantity is the lapsing quantity; money is its renewal value.
 */
export function expiringFindings(estate: Estate): ExpiringFinding[] {
  const leads = [...estate.policy.leadTimeDays].sort((a, b) => a - b);
  const shortest = leads[0] ?? 0;
  const longest = leads[leads.length - 1] ?? 0;
  // daysBetween(asOf, end) > longest ⇔ end > asOf + longest (ISO dates compare as strings).
  const lastEnd = addDays(estate.asOf, longest);
  const findings: ExpiringFinding[] = [];
  for (const lots of estate.countedLots().values()) {
    const byEnd = new Map<IsoDate, LotRecord[]>();
    for (const lot of lots) {
      if (lot.licenseType !== 'TERM' || lot.endDate === null || lot.quantity <= 0) continue;
      if (!isLotActive(lot, estate.asOf)) continue;
      if (lot.endDate > lastEnd) continue;
      const group = byEnd.get(lot.endDate);
      if (group) group.push(lot);
      else byEnd.set(lot.endDate, [lot]);
    }
    for (const [endDate, ending] of byEnd) {
      const { virtualAccountId, licenseId } = ending[0] as LotRecord;
      const daysLeft = daysBetween(estate.asOf, endDate);
      const leadTimeDays = leads.find((lead) => daysLeft <= lead) ?? longest;
      const quantity = ending.reduce((t, lot) => t + lot.quantity, 0);
      const line = estate.line(virtualAccountId, licenseId);
      const balanceNow = line?.balance ?? balanceAt(estate, lots, estate.asOf);
      const balanceAfter = balanceAt(estate, lots, addDays(endDate, 1));
      const renew = Math.min(quantity, Math.max(0, -balanceAfter));
      const outcome =
        balanceAfter < 0 ? `renew at least ${renew} before they end.` : 'still covered.';
      findings.push({
        code: 'LICENSES_EXPIRING',
        severity: balanceAfter >= 0 ? 'low' : leadTimeDays === shortest ? 'high' : 'medium',
        key: `LICENSES_EXPIRING:${virtualAccountId}:${licenseId}:${endDate}`,
        ...subjectOf(estate, virtualAccountId, licenseId),
        quantity,
        money: estate.money(licenseId, quantity),
        message:
          `${estate.virtualAccountName(virtualAccountId)}: ${quantity} × ` +
          `${estate.licenseName(licenseId)} end on ${endDate} (in ${daysLeft} days, ` +
          `${leadTimeDays}-day lead time); balance after they lapse ${balanceAfter}: ${outcome}`,
        facts: { endDate, daysLeft, leadTimeDays, balanceNow, balanceAfter },
        evidence: [
          ...(line ? [positionLineEvidence(estate, line)] : []),
          ...[...ending].sort(byEndThenId).map((lot) => lotEvidence(estate, lot)),
        ],
      });
    }
  }
  return findings;
}

/**
 * LICENSES_EXPIRED: for a Virtual Account × license short at `asOf`, the TERM lots (current
 * records) that ended before `asOf`. Quantity is min(shortfall, expired quantity): the part of
 * the shortfall the lapse explains. Those units are priced on the shortfall finding, named
 * in `relatedKey`; this one carries no money.
 */
export function expiredFindings(estate: Estate): ExpiredFinding[] {
  const findings: ExpiredFinding[] = [];
  const lotsOf = estate.countedLots();
  for (const line of estate.input.positionLines) {
    if (line.shortfall <= 0) continue;
    const expired = (lotsOf.get(`${line.virtualAccountId}:${line.licenseId}`) ?? [])
      .filter(
        (lot) =>
          lot.licenseType === 'TERM' &&
          lot.endDate !== null &&
          lot.endDate < estate.asOf &&
          isRecordCurrent(lot, estate.asOf),
      )
      .sort(byEndThenId);
    const last = expired[expired.length - 1];
    const expiredQuantity = expired.reduce((t, lot) => t + lot.quantity, 0);
    if (!last?.endDate || expiredQuantity === 0) continue;
    const quantity = Math.min(line.shortfall, expiredQuantity);
    findings.push({
      code: 'LICENSES_EXPIRED',
      severity: 'high',
      key: `LICENSES_EXPIRED:${line.virtualAccountId}:${line.licenseId}`,
      ...subjectOf(estate, line.virtualAccountId, line.licenseId),
      quantity,
      money: null,
      message:
        `${estate.virtualAccountName(line.virtualAccountId)}: ${expiredQuantity} × ` +
        `${estate.licenseName(line.licenseId)} expired (last on ${last.endDate}) and ` +
        `${line.consumed} are still consumed against ${line.owned} owned: the lapse explains ` +
        `${quantity} of the shortfall; cover it as its INSUFFICIENT_LICENSES finding says.`,
      facts: {
        lastEndDate: last.endDate,
        expiredQuantity,
        owned: line.owned,
        consumed: line.consumed,
        relatedKey: `INSUFFICIENT_LICENSES:${line.virtualAccountId}:${line.licenseId}`,
      },
      evidence: [
        positionLineEvidence(estate, line),
        ...expired.map((lot) => lotEvidence(estate, lot)),
      ],
    });
  }
  return findings;
}
