import { describe, expect, it } from 'vitest';

import { FakeWorkbook } from './fake-workbook.js';

describe('FakeWorkbook', () => {
  it('refuses to read a property that was not loaded and synced', async () => {
    const book = new FakeWorkbook();
    const ctx = book.createContext();
    ctx.workbook.worksheets.add('S');
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1');
    range.values = [[42]];
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load('values');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([[42]]);
  });

  it('refuses a request over 5 MB whole and applies nothing', async () => {
    const book = new FakeWorkbook();
    const ctx = book.createContext();
    ctx.workbook.worksheets.add('S');
    await ctx.sync();
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    ctx.workbook.worksheets.getItem('S').getRange('A1:A60000').values = big;
    await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(book.sheets.get('S')?.cells.size).toBe(0);
    expect(book.syncs).toBe(2);
  });

  it('parses input like Excel: formulas, apostrophe text, numeric strings', async () => {
    const book = new FakeWorkbook();
    const ctx = book.createContext();
    ctx.workbook.worksheets.add('S');
    ctx.workbook.worksheets.getItem('S').getRange('A1:D1').formulas = [
      ['=1+1', "'=1+1", '12', 'text'],
    ];
    await ctx.sync();
    expect(book.grid('S', 'formulas')).toEqual([['=1+1', '=1+1', 12, 'text']]);
    expect(book.sheets.get('S')?.cells.get('0,0')?.formula).toBe('=1+1');
    expect(book.sheets.get('S')?.cells.get('0,1')?.formula).toBeUndefined();
  });

  it('rejects arrays that do not match the range and overlapping tables', async () => {
    const book = new FakeWorkbook();
    const ctx = book.createContext();
    ctx.workbook.worksheets.add('S');
    ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
    const sheet = ctx.workbook.worksheets.getItem('S');
    sheet.tables.add('A1:B3', true);
    sheet.tables.add('B2:C4', true);
    await expect(ctx.sync()).rejects.toThrow(/overlap/);
  });
});
