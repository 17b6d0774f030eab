/** Worksheets and the tables on them (a table knows its worksheet, a worksheet its tables). */
import { parseAddress } from '../address.js';
import { jsonBytes } from '../payload.js';

import {
  FakeExcelError,
  inBox,
  overlaps,
  type FakeSheet,
  type FakeTableData,
} from './fake-cells.js';
import { FakeCharts } from './fake-chart.js';
import { Loadable, type FakeContext } from './fake-context.js';
import { FakeRange } from './fake-range.js';

export class FakeWorksheets {
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

export class FakeWorksheet extends Loadable {
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

export class FakeTables {
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
