// Loaded by cases/excel.ts through Vite (the add-in is TypeScript built by Vite), not compiled
// with the rest of the bench: the add-in's office/ adapter writing a Positions sheet into the
// behavioural fake workbook of its tests, which counts syncs and request bytes.
import { positionsSheet } from '../../../excel-addin/src/model/positions-sheet.js';
import { FakeWorkbook } from '../../../excel-addin/src/office/testing/fake-workbook.js';
import { writeSheet } from '../../../excel-addin/src/office/write-sheet.js';

/** Writes `rows` position lines (14 columns, as the task pane does) and reports the fake's counts. */
export async function benchWrite(rows: number) {
  const book = new FakeWorkbook();
  const model = positionsSheet(
    Array.from({ length: rows }, (_, i) => ({
      virtualAccountName: `Virtual Account ${i % 500}`,
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
  const stats = await writeSheet(book.createContext(), model); // key and highlight: the model's
  return {
    syncs: stats.syncs,
    largestRequestBytes: Math.max(...book.requests),
    payloadBytes: book.requests.reduce((sum, bytes) => sum + bytes, 0),
  };
}
