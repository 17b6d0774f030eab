import { describe, expect, it } from 'vitest';

import { formatIssue } from '../issues.js';

import { parseClassicPakCsv } from './classic-pak-csv.js';
import { runParser, type RunOptions } from './run-parser.js';

async function run(text: string, options: RunOptions = {}) {
  const result = await runParser(parseClassicPakCsv, text, { fileName: 'pak.csv', ...options });
  return { ...result, issues: result.issues.map(formatIssue) };
}

describe('parseClassicPakCsv', () => {
  it('yields PAK lines not yet converted and counts the converted ones', async () => {
    const text = [
      'PAK Number,SKU,Description,Quantity,Status',
      '3301J1234567,L-ASR1K-ADVIPS=,"ASR 1000 Advanced IP Services, perpetual",2,FULFILLED',
      '3301J7654321,FL-CUBEE-5=,,10,Converted',
      '3301J7654322,FL-CUBEE-5=,CUBE 5 sessions,5,CONVERTED',
      '3301J7654323,FL-CUBEE-5=,CUBE 5 sessions,4,NOT FULFILLED',
    ].join('\n');
    const { records, issues, result } = await run(text, { virtualAccount: 'Default' });
    expect(issues).toEqual([]);
    expect(result).toEqual({ converted: 2, blankStatus: 0 });
    expect(records).toEqual([
      {
        kind: 'classicPak',
        at: { line: 2, column: 1 },
        virtualAccount: 'Default',
        pakNumber: '3301J1234567',
        license: 'ASR 1000 Advanced IP Services, perpetual',
        sku: 'L-ASR1K-ADVIPS=',
        quantity: 2,
        status: 'FULFILLED',
        deviceSerial: null,
      },
      expect.objectContaining({ at: { line: 5, column: 1 }, quantity: 4, status: 'NOT FULFILLED' }),
    ]);
  });

  it('reads the serial of the device a PAK was fulfilled for', async () => {
    const text =
      'PAK,SKU,License,Quantity,Status,Serial Number\nP1,S1,Lic 1,3,FULFILLED,FDO2231X0QZ\nP2,S1,Lic 1,1,FULFILLED,\n';
    const { records, issues } = await run(text);
    expect(issues).toEqual([]);
    expect(records).toMatchObject([{ deviceSerial: 'FDO2231X0QZ' }, { deviceSerial: null }]);
  });

  it.each([
    ['PAK', 'Product SKU', 'License', 'Qty', 'PAK_STATUS'],
    ['PAK #', 'SKU', 'License Name', 'Remaining Quantity', 'status'],
  ])('accepts %j, %j, %j, %j and %j', async (pak, sku, license, qty, status) => {
    const text = `\ufeff${pak};${sku};${license};${qty};${status};Virtual Account\r\nP1;S1;Lic 1;3;ACTIVE;VA-9\r\n`;
    const { records, issues } = await run(text, { chunkSize: 7 });
    expect(issues).toEqual([]);
    expect(records).toMatchObject([
      { pakNumber: 'P1', sku: 'S1', license: 'Lic 1', quantity: 3, virtualAccount: 'VA-9' },
    ]);
  });

  it('prefers Remaining Quantity and falls back to the SKU for the license name', async () => {
    const text = 'PAK,SKU,Quantity,Remaining Quantity,Status\nP1,S1,10,3,PARTIAL\n';
    const { records } = await run(text);
    expect(records).toMatchObject([
      { license: 'S1', sku: 'S1', quantity: 3, virtualAccount: null },
    ]);
  });

  it('skips rows with a blank status with a warning, and reports bad cells', async () => {
    const text = 'PAK,SKU,Qty,Status\nP1,S1,2,\nP2,S2,-2,OPEN\n,S3,1,OPEN\nP4,,x,OPEN\n';
    const { records, issues, result } = await run(text);
    expect(records).toEqual([]);
    expect(result).toEqual({ converted: 0, blankStatus: 1 });
    expect(issues).toEqual([
      'pak.csv:2:4: warning: Status is blank; row skipped',
      'pak.csv:3:3: Quantity -2 is negative',
      'pak.csv:4:1: PAK is blank',
      'pak.csv:5:2: both License and SKU are blank',
      'pak.csv:5:3: Quantity "x" is not a whole number',
    ]);
  });

  it('needs PAK, quantity, status, and a license name or SKU column', async () => {
    expect((await run('PAK,Qty,Status\nP1,1,OPEN\n')).issues).toEqual([
      'pak.csv:1:1: missing column "License" (or "License Name", "Description") or "SKU" (or "Product SKU")',
    ]);
    expect((await run('PAK,SKU,Qty\nP1,S,1\n')).issues).toEqual([
      'pak.csv:1:1: missing column "Status" (or "PAK_STATUS"); the columns found are "PAK", "SKU", "Qty"',
    ]);
  });
});
