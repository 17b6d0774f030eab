import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { IssueCollector } from '../issues.js';
import type { IngestRecord, LedgerRecord, LotRecord } from '../records.js';

import { parseApiLicensesJson } from './api-licenses-json.js';

const DAY_MS = 86_400_000;
const EPOCH_2015 = Date.UTC(2015, 0, 1);
const isoDay = (days: number) => new Date(EPOCH_2015 + days * DAY_MS).toISOString().slice(0, 10);

const countArb = fc.nat({ max: 5000 });
/** A count as Cisco may send it: a JSON number or a decimal string. */
const asSent = (value: number, asString: boolean) => (asString ? String(value) : value);

const lotArb = fc
  .record({
    rawType: fc.constantFrom('PERPETUAL', 'TERM', 'SUBSCRIPTION', 'DEMO'),
    quantity: countArb,
    asString: fc.boolean(),
    startDay: fc.nat({ max: 6000 }),
    length: fc.nat({ max: 2000 }),
    dateTime: fc.boolean(),
    subscriptionId: fc.option(fc.stringMatching(/^Sub\d{4,8}$/), { nil: null }),
    sku: fc.option(fc.stringMatching(/^[A-Z0-9-]{3,20}$/), { nil: null }),
  })
  .map((lot) => {
    const perpetual = lot.rawType === 'PERPETUAL';
    const start = perpetual ? null : isoDay(lot.startDay);
    const end = perpetual ? null : isoDay(lot.startDay + lot.length);
    const stated = (day: string | null) => (day && lot.dateTime ? `${day}T00:00:00Z` : day);
    const json = {
      licenseType: lot.rawType,
      quantity: asSent(lot.quantity, lot.asString),
      startDate: stated(start),
      endDate: stated(end),
      subscriptionId: lot.subscriptionId,
      status: 'ACTIVE',
      licenseSku: lot.sku,
    };
    const expected: LotRecord = {
      quantity: lot.quantity,
      licenseType: perpetual ? 'PERPETUAL' : 'TERM',
      startDate: start,
      endDate: end,
      subscriptionId: lot.subscriptionId,
      orderNumber: null,
      sku: lot.sku,
    };
    return { json, expected };
  });

const licenseArb = fc.record({
  virtualAccount: fc.constantFrom('Sales-West', 'Core-DC', 'Lab "β"'),
  license: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,."\\é-]{0,24}[A-Za-z0-9]$/),
  quantity: countArb,
  inUse: countArb,
  reserved: countArb,
  lots: fc.option(fc.array(lotArb, { minLength: 1, maxLength: 4 }), { nil: null }),
  statesAvailable: fc.boolean(),
  asString: fc.boolean(),
});

const responseArb = fc.record({
  licenses: fc.uniqueArray(licenseArb, {
    maxLength: 12,
    selector: (item) => `${item.virtualAccount}\u0000${item.license}`,
  }),
  pages: fc.integer({ min: 1, max: 4 }),
  layout: fc.constantFrom('concatenated', 'lines', 'array'),
  indent: fc.constantFrom(0, 2),
  chunk: fc.integer({ min: 1, max: 64 }),
});

/** Offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

describe('parseApiLicensesJson (property)', () => {
  it('turns any valid v1 response, however paged and chunked, into the ledger it states', async () => {
    await fc.assert(
      fc.asyncProperty(responseArb, async ({ licenses, pages, layout, indent, chunk }) => {
        const items = licenses.map((item) => {
          const owned = item.lots
            ? item.lots.reduce((sum, lot) => sum + lot.expected.quantity, 0)
            : item.quantity;
          const json = {
            license: item.license,
            virtualAccount: item.virtualAccount,
            quantity: asSent(owned, item.asString),
            inUse: asSent(item.inUse, item.asString),
            reserved: asSent(item.reserved, item.asString),
            ...(item.statesAvailable ? { available: Math.max(0, owned - item.inUse) } : {}),
            ...(item.lots ? { licenseDetails: item.lots.map((lot) => lot.json) } : {}),
          };
          const expected: Omit<LedgerRecord, 'at'> = {
            kind: 'ledger',
            virtualAccount: item.virtualAccount,
            license: item.license,
            entitlementTag: null,
            owned,
            consumed: item.inUse,
            reserved: item.reserved,
            billingType: null,
            lots: item.lots ? item.lots.map((lot) => lot.expected) : [],
          };
          return { json, expected };
        });
        const size = Math.ceil(items.length / pages) || 1;
        const bodies: string[] = [];
        for (let i = 0; i === 0 || i < items.length; i += size) {
          const page = items.slice(i, i + size).map((item) => item.json);
          bodies.push(
            JSON.stringify(
              { status: 'SUCCESS', totalRecords: items.length, licenses: page },
              null,
              indent,
            ),
          );
        }
        const text =
          layout === 'array'
            ? `[${bodies.join(',')}]`
            : bodies.join(layout === 'lines' ? '\n' : '');

        const issues = new IssueCollector('p.json');
        const records: IngestRecord[] = [];
        async function* input() {
          for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
        }
        for await (const record of parseApiLicensesJson(input(), { fileName: 'p.json', issues })) {
          records.push(record);
        }
        expect(issues.issues).toEqual([]);
        expect(records.map(({ at: _at, ...rest }) => rest)).toEqual(
          items.map((item) => item.expected),
        );
        for (const { at } of records)
          expect(text.charAt(offsetOf(text, at.line, at.column))).toBe('{');
      }),
      { numRuns: 200 },
    );
  });
});
