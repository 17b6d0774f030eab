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
import { type Box, parseAddress, toAddress } from '../address.js';
import { EXCEL_REQUEST_LIMIT_BYTES, jsonBytes } from '../payload.js';

export type FakeScalar = string | number | boolean | null;

export interface FakeCell {
  value: FakeScalar;
  formula?: string;
  numberFormat?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  conditionalFormats: { address: string; rule: unknown; fill?: string }[];
  validations: { address: string; rule: unknown }[];
  charts: FakeChartData[];
}

export interface FakeChartData {
  type: string;
  source: string;
  name: string;
  title?: string;
  position?: string;
}

export interface FakeTableData {
  name: string;
  sheet: FakeSheet;
  box: Box;
}

/** What the tests inspect. */
export class FakeWorkbook {
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
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /** `Excel.run` bound to this workbook (syncs what the callback left queued, like Excel). */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
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

/** The error office.js raises (OfficeExtension.Error carries a `code`). */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

interface Action {
  bytes: number;
  writesCells?: boolean;
  suspendsCalculation?: boolean;
  apply: () => void;
}

/** Envelope bytes office.js adds per action (object path + action id), roughly. */
const ENVELOPE_BYTES = 60;

class FakeContext {
  readonly pending: Action[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  private responseBytes = 0;

  queue(action: Action): void {
    this.pending.push(action);
  }

  /** Counts a loaded snapshot toward this sync's response; Excel refuses one over 5 MB. */
  respond(bytes: number): void {
    this.responseBytes += bytes;
    if (this.responseBytes > this.book.limitBytes) {
      throw new FakeExcelError(
        'ResponsePayloadSizeLimitExceeded',
        `the response is over ${this.book.limitBytes} bytes`,
      );
    }
  }

  async sync(): Promise<void> {
    const batch = this.pending.splice(0);
    const bytes = batch.reduce((sum, a) => sum + a.bytes + ENVELOPE_BYTES, 0);
    this.book.syncs += 1;
    if (bytes > this.book.limitBytes) {
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        `the request is ${bytes} bytes; the limit is ${this.book.limitBytes}`,
      );
    }
    this.book.requests.push(bytes);
    if (batch.some((a) => a.writesCells) && batch.some((a) => a.suspendsCalculation)) {
      this.book.suspendedWriteSyncs += 1;
    }
    this.responseBytes = 0;
    for (const action of batch) action.apply();
  }
}

/** Base of every proxy: load-before-read bookkeeping. */
class Loadable {
  protected loaded: Record<string, unknown> | undefined;
  isNull = false;

  constructor(protected readonly ctx: FakeContext) {}

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  load(props?: string | string[]): this {
    const wanted =
      props === undefined
        ? undefined
        : (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim());
    this.ctx.queue({
      bytes: 40,
      apply: () => {
        const all = this.isNull ? {} : this.snapshot();
        // Only what was asked for crosses the wire (and counts toward the response cap).
        const sent = wanted
          ? Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k)))
          : all;
        this.ctx.respond(jsonBytes(sent));
        this.loaded = { ...this.loaded, ...sent, isNullObject: this.isNull };
      },
    });
    return this;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded || !(prop in this.loaded)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded[prop] as T;
  }

  get isNullObject(): boolean {
    if (!this.loaded) return this.read<boolean>('isNullObject');
    return this.isNull;
  }
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

