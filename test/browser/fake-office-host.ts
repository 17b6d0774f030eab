/**
 * Stands in for office.js in the browser test: an Excel host whose workbook is the behavioural
 * FakeWorkbook. Bundled to an IIFE by the test and served where the page expects office.js.
 */
import { FakeWorkbook } from '../../excel-addin/src/office/testing/fake-workbook.js';

const book = new FakeWorkbook();

Object.assign(window, {
  __trueupWorkbook: book,
  Office: {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
  },
  Excel: { run: book.run },
});
