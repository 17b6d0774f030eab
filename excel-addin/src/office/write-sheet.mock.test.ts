import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';

import { writeSheet } from './write-sheet.js';

/**
 * The adapter against office-addin-mock (the Office templates' mocking library): it records
 * what writeSheet queues on a fresh workbook. The behavioural checks (load-before-read, 5 MB,
 * formulas vs values) are in write-sheet.test.ts against FakeWorkbook.
 */
function mockWorkbook() {
  const log: string[] = [];
  const ranges: { at: number[]; formulas?: unknown; numberFormat?: unknown }[] = [];
  const nullObject = () => ({ isNullObject: true, load: () => undefined });
  const sheet = {
    getRangeByIndexes(...at: number[]) {
      const range = {
        at,
        format: { autofitColumns: () => log.push('autofit') },
        conditionalFormats: {
          add: () => ({ cellValue: { format: { fill: {}, font: {} }, rule: {} } }),
        },
      };
      ranges.push(range);
      return range;
    },
    tables: {
      add: () => {
        log.push('table');
        return {};
      },
    },
    activate: () => log.push('activate'),
  };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: { getItemOrNullObject: nullObject, add: () => (log.push('add sheet'), sheet) },
        tables: { getItemOrNullObject: nullObject },
        application: {
          suspendApiCalculationUntilNextSync: () => log.push('suspend calculation'),
        },
      },
    },
  }) as unknown as { context: { sync(): Promise<void> } };
  const context = mock.context;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    log.push('sync');
    await sync();
  };
  return { context: context as unknown as Excel.RequestContext, log, ranges };
}

describe('writeSheet (office-addin-mock)', () => {
  it('creates the sheet, suspends calculation, writes header and rows, then the table', async () => {
    const { context, log, ranges } = mockWorkbook();
    const stats = await writeSheet(context, {
      name: 'Positions',
      tableName: 'Positions',
      inputs: [],
      columns: [{ header: 'License' }, { header: 'Owned', numberFormat: '0' }],
      rows: [
        ['=HYPERLINK("x")', 3],
        ['DNA', 4],
      ],
      highlightPositive: 'Owned',
    });
    expect(log).toEqual([
      'sync',
      'add sheet',
      'suspend calculation',
      'table',
      'autofit',
      'activate',
      'sync',
    ]);
    expect(stats.syncs).toBe(2);
    expect(ranges.find((r) => r.at.join() === '0,0,1,2')?.formulas).toEqual([['License', 'Owned']]);
    expect(ranges.find((r) => r.at.join() === '1,0,2,2')?.formulas).toEqual([
      [`'=HYPERLINK("x")`, 3],
      ['DNA', 4],
    ]);
    expect(ranges.find((r) => r.at.join() === '1,1,2,1')?.numberFormat).toEqual([['0'], ['0']]);
  });
});
