import type { IssueCollector } from '../issues.js';
import { epochToDate, parseQuantity } from '../json/field-values.js';
import { reported } from '../json/json-fields.js';
import {
  field,
  objectField,
  textField,
  textOf,
  type JsonNode,
  type JsonObjectNode,
} from '../json/json-node.js';
import { parseJsonText } from '../json/json-stream.js';
import { decodeChunks, FILE_START, positionAt, type TextPosition } from '../json/text-chunks.js';
import type { ParseContext, Parser } from '../parser.js';
import type { DeviceUsageRecord } from '../records.js';

import { xmlElements } from './xml-elements.js';
import { child, parseXmlElement, textOf as xmlText, type XmlNode } from './xml-node.js';

const REPORT = 'RUMReport';
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** One report's reading: the device × entitlement and its latest measurement. */
interface Reading {
  readonly record: DeviceUsageRecord;
  readonly endTime: number;
}

/**
 * Parses Smart Licensing Using Policy RUM report files (format `rum-report`): every
 * `<RUMReport>` element (under any root) wraps CDATA JSON `{"payload":"<JSON string>", …}`
 * whose payload is parsed again. Each report gives the device
 * (`asset_identification.instance.sudi`, else the outer `signature.sudi`), the entitlement tag
 * (`meta.entitlement_tag`) and a count: the integer `value.value` of the measurement with the
 * latest `end_time`, dated (`asOf`) by that end time's UTC day.
 *
 * Devices keep successive reports for the same entitlement until acknowledged, so the file may
 * hold several reports per device × tag: one `DeviceUsageRecord` is yielded per device × tag,
 * from the report with the latest measurement (ties: the later report), after the whole file
 * is read. Malformed outer JSON is located exactly in the file; a malformed payload (a JSON
 * string, so its offsets are not file offsets) is reported at its `"payload"` value.
 */
export const parseRumReport: Parser = async function* (input, context) {
  const latest = new Map<string, Reading>();
  let found = 0;
  for await (const element of xmlElements(decodeChunks(input), REPORT)) {
    found++;
    if (!element.complete) {
      context.issues.error(
        'MALFORMED_FILE',
        element.at,
        `<${REPORT}> is not closed before the end of the file`,
      );
      continue;
    }
    const reading = readReport(element.text, element.at, context);
    if (!reading) continue;
    const { instance, entitlementTag } = reading.record;
    const key = JSON.stringify([instance.udiPid, instance.udiSerial, entitlementTag]);
    const previous = latest.get(key);
    if (!previous || reading.endTime >= previous.endTime) latest.set(key, reading);
  }
  if (found === 0) {
    context.issues.error('MALFORMED_FILE', FILE_START, `no <${REPORT}> element found`);
  }
  for (const reading of latest.values()) yield reading.record;
};

/** The report's JSON text and where it starts: its CDATA sections, else its decoded text. */
function reportJson(
  text: string,
  at: TextPosition,
  root: XmlNode,
): { json: string; at: TextPosition } {
  const sections = [...text.matchAll(CDATA)];
  const first = sections[0];
  if (!first) return { json: xmlText(child(root, REPORT)) ?? '', at };
  const json = sections.map((section) => section[1] ?? '').join('');
  return { json, at: positionAt(text, first.index + '<![CDATA['.length, at) };
}

function readReport(text: string, at: TextPosition, context: ParseContext): Reading | null {
  const { issues } = context;
  const parsed = parseXmlElement(text, at);
  if (!parsed.ok) {
    issues.error('MALFORMED_FILE', parsed.at, `invalid XML: ${parsed.message}`);
    return null;
  }
  const content = reportJson(text, at, parsed.root);
  const outer = parseJsonText(content.json, content.at);
  if (!outer.ok) {
    issues.error(
      'MALFORMED_FILE',
      outer.at,
      `the ${REPORT} at line ${at.line} is not valid JSON: ${outer.message}`,
    );
    return null;
  }
  const wrapper = outer.node;
  const payloadNode = wrapper.type === 'object' ? field(wrapper, 'payload') : undefined;
  if (wrapper.type !== 'object' || !payloadNode) {
    issues.error('MISSING_VALUE', wrapper.at, `the ${REPORT} JSON has no "payload"`);
    return null;
  }
  let payload: JsonNode = payloadNode;
  if (payloadNode.type === 'string') {
    const inner = parseJsonText(payloadNode.value);
    if (!inner.ok) {
      const where = `payload line ${inner.at.line}, column ${inner.at.column}`;
      issues.error(
        'MALFORMED_FILE',
        payloadNode.at,
        `the payload of the ${REPORT} at line ${at.line} is not valid JSON (${where}): ${inner.message}`,
      );
      return null;
    }
    payload = inner.node;
  }
  if (payload.type !== 'object') {
    issues.error('MALFORMED_FILE', payloadNode.at, `the ${REPORT} payload is not a JSON object`);
    return null;
  }
  return readPayload(payload, wrapper, payloadNode.at, at, context);
}

