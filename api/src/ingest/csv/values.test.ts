import { describe, expect, it } from 'vitest';

import { IssueCollector, formatIssue } from '../issues.js';

import { TableRow } from './table.js';
import { checkEndAfterStart, parseDate, parseTimestamp, readDate, readInteger } from './values.js';

function cellRow(...cells: string[]): TableRow<'a' | 'b' | 'c'> {
  return new TableRow(7, cells, { a: 0, b: 1, c: 2 });
}

describe('parseDate', () => {
  it.each([
    ['2027-09-30', '2027-09-30'],
    ['2027-Sep-30', '2027-09-30'],
    ['2027-sep-3', '2027-09-03'],
    ['2027-September-30', '2027-09-30'],
    ['Sep 30, 2027', '2027-09-30'],
    ['Sept 30 2027', '2027-09-30'],
    ['february 29, 2028', '2028-02-29'],
    ['2019-01-18T01:07:36Z', '2019-01-18'],
    ['2019-01-18T23:59:59.123+05:30', '2019-01-18'],
    ['2019-01-18 01:07', '2019-01-18'],
    [' 2027-09-30 ', '2027-09-30'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '2027-02-30',
    '2027-13-01',
    '2027-Sex-30',
    '30/09/2027',
    '09/30/2027',
    'Sep 31, 2027',
    '2019-01-18T25:00:00Z',
    'soon',
    '',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2019-01-18T01:07:36Z', '2019-01-18T01:07:36.000Z'],
    ['2019-01-18T01:07:36+02:00', '2019-01-17T23:07:36.000Z'],
    ['2024-Jan-15 10:22:05', '2024-01-15T10:22:05.000Z'],
    ['Jan 15, 2024 10:22 PM', '2024-01-15T22:22:00.000Z'],
    ['Jan 15, 2024 12:05 AM UTC', '2024-01-15T00:05:00.000Z'],
    ['2024-01-15', '2024-01-15T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTimestamp(text)).toBe(iso);
  });

  it.each(['2024-01-15 24:00', '2024-01-15 13:00 PM', 'yesterday'])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('readInteger', () => {
  const read = (text: string, options: Partial<Parameters<typeof readInteger>[3]> = {}) => {
    const issues = new IssueCollector('f.csv');
    const value = readInteger(cellRow('x', text), 'b', issues, { label: 'In Use', ...options });
    return { value, issues: issues.issues.map(formatIssue), errors: issues.errorCount };
  };

  it('reads whole numbers, signed or written with .0', () => {
    expect(read('12').value).toBe(12);
    expect(read(' +12 ').value).toBe(12);
    expect(read('12.0').value).toBe(12);
    expect(read('-0').value).toBe(0);
    expect(read('-3', { allowNegative: true }).value).toBe(-3);
  });

  it('reports each bad value at its exact cell', () => {
    expect(read('twelve').issues).toEqual(['f.csv:7:2: In Use "twelve" is not a whole number']);
    expect(read('1,000').issues).toEqual(['f.csv:7:2: In Use "1,000" is not a whole number']);
    expect(read('1.5').issues).toEqual(['f.csv:7:2: In Use 1.5 is not a whole number']);
    expect(read('-2').issues).toEqual(['f.csv:7:2: In Use -2 is negative']);
    expect(read('99999999999999999999').value).toBeNull();
  });

  it('returns null for a blank cell, reporting it only when required', () => {
    expect(read('')).toEqual({ value: null, issues: [], errors: 0 });
    expect(read(' ', { required: true }).issues).toEqual(['f.csv:7:2: In Use is blank']);
  });

  it('can report a bad value as a warning', () => {
    const result = read('n/a', { severity: 'warning', allowNegative: true });
    expect(result.errors).toBe(0);
    expect(result.issues).toEqual(['f.csv:7:2: warning: In Use "n/a" is not a whole number']);
  });
});

describe('readDate and checkEndAfterStart', () => {
  it('treats blank, -, N/A and Never as no date', () => {
    const issues = new IssueCollector('f.csv');
    for (const text of ['', '-', 'N/A', 'Never']) {
      expect(readDate(cellRow(text), 'a', issues, 'End Date')).toBeNull();
    }
    expect(issues.issues).toEqual([]);
  });

  it('reports INVALID_DATE and END_BEFORE_START at the cell', () => {
    const issues = new IssueCollector('f.csv');
    const row = cellRow('2027-01-31', '2026-Feb-01', '31/01/2027');
    expect(readDate(row, 'c', issues, 'Start Date')).toBeNull();
    const start = readDate(row, 'a', issues, 'Start Date');
    const end = readDate(row, 'b', issues, 'End Date');
    expect(checkEndAfterStart(row, { start, end, endKey: 'b' }, issues)).toBe(false);
    expect(issues.issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([
      ['INVALID_DATE', 7, 3],
      ['END_BEFORE_START', 7, 2],
    ]);
  });
});
