import { describe, expect, it } from 'vitest';

import type { JsonNode } from './json-node.js';
import {
  JsonStreamParser,
  parseJsonText,
  type JsonEvent,
  type JsonStreamOptions,
} from './json-stream.js';

function parseInChunks(text: string, size: number, options: JsonStreamOptions = {}): JsonEvent[] {
  const parser = new JsonStreamParser(options);
  const events: JsonEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.write(text.slice(i, i + size)));
  return [...events, ...parser.end()];
}

/** Drops positions, for comparing values. */
function plain(node: JsonNode): unknown {
  if (node.type === 'object') {
    return Object.fromEntries([...node.fields].map(([key, value]) => [key, plain(value)]));
  }
  return node.type === 'array' ? node.items.map(plain) : node.value;
}

function errorOf(text: string, size = text.length): unknown {
  return parseInChunks(text, size).find((event) => event.type === 'error');
}

describe('JsonStreamParser', () => {
  it('parses every JSON value the way JSON.parse does, in chunks of any size', () => {
    const value = {
      a: [1, -2.5, 3e2, 0, true, false, null],
      s: 'caf\u00e9 "q" \\ / \b\f\n\r\t \ud83d\ude00 \u0001',
      nested: { empty: {}, list: [[], [{}]] },
    };
    const text = JSON.stringify(value, null, 2);
    for (const size of [1, 2, 3, 7, 1000]) {
      const events = parseInChunks(text, size);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event?.type === 'document' && plain(event.node)).toEqual(value);
    }
  });

  it('records the line and column where each value starts', () => {
    const result = parseJsonText('{\n  "a": [1,\n    "x"],\n\t"b": null }');
    if (!result.ok || result.node.type !== 'object') throw new Error('expected an object');
    const a = result.node.fields.get('a');
    expect(result.node.at).toEqual({ line: 1, column: 1 });
    expect(a?.at).toEqual({ line: 2, column: 8 });
    expect(a?.type === 'array' && a.items.map((item) => item.at)).toEqual([
      { line: 2, column: 9 },
      { line: 3, column: 5 },
    ]);
    expect(result.node.fields.get('b')?.at).toEqual({ line: 4, column: 7 });
  });

  it('hands out record-array elements one by one and keeps the rest of the document', () => {
    const text = '{"status":"SUCCESS","licenses":[{"n":1},{"n":2}],"totalRecords":2}';
    const events = parseInChunks(text, 4, { recordKeys: ['licenses'] });
    expect(events.map((event) => event.type)).toEqual(['record', 'record', 'document']);
    const [first, , document] = events;
    expect(first?.type === 'record' && [first.key, plain(first.node), first.node.at]).toEqual([
      'licenses',
      { n: 1 },
      { line: 1, column: 33 },
    ]);
    expect(document?.type === 'document' && plain(document.node)).toEqual({
      status: 'SUCCESS',
      licenses: [],
      totalRecords: 2,
    });
  });

  it('does not treat nested arrays of the same name as records', () => {
    const text = '{"devices":[{"licenses":[{"n":1}]}]}';
    const events = parseInChunks(text, 5, { recordKeys: ['devices', 'licenses'] });
    expect(events.map((event) => event.type)).toEqual(['record', 'document']);
    expect(events[0]?.type === 'record' && plain(events[0].node)).toEqual({ licenses: [{ n: 1 }] });
  });

  it('reads concatenated documents and splits a root array of responses', () => {
    const options = { recordKeys: ['licenses'], splitRootArray: true };
    const pages = '{"licenses":[{"n":1}]}{"licenses":[{"n":2}]}\n{"licenses":[]}\n';
    expect(parseInChunks(pages, 3, options).map((event) => event.type)).toEqual([
      'record',
      'document',
      'record',
      'document',
      'document',
    ]);
    const array = '[{"licenses":[{"n":1}]},\n {"licenses":[{"n":2}]}]';
    const events = parseInChunks(array, 2, options);
    expect(events.map((event) => event.type)).toEqual(['record', 'document', 'record', 'document']);
    expect(events[2]?.type === 'record' && events[2].node.at).toEqual({ line: 2, column: 15 });
  });

  it('starts counting at a given position for embedded JSON', () => {
    const result = parseJsonText('{"a":\n 1}', { line: 10, column: 20 });
    expect(result.ok && result.node.at).toEqual({ line: 10, column: 20 });
    expect(result.ok && result.node.type === 'object' && result.node.fields.get('a')?.at).toEqual({
      line: 11,
      column: 2,
    });
  });

  it.each([
    ['[1,]', 1, 4, 'unexpected "]"'],
    ['{"a" 1}', 1, 6, 'expected \':\' after the property name, found "1"'],
    ['{"a":1 "b":2}', 1, 8, "expected ',' or '}', found \"\\\"\""],
    ['{\n  "a": tru }', 2, 8, 'unexpected "tru"'],
    ['{"a": 01}', 1, 7, 'invalid number "01"'],
    ['{"a": "x\ny"}', 1, 9, 'unescaped control character in a string'],
    ['{"a": "\\x"}', 1, 9, "invalid escape '\\x'"],
    ['{"a": [1, 2', 1, 12, 'unexpected end of file'],
    ['{a: 1}', 1, 2, 'expected a property name in double quotes, found "a"'],
  ])('reports %j as a syntax error at %i:%i', (text, line, column, message) => {
    for (const size of [1, text.length]) {
      expect(errorOf(text, size)).toEqual({ type: 'error', at: { line, column }, message });
    }
  });

  it('stops after the first syntax error', () => {
    const events = parseInChunks('{"licenses":[{"n":1}, x, {"n":2}]}', 100, {
      recordKeys: ['licenses'],
    });
    expect(events.map((event) => event.type)).toEqual(['record', 'error']);
  });

  it('rejects data after a single JSON value in parseJsonText', () => {
    expect(parseJsonText('{} {}')).toEqual({
      ok: false,
      at: { line: 1, column: 4 },
      message: 'unexpected data after the JSON value',
    });
    expect(parseJsonText('  ')).toMatchObject({ ok: false, message: 'no JSON value' });
  });
});
