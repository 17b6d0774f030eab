/** Charts on a worksheet: add, name, title, position, delete. */
import { toAddress } from '../address.js';
import { jsonBytes } from '../payload.js';

import { FakeExcelError, type FakeChartData, type FakeSheet } from './fake-cells.js';
import { Loadable, type FakeContext } from './fake-context.js';
import type { FakeRange } from './fake-range.js';

export class FakeCharts {
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
