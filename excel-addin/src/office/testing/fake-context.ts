/**
 * The request context: commands queue and apply only at `sync()`, a request or response over
 * the cap is refused whole, and a proxy's property reads throw until it is loaded and synced.
 */
import { jsonBytes } from '../payload.js';

import { FakeExcelError, type FakeSheet, type FakeTableData } from './fake-cells.js';

/** The workbook state a context applies its commands to (see FakeWorkbook). */
export interface FakeBookState {
  readonly sheets: Map<string, FakeSheet>;
  readonly tables: Map<string, FakeTableData>;
  readonly requests: number[];
  readonly limitBytes: number;
  syncs: number;
  suspendedWriteSyncs: number;
  activeSheet: string | undefined;
  newChartName(): string;
  newTableName(): string;
}

export interface Action {
  bytes: number;
  writesCells?: boolean;
  suspendsCalculation?: boolean;
  apply: () => void;
}

/** Envelope bytes office.js adds per action (object path + action id), roughly. */
const ENVELOPE_BYTES = 60;

export class FakeContext {
  readonly pending: Action[] = [];

  constructor(readonly book: FakeBookState) {}

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
export class Loadable {
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
