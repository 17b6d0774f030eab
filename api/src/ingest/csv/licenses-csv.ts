import { billingTypeOf } from '../billing-type.js';
import type { IssueCollector } from '../issues.js';
import type { ParseContext, Parser } from '../parser.js';
import type { BillingType, IngestRecord } from '../records.js';

import type { TableSpec } from './headers.js';
import { LedgerGroup } from './ledger-group.js';
import { LOT_COLUMNS, LOT_KEYS, readLot } from './lots.js';
import { openTable, type TableRow } from './table.js';
import { readInteger } from './values.js';

const LICENSES_COLUMNS = {
  virtualAccount: { aliases: ['Virtual Account'] },
  license: { aliases: ['License'], required: true },
  tag: { aliases: ['Entitlement Tag', 'Tag'] },
  owned: { aliases: ['Purchased', 'Available to Use', 'Quantity', 'Owned'], required: true },
  consumed: { aliases: ['In Use', 'Used', 'Consumed'], required: true },
  reserved: { aliases: ['Reserved'] },
  billing: { aliases: ['Billing', 'Billing Type'] },
  balance: { aliases: ['Balance'] },
  ...LOT_COLUMNS,
} satisfies TableSpec<string>;

type Key = keyof typeof LICENSES_COLUMNS;
type Row = TableRow<Key>;

/** Reports a `Balance` cell that disagrees with owned − in use (Balance is never trusted). */
function checkBalance(row: Row, group: LedgerGroup, issues: IssueCollector): void {
  if (group.balanceChecked || group.owned === null || group.consumed === null) return;
  if (row.text('balance') === null) return;
  group.balanceChecked = true;
  const options = { label: 'Balance', allowNegative: true, severity: 'warning' } as const;
  const balance = readInteger(row, 'balance', issues, options);
  const computed = group.owned - group.consumed;
  if (balance !== null && balance !== computed) {
    issues.warning(
      'BALANCE_MISMATCH',
      row.at('balance'),
      `Balance ${balance} disagrees with Purchased ${group.owned} − In Use ${group.consumed} = ` +
        `${computed} for "${group.license}" in "${group.virtualAccount}"; using ${computed}`,
    );
  }
}

/** The row's `Billing` (null when blank or absent; unknown text is a warning and null). */
function readBilling(row: Row, issues: IssueCollector): BillingType | null {
  const text = row.text('billing');
  if (text === null) return null;
  const type = billingTypeOf(text);
  if (type === undefined) {
    issues.warning(
      'UNKNOWN_VALUE',
      row.at('billing'),
      `unknown Billing ${JSON.stringify(text)}: the line is treated as prepaid (UNKNOWN)`,
    );
    return null;
  }
  return type;
}

/** Reports a license seen earlier with another entitlement tag; returns false then. */
function checkTag(
  row: Row,
  license: string,
  tags: Map<string, { tag: string; line: number }>,
  issues: IssueCollector,
): boolean {
  const tag = row.text('tag');
  if (tag === null) return true;
  const seen = tags.get(license);
  if (!seen) tags.set(license, { tag, line: row.line });
  else if (seen.tag !== tag) {
    issues.error(
      'CONFLICTING_TAG',
      row.at('tag'),
      `"${license}" has tag "${tag}" here but "${seen.tag}" on line ${seen.line}`,
    );
    return false;
  }
  return true;
}

/**
 * Parses a CSSM Licenses-tab CSV export into one `LedgerRecord` per Virtual Account × license.
 *
 * - Summary level (no transaction-detail column): one row per VA × license; a repeat is a
 *   `DUPLICATE_ROW` error at the repeat. Lots are left empty.
 * - Transaction-detail level (any of `License Type`, `Start Date`, `Expiration Date`/`End Date`,
 *   `Subscription ID`, `Product SKU`/`SKU`, `Order Number`, `Quantity Purchased`): each row is
 *   one lot of its VA × license, rows of one VA × license need not be adjacent. `owned`/`consumed`
 *   are the license's `Purchased`/`In Use` (repeated on each row, or blank after the first).
 * - `Virtual Account` column optional: without it (or in a blank cell) `context.virtualAccount`
 *   names the VA; with neither, `MISSING_COLUMN`. Tags (`Entitlement Tag`/`Tag`) are optional;
 *   one license with two tags is `CONFLICTING_TAG` at the second.
 * - `Balance` is only checked: a value other than owned − in use is a `BALANCE_MISMATCH` warning.
 * - `Billing` (`Prepaid`, `Usage`, `Subscription`) is kept per Virtual Account × license (the
 *   first stated wins); `Reserved` is kept when the export has it (else null).
 * - `Substitution`, `Alerts` and unknown columns are ignored.
 *
 * Records come after the last row, in order of first appearance (memory ∝ VA × license lines).
 */
export const parseCssmLicensesCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord> {
  const { issues } = context;
  const table = await openTable(input, LICENSES_COLUMNS, issues);
  if (!table) return;
  if (table.columns.virtualAccount === undefined && !context.virtualAccount) {
    issues.error(
      'MISSING_COLUMN',
      { line: table.headerLine, column: 1 },
      'missing column "Virtual Account": this export does not name its Virtual Account, so ' +
        'say which Virtual Account it was exported from',
    );
    await table.rows.return(undefined);
    return;
  }
  const detail = LOT_KEYS.some((key) => table.columns[key] !== undefined);
  const groups = new Map<string, LedgerGroup>();
  const tags = new Map<string, { tag: string; line: number }>();
  for await (const row of table.rows) {
    const errorsBefore = issues.errorCount;
    const virtualAccount = row.text('virtualAccount') ?? context.virtualAccount ?? null;
    const license = row.text('license');
    if (virtualAccount === null)
      issues.error('MISSING_VALUE', row.at('virtualAccount'), 'Virtual Account is blank');
    if (license === null) issues.error('MISSING_VALUE', row.at('license'), 'License is blank');
    if (virtualAccount === null || license === null) continue;
    const key = JSON.stringify([virtualAccount, license]);
    let group = groups.get(key);
    if (group && !detail) {
      issues.error(
        'DUPLICATE_ROW',
        { line: row.line, column: 1 },
        `"${license}" in "${virtualAccount}" appears again (first on line ${group.at.line})`,
      );
      continue;
    }
    const required = group === undefined;
    const figures = {
      owned: readInteger(row, 'owned', issues, { label: 'Purchased', required }),
      consumed: readInteger(row, 'consumed', issues, { label: 'In Use', required }),
      reserved: readInteger(row, 'reserved', issues, { label: 'Reserved' }),
    };
    const tagOk = checkTag(row, license, tags, issues);
    const lot = detail ? readLot(row, issues) : null;
    if (!group) {
      group = new LedgerGroup({ line: row.line, column: 1 }, virtualAccount, license);
      groups.set(key, group);
    }
    const billing = readBilling(row, issues);
    group.add(
      { figures, tag: tagOk ? row.text('tag') : null, lot, billing },
      (f) => row.at(f),
      issues,
    );
    if (issues.errorCount > errorsBefore) group.fail();
    else checkBalance(row, group, issues);
  }
  for (const group of groups.values()) {
    const record = group.finish(issues);
    if (record) yield record;
  }
};
