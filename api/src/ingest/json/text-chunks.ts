import { TextDecoder } from 'node:util';

/** A 1-based line and column in a text file (columns count UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The first position of a file. */
export const FILE_START: TextPosition = { line: 1, column: 1 };

/**
 * Turns a parser's input (text or byte chunks) into text chunks without loading the file whole.
 * Bytes are UTF-8 unless they start with a UTF-16 byte-order mark; a leading BOM is dropped and
 * multi-byte characters split across chunks are kept whole.
 */
export async function* decodeChunks(
  input: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === 'string') {
      text = decoder ? decoder.decode() + chunk : chunk;
    } else {
      decoder ??= new TextDecoder(encodingOf(chunk));
      text = decoder.decode(chunk, { stream: true });
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  const tail = decoder?.decode() ?? '';
  if (tail.length > 0) yield tail;
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The position reached after reading `text` from `start`. */
export function advancePosition(start: TextPosition, text: string): TextPosition {
  let newlines = 0;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    newlines++;
    lastBreak = i;
  }
  if (newlines === 0) return { line: start.line, column: start.column + text.length };
  return { line: start.line + newlines, column: text.length - lastBreak };
}

/** Position of `text[offset]` when `text[0]` sits at `start`. */
export function positionAt(text: string, offset: number, start: TextPosition): TextPosition {
  return advancePosition(start, text.slice(0, offset));
}