function readPayload(
  payload: JsonObjectNode,
  wrapper: JsonObjectNode,
  payloadAt: TextPosition,
  reportAt: TextPosition,
  context: ParseContext,
): Reading | null {
  const { issues } = context;
  const where = `of the ${REPORT} at line ${reportAt.line}`;
  const identification = objectField(payload, 'asset_identification');
  const instance = identification && objectField(identification, 'instance');
  const sudi =
    (instance && objectField(instance, 'sudi')) ??
    objectField(objectField(wrapper, 'signature') ?? wrapper, 'sudi');
  const udiPid = sudi ? textField(sudi, 'udi_pid', 'udiPid') : null;
  const udiSerial = sudi ? textField(sudi, 'udi_serial_number', 'udiSerialNumber') : null;
  const meta = objectField(payload, 'meta');
  const entitlementTag = meta ? textField(meta, 'entitlement_tag') : null;
  if (!udiPid || !udiSerial) {
    const message = `the payload ${where} names no device (asset_identification.instance.sudi)`;
    issues.error('MISSING_VALUE', payloadAt, message);
  }
  if (!entitlementTag) {
    issues.error('MISSING_VALUE', payloadAt, `the payload ${where} has no meta.entitlement_tag`);
  }
  const measurement = latestMeasurement(field(payload, 'measurements'), payloadAt, where, issues);
  if (!udiPid || !udiSerial || !entitlementTag || !measurement) return null;
  const value = objectField(measurement.node, 'value');
  const count = textOf(value && field(value, 'value'));
  if (count === null) {
    issues.error('MISSING_VALUE', payloadAt, `the latest measurement ${where} has no value.value`);
    return null;
  }
  const parsed = parseQuantity(count, `the latest measurement ${where}`);
  const quantity = reported(parsed, { at: payloadAt }, issues);
  if (quantity === undefined) return null;
  const asOf = epochToDate(measurement.endTime).toISOString().slice(0, 10);
  const device = { name: null, udiPid, udiSerial };
  const virtualAccount = context.virtualAccount ?? null;
  const record: DeviceUsageRecord = {
    kind: 'deviceUsage',
    at: reportAt,
    virtualAccount,
    instance: device,
    license: null,
    entitlementTag,
    quantity,
    asOf,
  };
  return { record, endTime: measurement.endTime };
}

/** The measurement with the greatest `end_time` (epoch seconds; ties: the later one). */
function latestMeasurement(
  list: JsonNode | undefined,
  at: TextPosition,
  where: string,
  issues: IssueCollector,
): { node: JsonObjectNode; endTime: number } | null {
  const items = list?.type === 'array' ? list.items : [];
  let best: { node: JsonObjectNode; endTime: number } | null = null;
  for (const item of items) {
    const endTime = item.type === 'object' ? Number(textOf(field(item, 'end_time'))) : NaN;
    if (item.type !== 'object' || !Number.isFinite(endTime) || endTime <= 0) {
      issues.error('INVALID_DATE', at, `a measurement ${where} has no valid end_time`);
      return null;
    }
    if (!best || endTime >= best.endTime) best = { node: item, endTime };
  }
  if (!best) {
    issues.warning(
      'MISSING_VALUE',
      at,
      `the payload ${where} has no measurement: no usage recorded`,
    );
  }
  return best;
}
