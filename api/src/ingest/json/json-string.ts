const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** What one `read` did: where it stopped, whether the string ended, or why it is invalid. */
export interface StringStep {
  /** Index after the last character consumed (the failing character is not consumed). */
  readonly next: number;
  readonly done: boolean;
  readonly error?: string;
}

/**
 * Reads the content of a JSON string (after its opening quote) across chunk boundaries,
 * including escapes split between chunks. A valid string never contains a raw line break, so
 * the caller advances its column by `next - i`.
 */
export class JsonStringReader {
  value = '';
  private escape: '' | '\\' | 'u' = '';
  private hex = '';

  reset(): void {
    this.value = '';
    this.escape = '';
    this.hex = '';
  }

  /** Consumes `text` from index `i` until the closing quote, an error or the chunk's end. */
  read(text: string, i: number): StringStep {
    let index = i;
    while (index < text.length) {
      const char = text.charAt(index);
      if (this.escape === '\\') {
        const mapped = ESCAPES[char];
        if (char === 'u') this.escape = 'u';
        else if (mapped === undefined)
          return { next: index, done: false, error: `invalid escape '\\${char}'` };
        else [this.value, this.escape] = [this.value + mapped, ''];
      } else if (this.escape === 'u') {
        if (!/[0-9a-fA-F]/.test(char))
          return { next: index, done: false, error: 'invalid \\u escape' };
        this.hex += char;
        if (this.hex.length === 4) {
          this.value += String.fromCharCode(parseInt(this.hex, 16));
          [this.hex, this.escape] = ['', ''];
        }
      } else if (char === '\\') {
        this.escape = '\\';
      } else if (char === '"') {
        return { next: index + 1, done: true };
      } else if (char < ' ') {
        return { next: index, done: false, error: 'unescaped control character in a string' };
      } else {
        let end = index + 1;
        for (let code = text.charCodeAt(end); end < text.length; code = text.charCodeAt(++end)) {
          if (code < 0x20 || code === 0x22 || code === 0x5c) break; // control, '"', '\\'
        }
        this.value += text.slice(index, end);
        index = end;
        continue;
      }
      index++;
    }
    return { next: index, done: false };
  }
}
