import type { IssueCollector } from '../issues.js';

import { describeType, field, textField, type JsonNode } from './json-node.js';
import { JsonStreamParser, type JsonEvent } from './json-stream.js';
import { decodeChunks, FILE_START } from './text-chunks.js';

/**
 * Streams the records of Cisco API responses: one or more JSON documents in a row (pages
 * concatenated as `}{` or one per line) or a root array of responses. Yields each element of a
 * `recordKeys` array as soon as it is complete, then checks each response: it must be an object
 * holding one of those arrays and must not report `"status": "ERROR"`. A syntax error is
 * reported as MALFORMED_FILE at its line and column and ends the parse.
 */
export async function* apiResponseRecords(
  input: AsyncIterable<string | Uint8Array>,
  recordKeys: readonly string[],
  issues: IssueCollector,
): AsyncGenerator<{ readonly key: string; readonly node: JsonNode }> {
  const parser = new JsonStreamParser({ recordKeys, splitRootArray: true });
  let documents = 0;
  const handle = function* (events: readonly JsonEvent[]) {
    for (const event of events) {
      if (event.type === 'record') yield event;
      else if (event.type === 'error') {
        issues.error('MALFORMED_FILE', event.at, `invalid JSON: ${event.message}`);
      } else {
        documents++;
        checkResponse(event.node, recordKeys, issues);
      }
    }
  };
  for await (const text of decodeChunks(input)) yield* handle(parser.write(text));
  yield* handle(parser.end());
  if (documents === 0 && !issues.hasErrors) {
    issues.error('MALFORMED_FILE', FILE_START, 'the file holds no JSON response');
  }
}

function checkResponse(
  node: JsonNode,
  recordKeys: readonly string[],
  issues: IssueCollector,
): void {
  const expected = recordKeys.map((key) => `"${key}"`).join(' or ');
  if (node.type !== 'object') {
    issues.error(
      'MALFORMED_FILE',
      node.at,
      `expected an API response object with a ${expected} array, found ${describeType(node)}`,
    );
    return;
  }
  if (textField(node, 'status')?.toUpperCase() === 'ERROR') {
    const reason = textField(node, 'statusMessage', 'message') ?? 'no message';
    issues.error('MALFORMED_FILE', node.at, `the API response reports an error: ${reason}`);
  }
  const list = field(node, ...recordKeys);
  if (list === undefined) {
    issues.error('MALFORMED_FILE', node.at, `the API response has no ${expected} array`);
  } else if (list.type !== 'array') {
    issues.error(
      'MALFORMED_FILE',
      list.at,
      `expected ${expected} to be an array, found ${describeType(list)}`,
    );
  }
}
