/**
 * A behavioural fake of the Excel JavaScript API, for tests of src/office and for the browser
 * test's fake host. It behaves like Excel where the adapter's correctness depends on it:
 *
 * - commands are queued and applied only at `context.sync()` (which it counts);
 * - reading a property that was not `load`ed and synced throws `PropertyNotLoaded`;
 * - a request (or response) over 5 MB is refused whole with `RequestPayloadSizeLimitExceeded`;
 * - `formulas`/`values` input is parsed as Excel parses typing: `=…` is a formula, a leading
 *   apostrophe keeps text as text, numeric strings become numbers;
 * - array dimensions must match the range; tables may not overlap; names are unique.
 *
 * Only the API surface the add-in uses exists. Cells are addressed 0-based internally.
 */
import { EXCEL_REQUEST_LIMIT_BYTES } from '../payload.js';

import { readBox, type FakeScalar, type FakeSheet, type FakeTableData } from './fake-cells.js';
import { FakeContext, type FakeBookState } from './fake-context.js';
import { FakeTables, FakeWorksheets } from './fake-worksheet.js';

export {
  FORMULA_RESULT,
  FakeExcelError,
  type FakeCell,
  type FakeChartData,
  type FakeScalar,
  type FakeSheet,
  type FakeTableData,
} from './fake-cells.js';

/** What the tests inspect. */
export class FakeWorkbook implements FakeBookState {
  readonly sheets = new Map<string, FakeSheet>();
  readonly tables = new Map<string, FakeTableData>();
  readonly settings = new Map<string, unknown>();
  /** Bytes of each request that reached the workbook, in order. */
  readonly requests: number[] = [];
  syncs = 0;
  /** Syncs whose batch wrote cells while API calculation was suspended. */
  suspendedWriteSyncs = 0;
  activeSheet: string | undefined;
  private tableCounter = 0;
  private chartCounter = 0;

  constructor(readonly limitBytes = EXCEL_REQUEST_LIMIT_BYTES) {}

  /** A new request context, as `Excel.run` hands one to its callback. */
  createContext(): Excel.RequestContext {
    return withWorkbook(new FakeContext(this)) as unknown as Excel.RequestContext;
  }

  /** `Excel.run` bound to this workbook (syncs what the callback left queued, like Excel). */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = withWorkbook(new FakeContext(this));
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending.length > 0) await context.sync();
    return result;
  };

  /** The sheet's used cells as a grid of values from A1 (formulas as `=…` strings). */
  grid(sheetName: string, what: 'values' | 'formulas' = 'values'): FakeScalar[][] {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    let rows = 0;
    let cols = 0;
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return readBox(sheet, { row: 0, col: 0, rows, cols }, what);
  }

  newChartName(): string {
    this.chartCounter += 1;
    return `Chart ${this.chartCounter}`;
  }

  newTableName(): string {
    this.tableCounter += 1;
    return `Table${this.tableCounter}`;
  }
}

/** A context with its `workbook` proxy, as Excel.run hands one out. */
function withWorkbook(context: FakeContext): FakeContext & { workbook: FakeWorkbookProxy } {
  return Object.assign(context, { workbook: new FakeWorkbookProxy(context) });
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  };

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx, undefined);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.queue({ bytes: 40, suspendsCalculation: true, apply: () => undefined }),
      suspendScreenUpdatingUntilNextSync: () => ctx.queue({ bytes: 40, apply: () => undefined }),
    };
  }
}
