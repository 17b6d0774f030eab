import { describe, expect, it } from 'vitest';

import { licenseTypeOf, parseDate, parseQuantity, parseTimestamp } from './field-values.js';

describe('parseQuantity', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 7 ', 7],
    ['12.0', 12],
    [0, 0],
  ])('reads %j as %i', (raw, value) => {
    expect(parseQuantity(raw, 'q')).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'NOT_A_NUMBER'],
    ['1,200', 'NOT_A_NUMBER'],
    ['1e3', 'NOT_A_NUMBER'],
    [-1, 'NEGATIVE_QUANTITY'],
    ['-0.5', 'NEGATIVE_QUANTITY'],
    [1.5, 'NOT_AN_INTEGER'],
    [2 ** 60, 'NOT_AN_INTEGER'],
  ])('rejects %j with %s', (raw, code) => {
    expect(parseQuantity(raw, 'q')).toMatchObject({ ok: false, code });
  });
});

describe('parseDate', () => {
  it.each([
    ['2028-01-31', '2028-01-31'],
    ['2019-01-18T01:07:36Z', '2019-01-18'],
    ['2019-01-18T01:07:36.123z', '2019-01-18'],
    ['2019-01-18 01:07', '2019-01-18'],
    ['2025-01-31T23:00:00-05:00', '2025-02-01'],
    ['2025-02-01T00:30:00+01:00', '2025-01-31'],
    [1767225600000, '2026-01-01'],
    ['1767225600', '2026-01-01'],
    ['', null],
  ])('reads %j as %j', (raw, value) => {
    expect(parseDate(raw, 'd')).toEqual({ ok: true, value });
  });

  it.each([
    '2025-02-30',
    '2025-13-01',
    '31/01/2028',
    'Sep 30, 2027',
    '20250101',
    '2025-01-01T25:00:00Z',
  ])('rejects %j', (raw) => {
    expect(parseDate(raw, 'd')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });
});

describe('parseTimestamp', () => {
  it('normalises to UTC ISO 8601', () => {
    expect(parseTimestamp('2026-03-01T10:15:00+01:00', 't')).toEqual({
      ok: true,
      value: '2026-03-01T09:15:00.000Z',
    });
    expect(parseTimestamp('2026-03-01', 't')).toEqual({
      ok: true,
      value: '2026-03-01T00:00:00.000Z',
    });
    expect(parseTimestamp('2026-03-01T10:15:00', 't')).toEqual({
      ok: true,
      value: '2026-03-01T10:15:00.000Z',
    });
  });
});

describe('licenseTypeOf', () => {
  it.each([
    ['PERPETUAL', null, 'PERPETUAL', true],
    ['TERM', '2028-01-01', 'TERM', true],
    ['Subscription', '2028-01-01', 'TERM', true],
    ['DEMO', '2026-03-01', 'TERM', true],
    ['DEMO', null, 'TERM', true],
    ['STANDARD', null, 'PERPETUAL', true],
    ['STANDARD', '2028-01-01', 'TERM', true],
    [null, '2028-01-01', 'TERM', true],
    [null, null, 'PERPETUAL', true],
    ['LOAN', null, 'PERPETUAL', false],
  ] as const)('maps %j (end %j) to %s', (raw, end, type, known) => {
    expect(licenseTypeOf(raw, end)).toEqual({ type, known });
  });
});
