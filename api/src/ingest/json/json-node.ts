import type { TextPosition } from './text-chunks.js';

/** A parsed JSON value that remembers where it starts in the file. */
export type JsonNode =
  | JsonObjectNode
  | JsonArrayNode
  | { readonly type: 'string'; readonly at: TextPosition; readonly value: string }
  | { readonly type: 'number'; readonly at: TextPosition; readonly value: number }
  | { readonly type: 'boolean'; readonly at: TextPosition; readonly value: boolean }
  | { readonly type: 'null'; readonly at: TextPosition; readonly value: null };

/** A JSON object and where its `{` is. */
export interface JsonObjectNode {
  readonly type: 'object';
  readonly at: TextPosition;
  /** Later duplicates of a key win, as with `JSON.parse`. */
  readonly fields: Map<string, JsonNode>;
}

/** A JSON array and where its `[` is. */
export interface JsonArrayNode {
  readonly type: 'array';
  readonly at: TextPosition;
  readonly items: JsonNode[];
}

/**
 * The first of `names` present in `node`'s fields, with the name found (APIs spell the same
 * field in camelCase or snake_case).
 */
export function namedField(
  node: JsonObjectNode,
  names: readonly string[],
): { readonly name: string; readonly value: JsonNode } | undefined {
  for (const name of names) {
    const value = node.fields.get(name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/** The first of `names` present in `node`'s fields. */
export function field(node: JsonObjectNode, ...names: readonly string[]): JsonNode | undefined {
  return namedField(node, names)?.value;
}

/** `field` when the value is an object. */
export function objectField(
  node: JsonObjectNode,
  ...names: readonly string[]
): JsonObjectNode | undefined {
  const value = field(node, ...names);
  return value?.type === 'object' ? value : undefined;
}

/** A string or number field as trimmed text; null when absent, null, empty or of another type. */
export function textOf(node: JsonNode | undefined): string | null {
  if (node?.type === 'number') return String(node.value);
  if (node?.type !== 'string') return null;
  const text = node.value.trim();
  return text === '' ? null : text;
}

/** `textOf(field(node, ...names))`. */
export function textField(node: JsonObjectNode, ...names: readonly string[]): string | null {
  return textOf(field(node, ...names));
}

/** A readable name for a node's JSON type, for messages. */
export function describeType(node: JsonNode): string {
  return node.type === 'null' ? 'null' : `a JSON ${node.type}`;
}
