import { isCurrency } from '../../domain/money/currency.js';
import type { IssueCollector } from '../issues.js';
import type { ParseContext, Parser } from '../parser.js';
import type { IngestRecord, PriceRecord } from '../records.js';

import type { TableSpec } from './headers.js';
import { openTable, type TableRow } from './table.js';
import { parseDate } from './values.js';

const PRICE_COLUMNS = {
  license: { aliases: ['License'], required: true },
  currency: { aliases: ['Currency'], required: true },
  listPrice: { aliases: ['List Price', 'List'], required: true },
  discount: { aliases: ['Discount', 'Discount %'] },
  supportRate: { aliases: ['Support Rate', 'SWSS Rate', 'Support %'] },
  licenseType: { aliases: ['License Type', 'Type'] },
  eaSuite: { aliases: ['EA Suite', 'Suite'] },
  inEa: { aliases: ['In EA', 'In Enterprise Agreement'] },
  eaPrice: { aliases: ['EA Price', 'EA Unit Price'] },
  validFrom: { aliases: ['Valid From', 'Effective From'] },
} satisfies TableSpec<string>;

type Key = keyof typeof PRICE_COLUMNS;
type Row = TableRow<Key>;

const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
const PERCENT = /^(\d+(?:\.\d{1,2})?)\s*%?$/;
const TYPES: Readonly<Record<string, PriceRecord['licenseType']>> = {
  term: 'TERM',
  subscription: 'TERM',
  perpetual: 'PERPETUAL',
};
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** `1234.50` (no thousands separators, at most two decimals) → minor units; null when blank. */
function readAmount(row: Row, key: Key, label: string, issues: IssueCollector): bigint | null {
  const text = row.text(key);
  if (text === null) return null;
  if (!AMOUNT.test(text)) {
    issues.error(
      'INVALID_AMOUNT',
      row.at(key),
      `${label} "${text}" is not an amount like 1234.50 (no sign, separators or currency)`,
    );
    return null;
  }
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(2, '0'));
}

/** `25`, `25%` or `12.5 %` → basis points (0–10000); blank → 0. */
function readPercent(row: Row, key: Key, label: string, issues: IssueCollector): number | null {
  const text = row.text(key);
  if (text === null) return 0;
  const match = PERCENT.exec(text);
  const [whole = '0', fraction = ''] = match?.[1]?.split('.') ?? [];
  const bp = match ? Number(whole) * 100 + Number(fraction.padEnd(2, '0')) : NaN;
  if (!Number.isInteger(bp) || bp > 10_000) {
    issues.error('INVALID_AMOUNT', row.at(key), `${label} "${text}" is not a percentage 0–100`);
    return null;
  }
  return bp;
}

function readRow(row: Row, issues: IssueCollector): PriceRecord | null {
  const errorsBefore = issues.errorCount;
  const license = row.text('license');
  if (license === null) issues.error('MISSING_VALUE', row.at('license'), 'License is blank');
  const currency = row.text('currency')?.toUpperCase() ?? null;
  if (currency === null || !isCurrency(currency))
    issues.error(
      currency === null ? 'MISSING_VALUE' : 'UNKNOWN_VALUE',
      row.at('currency'),
      currency === null
        ? 'Currency is blank'
        : `Currency "${currency}" is not one the price book accepts (an ISO 4217 code with two decimals, e.g. USD, EUR, GBP)`,
    );
  const listPriceMinor = readAmount(row, 'listPrice', 'List Price', issues);
  if (listPriceMinor === null && row.text('listPrice') === null)
    issues.error('MISSING_VALUE', row.at('listPrice'), 'List Price is blank');
  const discountBasisPoints = readPercent(row, 'discount', 'Discount', issues);
  const supportRateBasisPoints = readPercent(row, 'supportRate', 'Support Rate', issues);
  const typeText = row.text('licenseType');
  const licenseType = typeText === null ? null : TYPES[typeText.toLowerCase()];
  if (licenseType === undefined)
    issues.error(
      'UNKNOWN_VALUE',
      row.at('licenseType'),
      `License Type "${typeText}" is not TERM or PERPETUAL`,
    );
  const inEaText = row.text('inEa')?.toLowerCase() ?? null;
  if (inEaText !== null && !YES.has(inEaText) && !NO.has(inEaText))
    issues.error('UNKNOWN_VALUE', row.at('inEa'), `In EA "${inEaText}" is not yes or no`);
  const eaUnitPriceMinor = readAmount(row, 'eaPrice', 'EA Price', issues);
  const validText = row.text('validFrom');
  const validFrom = validText === null ? null : parseDate(validText);
  if (validText !== null && validFrom === null)
    issues.error('INVALID_DATE', row.at('validFrom'), `Valid From "${validText}" is not a date`);
  if (issues.errorCount > errorsBefore) return null;
  return {
    kind: 'price',
    at: { line: row.line, column: 1 },
    license: license ?? '',
    currency: currency ?? '',
    licenseType: licenseType ?? null,
    listPriceMinor: listPriceMinor ?? 0n,
    discountBasisPoints: discountBasisPoints ?? 0,
    supportRateBasisPoints: supportRateBasisPoints ?? 0,
    eaSuite: row.text('eaSuite'),
    inEnterpriseAgreement: inEaText !== null ? YES.has(inEaText) : row.text('eaSuite') !== null,
    eaUnitPriceMinor,
    validFrom,
  };
}

/**
 * Parses a price book CSV: `License`, `Currency`, `List Price` (required; a decimal amount per
 * unit per year for TERM, one-off for PERPETUAL), `Discount` and `Support Rate` (percent, `25`
 * or `25%`, default 0), `License Type` (TERM or PERPETUAL; blank: as the license's lots are entitled), `EA Suite`, `In EA`
 * (yes/no; default yes when a suite is named), `EA Price` (per unit per year) and `Valid From`
 * (default: the import's as-of). A license × currency × valid-from listed twice is a
 * `DUPLICATE_ROW` error. Every bad cell is reported with its line and column; nothing of a file
 * with errors is imported.
 */
export const parsePriceBookCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord> {
  const { issues } = context;
  const table = await openTable(input, PRICE_COLUMNS, issues);
  if (!table) return;
  const seen = new Map<string, number>();
  for await (const row of table.rows) {
    const record = readRow(row, issues);
    if (!record) continue;
    const key = JSON.stringify([record.license, record.currency, record.validFrom]);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.error(
        'DUPLICATE_ROW',
        { line: row.line, column: 1 },
        `"${record.license}" in ${record.currency} is listed again (first on line ${first})`,
      );
      continue;
    }
    seen.set(key, row.line);
    yield record;
  }
};
