/** What the start of a CSV file says about how to read the rest. */
export type SniffedCsv =
  | {
      readonly kind: 'utf8';
      /** `,`, `;` or tab: whichever occurs most (outside quotes) in the header line. */
      readonly delimiter: string;
      /** Lines dropped before the first record (an Excel `sep=;` line). */
      readonly linesSkipped: number;
      /** The whole file as bytes, without BOM and `sep=` line, the sniffed head included. */
      readonly chunks: AsyncGenerator<Buffer>;
    }
  | { readonly kind: 'utf16' };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Give up looking for the end of the header line after this many bytes. */
const MAX_HEAD_BYTES = 1 << 20;
const CANDIDATES = [',', ';', '\t'] as const;

/** Turns text and byte chunks into Buffers, never splitting a UTF-16 surrogate pair. */
async function* toBuffers(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<Buffer> {
  let carry = '';
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      let text = carry + chunk;
      carry = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carry = text.slice(-1);
        text = text.slice(0, -1);
      }
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    } else {
      if (carry) yield Buffer.from(carry, 'utf8');
      carry = '';
      if (chunk.byteLength > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  if (carry) yield Buffer.from(carry, 'utf8');
}

/**
 * Index just past the first line break outside quotes that ends a non-empty line, or -1 when
 * more bytes are needed.
 */
function endOfFirstLine(head: Buffer, done: boolean): number {
  let quoted = false;
  let content = false;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i];
    const isBreak = !quoted && (byte === LF || byte === CR);
    if (isBreak && content) {
      if (byte === LF) return i + 1;
      if (i + 1 < head.length) return head[i + 1] === LF ? i + 2 : i + 1;
      return done ? i + 1 : -1;
    }
    if (!isBreak) content = true;
    if (byte === QUOTE) quoted = !quoted;
  }
  return done || head.length >= MAX_HEAD_BYTES ? head.length : -1;
}

function countOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === char) count++;
  }
  return count;
}

async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  let finished = false;
  try {
    if (head.length > 0) yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    finished = true;
  } finally {
    // Closes the caller's input when the reader stops early.
    if (!finished) await rest.return?.(undefined);
  }
}

/**
 * Reads just enough of `input` to see the header line, then decides the delimiter and strips a
 * UTF-8 BOM and an Excel `sep=X` line. Hand-rolled only this far: csv-parse reads the records.
 */
export async function sniffCsv(input: AsyncIterable<string | Uint8Array>): Promise<SniffedCsv> {
  const source = toBuffers(input)[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  let bomChecked = false;
  let end = -1;
  while (end < 0) {
    const next = await source.next();
    done = next.done === true;
    if (!done) head = Buffer.concat([head, next.value as Buffer]);
    if (!bomChecked) {
      if (!done && head.length < 3) continue;
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
        await source.return?.(undefined);
        return { kind: 'utf16' };
      }
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
      bomChecked = true;
    }
    end = endOfFirstLine(head, done);
  }
  const headerLine = head.subarray(0, end).toString('utf8').trim();
  const sep = /^sep=(.)$/i.exec(headerLine);
  if (sep?.[1]) {
    const chunks = replay(head.subarray(end), source);
    return { kind: 'utf8', delimiter: sep[1], linesSkipped: 1, chunks };
  }
  let delimiter: string = ',';
  let best = 0;
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(headerLine, candidate);
    if (count > best) [delimiter, best] = [candidate, count];
  }
  return { kind: 'utf8', delimiter, linesSkipped: 0, chunks: replay(head, source) };
}
