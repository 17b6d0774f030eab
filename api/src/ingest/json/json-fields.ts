import type { IssueCollector } from '../issues.js';

import { parseDate, parseQuantity, parseTimestamp, type ValueResult } from './field-values.js';
import { describeType, namedField, type JsonNode, type JsonObjectNode } from './json-node.js';

function isBlank(node: JsonNode): boolean {
  return node.type === 'null' || (node.type === 'string' && node.value.trim() === '');
}

/**
 * Reads a seat count from the first of `names` in `parent`. Problems are reported at the value
 * (or at `parent` when the field is missing and `fallback` is undefined). Returns undefined when
 * the count could not be read.
 */
export function readQuantity(
  parent: JsonObjectNode,
  names: readonly string[],
  issues: IssueCollector,
  fallback?: number,
): number | undefined {
  const found = namedField(parent, names);
  if (!found || isBlank(found.value)) {
    if (fallback === undefined) {
      issues.error('MISSING_VALUE', parent.at, `"${names[0] ?? ''}" is missing`);
    }
    return fallback;
  }
  const { name, value } = found;
  if (value.type !== 'number' && value.type !== 'string') {
    issues.error(
      'NOT_A_NUMBER',
      value.at,
      `"${name}" must be a number, found ${describeType(value)}`,
    );
    return undefined;
  }
  return reported(parseQuantity(value.value, `"${name}"`), value, issues);
}

/**
 * Reads an optional date (`YYYY-MM-DD`) or ISO timestamp field; `undefined` means it was
 * invalid (reported with `severity`).
 */
export function readDate(
  parent: JsonObjectNode,
  names: readonly string[],
  issues: IssueCollector,
  kind: 'date' | 'timestamp' = 'date',
  severity: 'error' | 'warning' = 'error',
): { readonly value: string | null; readonly at: JsonNode['at'] } | undefined {
  const found = namedField(parent, names);
  if (!found || isBlank(found.value)) return { value: null, at: found?.value.at ?? parent.at };
  const { name, value } = found;
  if (value.type !== 'number' && value.type !== 'string') {
    const message = `"${name}" must be a date, found ${describeType(value)}`;
    issues.add(severity, 'INVALID_DATE', value.at, message);
    return undefined;
  }
  const parse = kind === 'date' ? parseDate : parseTimestamp;
  const result = reported(parse(value.value, `"${name}"`), value, issues, severity);
  return result === undefined ? undefined : { value: result, at: value.at };
}

/** Reports a failed parse as an error at `node`; returns the value or undefined. */
export function reported<T>(
  result: ValueResult<T>,
  node: { readonly at: JsonNode['at'] },
  issues: IssueCollector,
  severity: 'error' | 'warning' = 'error',
): T | undefined {
  if (result.ok) return result.value;
  issues.add(severity, result.code, node.at, result.message);
  return undefined;
}
