import type { IssueCollector } from '../issues.js';
import type { Parser } from '../parser.js';
import type { LedgerRecord } from '../records.js';

import { apiResponseRecords } from './api-response.js';
import { readLedgerElement } from './ledger-element.js';

/**
 * Parses licenses API responses (format `api-licenses-json`) into `LedgerRecord`s, one per
 * Virtual Account × license, with its entitlement lines as lots.
 *
 * - v1 `{licenses:[{license, virtualAccount, quantity, inUse, reserved, licenseDetails:[…]}]}`
 *   and v2 get-summary `{summary:[{tag, display_name, entitled, inuse, reserved,
 *   license_details:[…]}]}` (Virtual Account from `context.virtualAccount`, an error if unset).
 * - Pages: several documents in a row, or a root array of responses.
 * - Lines whose `status` is Cancelled are left out; expired and future lines are kept with
 *   their dates. `licenseSubstitutions`, `pendingQuantity` and `future_entitled` are not read.
 * - Counts may be strings; negative, fractional or non-numeric counts are errors at the value.
 * - `available` is only checked (BALANCE_MISMATCH warning); line sums that differ from the
 *   quantity draw LOT_SUM_MISMATCH warnings.
 * - A license name with two different entitlement tags is a CONFLICTING_TAG error. A Virtual
 *   Account × license seen twice is a DUPLICATE_ROW: a warning (the repeat is dropped) when the
 *   figures are identical, as with overlapping pages, an error when they differ.
 */
export const parseApiLicensesJson: Parser = async function* (input, context) {
  const seen = new SeenLedger(context.issues);
  for await (const { key, node } of apiResponseRecords(
    input,
    ['licenses', 'summary'],
    context.issues,
  )) {
    const record = readLedgerElement(node, key === 'summary', context);
    if (record && seen.accept(record)) yield record;
  }
};

/** Cross-record checks: one tag per license name, one row per Virtual Account × license. */
class SeenLedger {
  private readonly tags = new Map<string, LedgerRecord>();
  private readonly rows = new Map<
    string,
    { readonly record: LedgerRecord; readonly figures: string }
  >();

  constructor(private readonly issues: IssueCollector) {}

  accept(record: LedgerRecord): boolean {
    const { license, entitlementTag: tag, at } = record;
    const tagged = this.tags.get(license);
    if (tag !== null && tagged?.entitlementTag && tagged.entitlementTag !== tag) {
      this.issues.error(
        'CONFLICTING_TAG',
        at,
        `license "${license}" has tag ${tag} here but ${tagged.entitlementTag} at line ${tagged.at.line}`,
      );
      return false;
    }
    if (tag !== null && !tagged) this.tags.set(license, record);
    const key = JSON.stringify([record.virtualAccount, license]);
    const { at: _at, ...rest } = record;
    const figures = JSON.stringify(rest);
    const previous = this.rows.get(key);
    if (!previous) {
      this.rows.set(key, { record, figures });
      return true;
    }
    const where = `"${license}" in Virtual Account "${record.virtualAccount}" already appeared at line ${previous.record.at.line}`;
    if (previous.figures === figures) {
      this.issues.warning(
        'DUPLICATE_ROW',
        at,
        `${where} with the same figures; this repeat is ignored`,
      );
    } else {
      this.issues.error('DUPLICATE_ROW', at, `${where} with different figures`);
    }
    return false;
  }
}
