import { advancePosition, FILE_START, type TextPosition } from '../json/text-chunks.js';

/** The source text of one element and where it starts (`complete` false: cut off by the end). */
export interface XmlElementText {
  readonly text: string;
  readonly at: TextPosition;
  readonly complete: boolean;
}

/** Markup whose content is skipped when looking for tags: comments, CDATA, PIs, DOCTYPE. */
const SKIPPED: readonly (readonly [string, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];
const LONGEST_OPENER = 9;

/**
 * Streams the outermost `<tagName>` elements of an XML file, wherever they sit (under any root
 * or wrapper, several in a row), as source text with the line and column of their `<`. Only one
 * element is held in memory at a time. Comments and CDATA are skipped, so a `</tagName>` inside
 * a CDATA payload does not end the element. Elements of this name are assumed not to nest.
 */
export async function* xmlElements(
  chunks: AsyncIterable<string>,
  tagName: string,
): AsyncGenerator<XmlElementText> {
  const splitter = new ElementSplitter(tagName);
  for await (const chunk of chunks) yield* splitter.write(chunk);
  yield* splitter.end();
}

class ElementSplitter {
  private buffer = '';
  /** Position of `buffer[0]` in the file. */
  private origin: TextPosition = FILE_START;
  /** Where to look next; `start` is the element's `<` when inside one. */
  private scan = 0;
  private start = -1;
  private readonly open: string;
  private readonly close: RegExp;

  constructor(private readonly tagName: string) {
    this.open = `<${tagName}`;
    this.close = new RegExp(`^</${tagName}\\s*>`);
  }

  private final = false;

  *write(chunk: string): Generator<XmlElementText> {
    this.buffer += chunk;
    yield* this.drain();
  }

  *end(): Generator<XmlElementText> {
    this.final = true;
    yield* this.drain();
    if (this.start !== -1) {
      const text = this.buffer.slice(this.start);
      yield { text, at: this.positionOf(this.start), complete: false };
    }
  }

  private *drain(): Generator<XmlElementText> {
    for (;;) {
      const lt = this.buffer.indexOf('<', this.scan);
      if (lt === -1) {
        if (this.start === -1) this.drop(this.buffer.length);
        else this.scan = this.buffer.length;
        return;
      }
      if (this.start === -1) this.drop(lt);
      const at = this.start === -1 ? 0 : lt;
      const step = this.step(at);
      if (step === 'wait') return;
      if (typeof step === 'object') yield step;
    }
  }

  /** Classifies the markup at `buffer[lt] === '<'`; moves `scan` past it. */
  private step(lt: number): 'wait' | 'next' | XmlElementText {
    const need = Math.max(LONGEST_OPENER, this.tagName.length + 3);
    const rest = this.buffer.slice(lt, lt + need);
    if (rest.length < need && !this.final) return this.waitAt(lt);
    const skipped = SKIPPED.find(([opener]) => rest.startsWith(opener));
    if (skipped) {
      const end = this.buffer.indexOf(skipped[1], lt + skipped[0].length);
      if (end === -1) return this.waitAt(lt);
      this.scan = end + skipped[1].length;
      return 'next';
    }
    if (this.start === -1 && this.isOpenTag(rest)) {
      const gt = this.buffer.indexOf('>', lt);
      if (gt === -1) return this.waitAt(lt);
      this.start = lt;
      this.scan = gt + 1;
      return this.buffer.charAt(gt - 1) === '/' ? this.emit(gt + 1) : 'next';
    }
    if (this.start !== -1 && rest.startsWith(`</${this.tagName}`)) {
      const gt = this.buffer.indexOf('>', lt);
      if (gt === -1) return this.waitAt(lt);
      if (this.close.test(this.buffer.slice(lt, gt + 1))) return this.emit(gt + 1);
    }
    this.scan = lt + 1;
    return 'next';
  }

  private isOpenTag(rest: string): boolean {
    return rest.startsWith(this.open) && /[\s/>]/.test(rest.charAt(this.open.length));
  }

  private waitAt(lt: number): 'wait' {
    this.scan = lt;
    return 'wait';
  }

  private emit(end: number): XmlElementText {
    const element = {
      text: this.buffer.slice(this.start, end),
      at: this.positionOf(this.start),
      complete: true,
    };
    this.start = -1;
    this.drop(end);
    return element;
  }

  private positionOf(index: number): TextPosition {
    return advancePosition(this.origin, this.buffer.slice(0, index));
  }

  /** Forgets `buffer[0, count)`, keeping positions right. */
  private drop(count: number): void {
    if (count === 0) return;
    this.origin = advancePosition(this.origin, this.buffer.slice(0, count));
    this.buffer = this.buffer.slice(count);
    this.scan = Math.max(0, this.scan - count);
  }
}
