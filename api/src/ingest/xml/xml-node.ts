import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { positionAt, type TextPosition } from '../json/text-chunks.js';

/**
 * An element as fast-xml-parser returns it with `alwaysCreateTextNode` and `captureMetaData`:
 * children by name, text under `#text`, and the element's source offsets under a symbol.
 */
export interface XmlNode {
  readonly [name: string]: unknown;
  readonly [meta: symbol]: unknown;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  captureMetaData: true,
  isArray: (name) => name === 'entitlement',
});

/**
 * Parses one element's source text (as cut by `xmlElements`, starting at `at`). fast-xml-parser
 * does not report line numbers, so each node's position is computed from the character offset
 * it records (`captureMetaData`) and the element's own position; malformed XML is reported with
 * the validator's line and column, shifted the same way.
 */
export function parseXmlElement(
  text: string,
  at: TextPosition,
):
  | { readonly ok: true; readonly root: XmlNode; readonly locate: (node: XmlNode) => TextPosition }
  | { readonly ok: false; readonly at: TextPosition; readonly message: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    // The validator counts from the element's start; messages may cite other positions too.
    const shift = (l: number, c: number) => ({
      line: at.line + l - 1,
      column: l === 1 ? at.column + c - 1 : c,
    });
    const message = msg.replace(/line (\d+), col (\d+)/g, (_match, l: string, c: string) => {
      const where = shift(Number(l), Number(c));
      return `line ${where.line}, column ${where.column}`;
    });
    return { ok: false, at: shift(line, col), message };
  }
  // Entity declarations are never part of Cisco's files, and expanding them is how XML files
  // attack parsers: refused wherever they sit, with their position.
  const doctype = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (doctype) {
    return {
      ok: false,
      at: positionAt(text, doctype.index, at),
      message: `a <!${(doctype[1] ?? '').toUpperCase()}> declaration is not allowed here (Cisco's files have none)`,
    };
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    return { ok: false, at, message: error instanceof Error ? error.message : String(error) };
  }
  const root = asNode(parsed);
  if (!root) return { ok: false, at, message: 'no element' };
  const locate = (node: XmlNode): TextPosition => {
    const meta: unknown = node[META];
    const start = isRecord(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : 0;
    return positionAt(text, start, at);
  };
  return { ok: true, root, locate };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNode(value: unknown): XmlNode | undefined {
  return isRecord(value) ? value : undefined;
}

/** The first child element named `name` (repeated elements: the first one). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  return asNode(Array.isArray(value) ? (value as unknown[])[0] : value);
}

/** All child elements named `name`. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(asNode).filter((item): item is XmlNode => item !== undefined);
}

/** An element's trimmed text; null when the element is absent or empty. */
export function textOf(node: XmlNode | undefined): string | null {
  const value = node?.['#text'];
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
}

/** The exact source text of a node (its offsets within the element text). */
export function sourceOf(node: XmlNode, text: string): string {
  const meta: unknown = node[META];
  if (!isRecord(meta) || typeof meta.startIndex !== 'number' || typeof meta.endIndex !== 'number') {
    return '';
  }
  return text.slice(meta.startIndex, meta.endIndex);
}
