import type { JsonArrayNode, JsonNode, JsonObjectNode } from './json-node.js';
import { JsonStringReader } from './json-string.js';
import type { TextPosition } from './text-chunks.js';
import { FILE_START } from './text-chunks.js';

/**
 * What the parser reports: an element of a record array (`record`), a whole document
 * (`document`, with its record arrays left empty), or the first syntax error (`error`).
 */
export type JsonEvent =
  | { readonly type: 'record'; readonly key: string; readonly node: JsonNode }
  | { readonly type: 'document'; readonly node: JsonNode }
  | { readonly type: 'error'; readonly at: TextPosition; readonly message: string };

/** How `JsonStreamParser` splits its input into events. */
export interface JsonStreamOptions {
  /** Keys of document-level arrays whose elements are reported one by one and not kept. */
  readonly recordKeys?: readonly string[];
  /** Report each element of a root array as its own document (an array of paged responses). */
  readonly splitRootArray?: boolean;
  /** Position of the first character (for JSON embedded in another file). */
  readonly start?: TextPosition;
}

type Frame =
  | { readonly kind: 'object'; readonly node: JsonObjectNode; key: string }
  | { readonly kind: 'array'; readonly node: JsonArrayNode };

type Mode =
  | 'top'
  | 'value'
  | 'valueOrClose'
  | 'key'
  | 'keyOrClose'
  | 'colon'
  | 'afterValue'
  | 'string'
  | 'number'
  | 'literal'
  | 'failed';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHAR = /[-+.eE0-9]/;
const LITERAL_CHAR = /[a-z]/;
const LITERALS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

/**
 * An incremental JSON parser fed one text chunk at a time. It accepts several documents one
 * after another (`}{`, newline-separated), keeps a line and column for every value, and hands
 * out the elements of record arrays as soon as each is complete so memory stays bounded by the
 * largest element, not the file.
 */
export class JsonStreamParser {
  private line: number;
  private column: number;
  private mode: Mode = 'top';
  private readonly stack: Frame[] = [];
  private readonly recordKeys: ReadonlySet<string>;
  private readonly splitRootArray: boolean;
  private token = '';
  private tokenAt: TextPosition;
  private isKey = false;
  private readonly string = new JsonStringReader();
  private events: JsonEvent[] = [];

  constructor(options: JsonStreamOptions = {}) {
    this.recordKeys = new Set(options.recordKeys ?? []);
    this.splitRootArray = options.splitRootArray ?? false;
    ({ line: this.line, column: this.column } = options.start ?? FILE_START);
    this.tokenAt = options.start ?? FILE_START;
  }

  /** Parses the next chunk; returns what completed in it. */
  write(text: string): JsonEvent[] {
    this.events = [];
    let i = 0;
    while (i < text.length && this.mode !== 'failed') {
      const char = text.charAt(i);
      if (this.mode === 'string') {
        i = this.readString(text, i);
      } else if (this.mode === 'number' || this.mode === 'literal') {
        if ((this.mode === 'number' ? NUMBER_CHAR : LITERAL_CHAR).test(char)) {
          this.token += char;
          this.column++;
          i++;
        } else {
          this.finishToken(); // the current character is read again in the new mode
        }
      } else if (char === ' ' || char === '\t' || char === '\r') {
        this.column++;
        i++;
      } else if (char === '\n') {
        this.line++;
        this.column = 1;
        i++;
      } else {
        this.structural(char);
        this.column++;
        i++;
      }
    }
    return this.events;
  }

  /** Ends the input; reports a truncated document. */
  end(): JsonEvent[] {
    this.events = [];
    if (this.mode === 'number' || this.mode === 'literal') this.finishToken();
    if (this.mode !== 'top' && this.mode !== 'failed') this.fail('unexpected end of file');
    return this.events;
  }

  private here(): TextPosition {
    return { line: this.line, column: this.column };
  }

  private fail(message: string, at: TextPosition = this.here()): void {
    if (this.mode === 'failed') return;
    this.mode = 'failed';
    this.events.push({ type: 'error', at, message });
  }

  /** Handles a character outside strings and tokens (whitespace is skipped by `write`). */
  private structural(char: string): void {
    const top = this.stack.at(-1);
    switch (this.mode) {
      case 'top':
      case 'value':
      case 'valueOrClose':
        if (char === ']' && this.mode === 'valueOrClose') this.close();
        else this.startValue(char);
        return;
      case 'key':
      case 'keyOrClose':
        if (char === '}' && this.mode === 'keyOrClose') this.close();
        else if (char === '"') this.startString(true);
        else this.fail(`expected a property name in double quotes, found ${show(char)}`);
        return;
      case 'colon':
        if (char === ':') this.mode = 'value';
        else this.fail(`expected ':' after the property name, found ${show(char)}`);
        return;
      default: {
        const closer = top?.kind === 'object' ? '}' : ']';
        if (char === ',') this.mode = top?.kind === 'object' ? 'key' : 'value';
        else if (char === closer) this.close();
        else this.fail(`expected ',' or '${closer}', found ${show(char)}`);
      }
    }
  }