class FakeWorksheets {
  constructor(private readonly ctx: FakeContext) {}

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.book.sheets.get(name);
      if (!sheet) throw new FakeExcelError('ItemNotFound', `no worksheet named ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.book.sheets.get(name);
      if (!sheet) throw new FakeExcelError('InvalidOperation', 'used a null worksheet');
      return sheet;
    });
    proxy.nullCheck = () => !this.ctx.book.sheets.has(name);
    return proxy;
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue({
      bytes: jsonBytes(name),
      apply: () => {
        if (this.ctx.book.sheets.has(name)) {
          throw new FakeExcelError('ItemAlreadyExists', `a worksheet named ${name} exists`);
        }
        this.ctx.book.sheets.set(name, {
          name,
          cells: new Map(),
          conditionalFormats: [],
          validations: [],
          charts: [],
        });
      },
    });
    return this.getItem(name);
  }
}

class FakeWorksheet extends Loadable {
  nullCheck: (() => boolean) | undefined;
  readonly tables: FakeTables;
  readonly charts: FakeCharts;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, () => this.resolve());
  }

  protected override snapshot(): Record<string, unknown> {
    return { name: this.resolve().name };
  }

  override load(props?: string | string[]): this {
    this.ctx.queue({
      bytes: 0,
      apply: () => {
        this.isNull = this.nullCheck?.() ?? false;
      },
    });
    return super.load(props);
  }

  get name(): string {
    return this.read('name');
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.resolve(),
      box: address ? parseAddress(address) : { row: 0, col: 0, rows: 1_048_576, cols: 16_384 },
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.resolve(),
      box: { row, col, rows, cols },
    }));
  }

  activate(): void {
    this.ctx.queue({ bytes: 20, apply: () => (this.ctx.book.activeSheet = this.resolve().name) });
  }
}

class FakeCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, source: FakeRange, _seriesBy?: string): FakeChart {
    const data: FakeChartData = { type, source: '', name: this.ctx.book.newChartName() };
    this.ctx.queue({
      bytes: 60,
      apply: () => {
        data.source = toAddress(source.resolveBox().box);
        this.sheet().charts.push(data);
      },
    });
    return new FakeChart(this.ctx, () => data, this.sheet);
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(
      this.ctx,
      () => this.sheet().charts.find((c) => c.name === name),
      this.sheet,
    );
  }
}

class FakeChart extends Loadable {
  readonly title: { text: string };

  constructor(
    ctx: FakeContext,
    private readonly data: () => FakeChartData | undefined,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    const chart = () => this.existing();
    this.title = {
      set text(text: string) {
        ctx.queue({ bytes: jsonBytes(text), apply: () => (chart().title = text) });
      },
      get text(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'chart title is write-only here');
      },
    };
  }

  private existing(): FakeChartData {
    const data = this.data();
    if (!data) throw new FakeExcelError('ItemNotFound', 'the chart does not exist');
    return data;
  }

  override load(props?: string | string[]): this {
    this.ctx.queue({ bytes: 0, apply: () => (this.isNull = this.data() === undefined) });
    return super.load(props);
  }

  protected override snapshot(): Record<string, unknown> {
    return { name: this.existing().name };
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.ctx.queue({ bytes: jsonBytes(name), apply: () => (this.existing().name = name) });
  }

  setPosition(from: string, to: string): void {
    this.ctx.queue({ bytes: 40, apply: () => (this.existing().position = `${from}:${to}`) });
  }

  delete(): void {
    this.ctx.queue({
      bytes: 20,
      apply: () => {
        const charts = this.sheet().charts;
        charts.splice(charts.indexOf(this.existing()), 1);
      },
    });
  }
}

type Resolved = { sheet: FakeSheet; box: Box };

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly resolveBox: () => Resolved,
  ) {
    super(ctx);
  }

  protected override snapshot(): Record<string, unknown> {
    const { sheet, box } = this.resolveBox();
    return {
      values: readBox(sheet, box, 'values'),
      formulas: readBox(sheet, box, 'formulas'),
      numberFormat: readBox(sheet, box, 'numberFormat'),
      address: `${sheet.name}!${toAddress(box)}`,
      rowCount: box.rows,
      columnCount: box.cols,
      rowIndex: box.row,
      columnIndex: box.col,
    };
  }

  get values(): FakeScalar[][] {
    return this.read('values');
  }
  set values(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => Object.assign(cell, parseInput(input)));
  }
  get formulas(): FakeScalar[][] {
    return this.read('formulas');
  }
  set formulas(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => Object.assign(cell, parseInput(input)));
  }
  get numberFormat(): FakeScalar[][] {
    return this.read('numberFormat');
  }
  set numberFormat(grid: FakeScalar[][]) {
    this.write(grid, (cell, input) => (cell.numberFormat = String(input)));
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }

  private write(grid: FakeScalar[][], set: (cell: FakeCell, input: FakeScalar) => void): void {
    const copy = grid.map((row) => [...row]);
    this.ctx.queue({
      bytes: jsonBytes(copy),
      writesCells: true,
      apply: () => {
        const { sheet, box } = this.resolveBox();
        if (copy.length !== box.rows || copy.some((row) => row.length !== box.cols)) {
          throw new FakeExcelError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${toAddress(box)}.`,
          );
        }
        copy.forEach((row, r) =>
          row.forEach((input, c) => {
            const key = `${box.row + r},${box.col + c}`;
            const cell = sheet.cells.get(key) ?? { value: null };
            set(cell, input);
            sheet.cells.set(key, cell);
          }),
        );
      },
    });
  }

  clear(): void {
    this.ctx.queue({
      bytes: 20,
      apply: () => {
        const { sheet, box } = this.resolveBox();
        for (const key of [...sheet.cells.keys()]) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          if (inBox(box, r, c)) sheet.cells.delete(key);
        }
        // Like Excel: clearing cells drops their formats and validation, not the charts.
        sheet.conditionalFormats.length = 0;
        sheet.validations.length = 0;
      },
    });
  }

  readonly format = { autofitColumns: () => this.ctx.queue({ bytes: 20, apply: () => undefined }) };

  readonly conditionalFormats = {
    add: (_type: string) => {
      const record: { address: string; rule: unknown; fill?: string } = { address: '', rule: {} };
      this.ctx.queue({
        bytes: 40,
        apply: () => {
          const { sheet, box } = this.resolveBox();
          record.address = toAddress(box);
          sheet.conditionalFormats.push(record);
        },
      });
      const ctx = this.ctx;
      return {
        cellValue: {
          format: {
            fill: {
              set color(color: string) {
                ctx.queue({ bytes: 20, apply: () => (record.fill = color) });
              },
            },
            font: { color: '' },
          },
          set rule(rule: unknown) {
            ctx.queue({ bytes: jsonBytes(rule), apply: () => (record.rule = rule) });
          },
        },
      };
    },
  };

  /** Data validation as office.js sets it: `range.dataValidation.rule = {...}`. */
  get dataValidation(): { clear(): void; rule: unknown } {
    const ctx = this.ctx;
    const resolveBox = this.resolveBox;
    return {
      clear: () => ctx.queue({ bytes: 20, apply: () => undefined }),
      set rule(rule: unknown) {
        ctx.queue({
          bytes: jsonBytes(rule),
          apply: () => {
            const { sheet, box } = resolveBox();
            sheet.validations.push({ address: toAddress(box), rule });
          },
        });
      },
      get rule(): unknown {
        throw new FakeExcelError('PropertyNotLoaded', 'dataValidation.rule is write-only here');
      },
    };
  }
}

