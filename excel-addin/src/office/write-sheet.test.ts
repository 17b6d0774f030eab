import { describe, expect, it } from 'vitest';

import { positionsSheet } from '../model/positions-sheet.js';

import { EXCEL_REQUEST_LIMIT_BYTES } from './payload.js';
import type { SheetWrite } from './sheet-write.js';
import { FakeWorkbook } from './testing/fake-workbook.js';
import { writeSheet } from './write-sheet.js';

const columns = [
  { header: 'Virtual Account' },
  { header: 'License' },
  { header: 'Owned', numberFormat: '#,##0' },
  { header: 'Shortfall', numberFormat: '#,##0' },
];

function model(rows: SheetWrite['rows']): SheetWrite {
  return {
    name: 'Positions',
    tableName: 'TrueupPositions',
    inputs: [],
    columns,
    rows,
    key: ['Virtual Account', 'License'],
    highlightPositive: 'Shortfall',
  };
}

describe('writeSheet', () => {
  it('writes the header and rows as one Excel table, shortfalls highlighted', async () => {
    const book = new FakeWorkbook();
    const stats = await writeSheet(
      book.createContext(),
      model([
        ['Engineering', 'DNA Advantage', 10, 0],
        ['Sales', 'DNA Advantage', 2, 3],
      ]),
    );
    expect(book.grid('Positions')).toEqual([
      ['Virtual Account', 'License', 'Owned', 'Shortfall'],
      ['Engineering', 'DNA Advantage', 10, 0],
      ['Sales', 'DNA Advantage', 2, 3],
    ]);
    const table = book.tables.get('TrueupPositions');
    expect(table && { sheet: table.sheet.name, box: table.box }).toEqual({
      sheet: 'Positions',
      box: { row: 0, col: 0, rows: 3, cols: 4 },
    });
    expect(book.sheets.get('Positions')?.conditionalFormats).toEqual([
      { address: 'D2:D3', fill: '#F4CCCC', rule: { formula1: '0', operator: 'GreaterThan' } },
    ]);
    expect(book.sheets.get('Positions')?.cells.get('2,2')?.numberFormat).toBe('#,##0');
    expect(stats).toMatchObject({ syncs: 2, rowsWritten: 2, keptColumns: [] });
    expect(book.syncs).toBe(2);
  });

  it('writes data that looks like a formula or a number as text', async () => {
    const book = new FakeWorkbook();
    const hostile = '=HYPERLINK("http://evil.example","click")';
    await writeSheet(
      book.createContext(),
      model([
        [hostile, '+SUM(A1)', 1, 0],
        ['@cmd', '007', 2, 0],
        ["'quoted", '-1', 3, 0],
      ]),
    );
    const grid = book.grid('Positions');
    expect(grid.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [hostile, '+SUM(A1)'],
      ['@cmd', '007'],
      ["'quoted", '-1'],
    ]);
    expect([...book.sheets.get('Positions')!.cells.values()].some((c) => c.formula)).toBe(false);
  });

  it('writes model formulas as formulas', async () => {
    const book = new FakeWorkbook();
    await writeSheet(book.createContext(), model([['A', 'L', 5, { formula: 'C2*2' }]]));
    expect(book.grid('Positions', 'formulas')[1]).toEqual(['A', 'L', 5, '=C2*2']);
  });

  it('writes inputs above the table and formulas that refer to them', async () => {
    const book = new FakeWorkbook();
    await writeSheet(book.createContext(), {
      name: 'Renewal',
      tableName: 'Renewal',
      inputs: [
        { key: 'growth', label: 'Growth', value: 0.1, numberFormat: '0.00%' },
        { key: 'term', label: 'Term (years)', value: 3 },
      ],
      columns: [{ header: 'Owned' }, { header: 'Needed' }],
      rows: [[10, { formula: 'A5*(1+$B$1)' }]],
    });
    expect(book.grid('Renewal', 'formulas')).toEqual([
      ['Growth', 0.1],
      ['Term (years)', 3],
      ['', ''],
      ['Owned', 'Needed'],
      [10, '=A5*(1+$B$1)'],
    ]);
    expect(book.tables.get('Renewal')?.box).toEqual({ row: 3, col: 0, rows: 2, cols: 2 });
    expect(book.sheets.get('Renewal')?.cells.get('0,1')?.numberFormat).toBe('0.00%');
  });

  it('keeps columns the user added to the table, matched by Virtual Account and license', async () => {
    const book = new FakeWorkbook();
    await writeSheet(
      book.createContext(),
      model([
        ['Eng', 'L1', 1, 0],
        ['Ops', 'L1', 2, 0],
      ]),
    );
    // The user widens the table with a Notes column.
    const table = book.tables.get('TrueupPositions')!;
    table.box.cols = 5;
    const cells = book.sheets.get('Positions')!.cells;
    cells.set('0,4', { value: 'Notes' });
    cells.set('1,4', { value: 'renew in May' });
    cells.set('2,4', { value: 42, formula: '=C3*21' });

    const stats = await writeSheet(
      book.createContext(),
      model([
        ['New', 'L1', 7, 0],
        ['Ops', 'L1', 3, 1],
        ['Eng', 'L1', 1, 0],
      ]),
    );
    expect(stats.keptColumns).toEqual(['Notes']);
    expect(book.grid('Positions', 'formulas')).toEqual([
      ['Virtual Account', 'License', 'Owned', 'Shortfall', 'Notes'],
      ['New', 'L1', 7, 0, ''],
      ['Ops', 'L1', 3, 1, '=C3*21'],
      ['Eng', 'L1', 1, 0, 'renew in May'],
    ]);
    expect(book.tables.get('TrueupPositions')?.box).toEqual({ row: 0, col: 0, rows: 4, cols: 5 });
  });

  it('writes 100,000 rows in requests under 5 MB, calculation suspended, with few syncs', async () => {
    const book = new FakeWorkbook();
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      `Virtual Account ${i % 250}`,
      `License with a realistic long name ${i}`,
      i,
      i % 7,
    ]);
    const stats = await writeSheet(book.createContext(), model(rows));
    const largestSeen = Math.max(...book.requests);
    console.info(
      `100,000 rows: ${stats.syncs} syncs, largest request ${largestSeen} bytes (adapter estimate ${stats.largestRequestBytes})`,
    );
    expect(largestSeen).toBeLessThan(EXCEL_REQUEST_LIMIT_BYTES);
    expect(stats.largestRequestBytes).toBeGreaterThanOrEqual(largestSeen);
    // The cell data alone is ~8.6 MB: at least 3 writes are unavoidable, plus the one read.
    const dataBytes = new TextEncoder().encode(JSON.stringify(rows)).length;
    expect(stats.syncs).toBe(book.syncs);
    expect(stats.syncs).toBeLessThanOrEqual(1 + Math.ceil(dataBytes / (3 * 1024 * 1024)));
    expect(book.suspendedWriteSyncs).toBe(stats.syncs - 1);
    expect(book.grid('Positions').length).toBe(100_001);
    expect(book.grid('Positions')[100_000]).toEqual(rows[99_999]);
  });

  it('writes a 100,000-line Positions sheet (14 columns, 8 formatted) under 5 MB per request', async () => {
    const book = new FakeWorkbook();
    const model = positionsSheet(
      Array.from({ length: 100_000 }, (_, i) => ({
        virtualAccountName: `Virtual Account ${i % 400}`,
        licenseName: `Catalyst 9300 Network Advantage ${i}`,
        productFamily: 'Catalyst',
        owned: 1000 + i,
        consumed: 900 + (i % 300),
        reserved: i % 5,
        balance: 100 + i - (i % 300),
        shortfall: i % 3,
        surplus: i % 11,
        unitPrice: { amount: '1234.50', currency: 'USD' },
        exposure: { amount: `${(i % 3) * 1234}.50`, currency: 'USD' },
        billing: 'PREPAID',
        usageReportedAt: i % 7 === 0 ? null : '2026-11-28',
      })),
    );
    const stats = await writeSheet(book.createContext(), model);
    console.info(
      `100,000 Positions lines: ${stats.syncs} syncs, largest request ${Math.max(...book.requests)} bytes`,
    );
    expect(Math.max(...book.requests)).toBeLessThan(EXCEL_REQUEST_LIMIT_BYTES);
    expect(book.suspendedWriteSyncs).toBe(stats.syncs - 1);
    expect(book.grid('Positions').length).toBe(100_001);
  });

  it('refreshes a 100,000-row table with a user column without a response over 5 MB', async () => {
    const book = new FakeWorkbook();
    const rows = (owned: number) =>
      Array.from({ length: 100_000 }, (_, i) => [
        `Virtual Account ${i % 250}`,
        `License with a long descriptive name ${i}`,
        owned,
        0,
      ]);
    await writeSheet(book.createContext(), model(rows(1)));
    // A whole-table read would be ~7 MB: the refresh must read in parts.
    const ctx = book.createContext();
    const whole = ctx.workbook.tables.getItem('TrueupPositions').getRange().load('values');
    await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    void whole;

    const table = book.tables.get('TrueupPositions')!;
    table.box.cols = 5;
    const cells = book.sheets.get('Positions')!.cells;
    cells.set('0,4', { value: 'Owner' });
    for (let r = 1; r <= 100_000; r++) cells.set(`${r},4`, { value: `owner ${r}` });

    const stats = await writeSheet(book.createContext(), model(rows(2)));
    expect(stats.keptColumns).toEqual(['Owner']);
    const grid = book.grid('Positions');
    expect(grid[100_000]).toEqual([
      'Virtual Account 249',
      'License with a long descriptive name 99999',
      2,
      0,
      'owner 100000',
    ]);
    console.info(`refresh of 100,000 rows with a user column: ${stats.syncs} syncs`);
  });
});