  private startValue(char: string): void {
    const at = this.here();
    if (char === '{') {
      this.stack.push({ kind: 'object', node: { type: 'object', at, fields: new Map() }, key: '' });
      this.mode = 'keyOrClose';
    } else if (char === '[') {
      this.stack.push({ kind: 'array', node: { type: 'array', at, items: [] } });
      this.mode = 'valueOrClose';
    } else if (char === '"') {
      this.startString(false);
    } else if (char === '-' || (char >= '0' && char <= '9') || LITERAL_CHAR.test(char)) {
      this.mode = char === '-' || char <= '9' ? 'number' : 'literal';
      this.token = char;
      this.tokenAt = at;
    } else {
      this.fail(`unexpected ${show(char)}`);
    }
  }

  private startString(isKey: boolean): void {
    this.isKey = isKey;
    this.string.reset();
    this.tokenAt = this.here();
    this.mode = 'string';
  }

  private readString(text: string, i: number): number {
    const step = this.string.read(text, i);
    this.column += step.next - i;
    if (step.error !== undefined) this.fail(step.error);
    else if (step.done) this.endString();
    return step.next;
  }

  private endString(): void {
    const top = this.stack.at(-1);
    if (this.isKey && top?.kind === 'object') {
      top.key = this.string.value;
      this.mode = 'colon';
    } else {
      this.complete({ type: 'string', at: this.tokenAt, value: this.string.value });
    }
  }

  private finishToken(): void {
    const at = this.tokenAt;
    if (this.mode === 'number') {
      if (NUMBER.test(this.token)) this.complete({ type: 'number', at, value: Number(this.token) });
      else this.fail(`invalid number ${show(this.token)}`, at);
    } else {
      const value = LITERALS[this.token];
      if (value === undefined) this.fail(`unexpected ${show(this.token)}`, at);
      else if (value === null) this.complete({ type: 'null', at, value });
      else this.complete({ type: 'boolean', at, value });
    }
  }

  private close(): void {
    const frame = this.stack.pop();
    if (frame) this.complete(frame.node);
  }

  /** Places a finished value: in its parent, or out as an event. */
  private complete(node: JsonNode): void {
    const depth = this.stack.length;
    const parent = this.stack[depth - 1];
    this.mode = 'afterValue';
    if (!parent) {
      this.mode = 'top';
      const splitRoot = this.splitRootArray && node.type === 'array';
      if (!splitRoot) this.events.push({ type: 'document', node });
    } else if (parent.kind === 'object') {
      parent.node.fields.set(parent.key, node);
    } else if (depth === 1 && this.splitRootArray) {
      this.events.push({ type: 'document', node });
    } else if (this.isRecordArray(depth - 1)) {
      const owner = this.stack[depth - 2];
      this.events.push({ type: 'record', key: owner?.kind === 'object' ? owner.key : '', node });
    } else {
      parent.node.items.push(node);
    }
  }

  /** Whether `stack[index]` is an array under a record key of a document-level object. */
  private isRecordArray(index: number): boolean {
    const owner = this.stack[index - 1];
    if (owner?.kind !== 'object' || !this.recordKeys.has(owner.key)) return false;
    const ownerIndex = index - 1;
    return (
      ownerIndex === 0 ||
      (ownerIndex === 1 && this.splitRootArray && this.stack[0]?.kind === 'array')
    );
  }
}

function show(text: string): string {
  return JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
}

/** Parses one complete JSON text (no streaming); positions start at `start`. */
export function parseJsonText(
  text: string,
  start: TextPosition = FILE_START,
):
  | { readonly ok: true; readonly node: JsonNode }
  | { readonly ok: false; readonly at: TextPosition; readonly message: string } {
  const parser = new JsonStreamParser({ start });
  const events = [...parser.write(text), ...parser.end()];
  const error = events.find((event) => event.type === 'error');
  if (error?.type === 'error') return { ok: false, at: error.at, message: error.message };
  const [first, second] = events;
  if (first?.type !== 'document') return { ok: false, at: start, message: 'no JSON value' };
  if (second?.type === 'document') {
    return { ok: false, at: second.node.at, message: 'unexpected data after the JSON value' };
  }
  return { ok: true, node: first.node };
}