class FakeTables {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet | undefined,
  ) {}

  add(source: FakeRange | string, _hasHeaders: boolean): FakeTable {
    const holder: { name?: string } = {};
    this.ctx.queue({
      bytes: 40,
      apply: () => {
        const { sheet, box } =
          typeof source === 'string'
            ? { sheet: this.requireSheet(), box: parseAddress(source) }
            : source.resolveBox();
        for (const other of this.ctx.book.tables.values()) {
          if (other.sheet === sheet && overlaps(other.box, box)) {
            throw new FakeExcelError('InvalidArgument', `tables ${other.name} would overlap`);
          }
        }
        const name = this.ctx.book.newTableName();
        this.ctx.book.tables.set(name, { name, sheet, box });
        holder.name = name;
      },
    });
    return new FakeTable(this.ctx, () => holder.name);
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, () => (this.ctx.book.tables.has(name) ? name : undefined));
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => name);
  }

  private requireSheet(): FakeSheet {
    if (!this.sheet) throw new FakeExcelError('InvalidArgument', 'address needs a sheet');
    return this.sheet.resolve();
  }
}

class FakeTable extends Loadable {
  constructor(
    ctx: FakeContext,
    private currentName: () => string | undefined,
  ) {
    super(ctx);
  }

  private data(): FakeTableData {
    const name = this.currentName();
    const table = name === undefined ? undefined : this.ctx.book.tables.get(name);
    if (!table) throw new FakeExcelError('ItemNotFound', 'the table does not exist');
    return table;
  }

  override load(props?: string | string[]): this {
    this.ctx.queue({ bytes: 0, apply: () => (this.isNull = this.currentName() === undefined) });
    return super.load(props);
  }

  protected override snapshot(): Record<string, unknown> {
    return { name: this.data().name };
  }

  get name(): string {
    return this.read('name');
  }
  set name(next: string) {
    this.ctx.queue({
      bytes: jsonBytes(next),
      apply: () => {
        const table = this.data();
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(next) || this.ctx.book.tables.has(next)) {
          throw new FakeExcelError('InvalidArgument', `bad or duplicate table name ${next}`);
        }
        this.ctx.book.tables.delete(table.name);
        table.name = next;
        this.ctx.book.tables.set(next, table);
        this.currentName = () => next;
      },
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.data().sheet, box: this.data().box }));
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.data();
      return { sheet, box: { ...box, rows: 1 } };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.data().sheet);
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.data();
      return { sheet, box: { ...box, row: box.row + 1, rows: box.rows - 1 } };
    });
  }

  delete(): void {
    this.ctx.queue({
      bytes: 20,
      apply: () => {
        const table = this.data();
        this.ctx.book.tables.delete(table.name);
        for (const key of [...table.sheet.cells.keys()]) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          if (inBox(table.box, r, c)) table.sheet.cells.delete(key);
        }
      },
    });
  }
}

/** Excel's parse of typed input: `=` formula, `'` text, numeric strings become numbers. */
function parseInput(input: FakeScalar): FakeCell {
  if (typeof input !== 'string') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input === '') return { value: null };
  if (/^[=+\-@]/.test(input) && !Number.isFinite(Number(input))) {
    return { value: FORMULA_RESULT, formula: input.startsWith('=') ? input : `=${input}` };
  }
  if (input.trim() !== '' && Number.isFinite(Number(input))) return { value: Number(input) };
  return { value: input };
}

/** The fake does not calculate: a formula cell's value reads as this marker. */
export const FORMULA_RESULT = '#FAKE_FORMULA_RESULT';

function readBox(
  sheet: FakeSheet,
  box: Box,
  what: 'values' | 'formulas' | 'numberFormat',
): FakeScalar[][] {
  const grid: FakeScalar[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: FakeScalar[] = [];
    for (let c = 0; c < box.cols; c++) {
      const cell = sheet.cells.get(`${box.row + r},${box.col + c}`);
      if (what === 'numberFormat') row.push(cell?.numberFormat ?? 'General');
      else if (what === 'formulas' && cell?.formula !== undefined) row.push(cell.formula);
      else row.push(cell?.value ?? '');
    }
    grid.push(row);
  }
  return grid;
}

function inBox(box: Box, r: number, c: number): boolean {
  return r >= box.row && r < box.row + box.rows && c >= box.col && c < box.col + box.cols;
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}
