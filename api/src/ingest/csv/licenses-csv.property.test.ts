import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { LedgerRecord, LotRecord } from '../records.js';

import { parseCssmLicensesCsv } from './licenses-csv.js';
import { runParser } from './run-parser.js';

const CHARS = ['a', 'Z', '9', ' ', ',', ';', '"', "'", 'é', '€', '😀', '\n', '-', '(', '\t'];
const name = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 14 })
  .map((chars) => chars.join('').trim())
  .filter((text) => text.length > 0);
const count = fc.integer({ min: 0, max: 1_000_000 });
const isoDate = fc
  .date({
    min: new Date('2015-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const lot = fc.record({
  quantity: count,
  licenseType: fc.constantFrom<LotRecord['licenseType']>('TERM', 'PERPETUAL'),
  startDate: isoDate,
  endDate: isoDate,
  subscriptionId: fc.option(name, { nil: null }),
  orderNumber: fc.option(name, { nil: null }),
  sku: fc.option(name, { nil: null }),
});
const line = fc.record({
  virtualAccount: name,
  license: name,
  inUse: count,
  lots: fc.array(lot, { minLength: 1, maxLength: 3 }),
});
const format = fc.record({
  delimiter: fc.constantFrom(',', ';'),
  bom: fc.boolean(),
  eol: fc.constantFrom('\r\n', '\n'),
  quoteAll: fc.boolean(),
  chunkSize: fc.integer({ min: 1, max: 64 }),
});
type Format = typeof format extends fc.Arbitrary<infer T> ? T : never;

function writeCsv(rows: readonly (readonly string[])[], f: Format): string {
  const needsQuotes = (cell: string) => /[",;\r\n]/.test(cell) || f.quoteAll;
  const cell = (text: string) => (needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const body = rows.map((row) => row.map(cell).join(f.delimiter)).join(f.eol) + f.eol;
  return f.bom ? `\ufeff${body}` : body;
}

describe('parseCssmLicensesCsv (property)', () => {
  it('round-trips summary exports to the ledger lines they state', async () => {
    const lines = fc.uniqueArray(line, { selector: (l) => `${l.virtualAccount}\0${l.license}` });
    await fc.assert(
      fc.asyncProperty(lines, fc.array(count), format, async (ledger, extra, f) => {
        const owned = ledger.map((l, i) => l.inUse + (extra[i] ?? 0));
        const rows = [
          ['Alerts', 'In Use', 'License', 'Balance', 'Purchased', 'Virtual Account'],
          ...ledger.map((l, i) => [
            '',
            `${l.inUse}`,
            l.license,
            `${owned[i]! - l.inUse}`,
            `${owned[i]}`,
            l.virtualAccount,
          ]),
        ];
        const run = await runParser(parseCssmLicensesCsv, writeCsv(rows, f), {
          chunkSize: f.chunkSize,
        });
        expect(run.issues).toEqual([]);
        expect(run.records).toEqual(
          ledger.map((l, i): LedgerRecord => ({
            kind: 'ledger',
            at: { line: 2 + ledger.slice(0, i).reduce((n, p) => n + rowLines(p), 0), column: 1 },
            virtualAccount: l.virtualAccount,
            license: l.license,
            entitlementTag: null,
            owned: owned[i]!,
            consumed: l.inUse,
            reserved: null,
            billingType: null,
            lots: [],
          })),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips detail exports, rows in any order, to their grouped lots', async () => {
    const detail = fc
      .uniqueArray(line, { selector: (l) => `${l.virtualAccount}\0${l.license}`, maxLength: 6 })
      .chain((ledger) => {
        const rows = ledger.flatMap((l, group) =>
          l.lots.map((lt) => ({ group, lot: orderDates(lt) })),
        );
        return fc
          .shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })
          .map((shuffled) => ({ ledger, shuffled }));
      });
    await fc.assert(
      fc.asyncProperty(detail, format, async ({ ledger, shuffled }, f) => {
        const ownedOf = (group: number) => ledger[group]!.lots.reduce((n, x) => n + x.quantity, 0);
        const header = [
          'Virtual Account',
          'License',
          'Purchased',
          'In Use',
          'License Type',
          'Start Date',
          'End Date',
          'Quantity Purchased',
          'Subscription ID',
          'Order Number',
          'SKU',
        ];
        const body = shuffled.map(({ group, lot: lt }) => {
          const l = ledger[group]!;
          return [
            l.virtualAccount,
            l.license,
            `${ownedOf(group)}`,
            `${l.inUse}`,
            lt.licenseType,
            lt.startDate ?? '',
            lt.endDate ?? '',
            `${lt.quantity}`,
            lt.subscriptionId ?? '',
            lt.orderNumber ?? '',
            lt.sku ?? '',
          ];
        });
        const run = await runParser(parseCssmLicensesCsv, writeCsv([header, ...body], f), {
          chunkSize: f.chunkSize,
        });
        expect(run.issues).toEqual([]);
        const order = [...new Set(shuffled.map((r) => r.group))];
        expect(
          run.records.map(
            (r) =>
              r.kind === 'ledger' && [r.virtualAccount, r.license, r.owned, r.consumed, r.lots],
          ),
        ).toEqual(
          order.map((group) => {
            const l = ledger[group]!;
            const lots = shuffled.filter((r) => r.group === group).map((r) => r.lot);
            return [l.virtualAccount, l.license, ownedOf(group), l.inUse, lots];
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
});

/** Lines a summary row takes in the file: names may hold line breaks. */
function rowLines(l: { virtualAccount: string; license: string }): number {
  return 1 + `${l.virtualAccount}${l.license}`.split('\n').length - 1;
}

/** Puts start before end so the lot is valid. */
function orderDates(lot: LotRecord): LotRecord {
  const [startDate, endDate] = [lot.startDate, lot.endDate].sort() as [string, string];
  return { ...lot, startDate, endDate };
}
