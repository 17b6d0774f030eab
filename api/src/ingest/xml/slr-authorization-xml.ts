import type { IssueCollector } from '../issues.js';
import { licenseTypeOf, parseDate, parseQuantity } from '../json/field-values.js';
import { reported } from '../json/json-fields.js';
import { decodeChunks, FILE_START, type TextPosition } from '../json/text-chunks.js';
import type { Parser } from '../parser.js';
import type { EmptyAuthorizationRecord, ReservationRecord } from '../records.js';

import { xmlElements } from './xml-elements.js';
import { child, children, parseXmlElement, sourceOf, textOf, type XmlNode } from './xml-node.js';

const ROOT = 'specificPLR';

/**
 * Parses SLR authorization codes (format `slr-authorization-xml`): every `<specificPLR>` element
 * of the file (alone, several in a row, or under a wrapper) gives one `ReservationRecord` per
 * `<entitlement>`, for the device named by `<udi>P:<pid>,S:<serial></udi>`.
 *
 * - `authorizationCode` keeps the exact source text of the `<authorizationCode>` element;
 *   `issuedOn` is its `<timestamp>` (epoch ms) as a UTC date. A code with no `<entitlement>`
 *   gives one `EmptyAuthorizationRecord` (with a warning): the device holds nothing.
 * - `<count>` must be a non-negative whole number; dates may be empty, `YYYY-MM-DD`, ISO
 *   date-times or epoch seconds/milliseconds; `licenseType` maps as for the licenses API.
 * - A missing or unreadable `<udi>`, a missing `<tag>` or a bad count is an error located at
 *   the element's line and column (computed from fast-xml-parser's character offsets).
 */
export const parseSlrAuthorizationXml: Parser = async function* (input, context) {
  const { issues } = context;
  let found = 0;
  for await (const element of xmlElements(decodeChunks(input), ROOT)) {
    found++;
    if (!element.complete) {
      issues.error(
        'MALFORMED_FILE',
        element.at,
        `<${ROOT}> is not closed before the end of the file`,
      );
      continue;
    }
    yield* readAuthorization(element.text, element.at, issues);
  }
  if (found === 0) issues.error('MALFORMED_FILE', FILE_START, `no <${ROOT}> element found`);
};

function readAuthorization(
  text: string,
  at: TextPosition,
  issues: IssueCollector,
): (ReservationRecord | EmptyAuthorizationRecord)[] {
  const parsed = parseXmlElement(text, at);
  if (!parsed.ok) {
    issues.error('MALFORMED_FILE', parsed.at, `invalid XML: ${parsed.message}`);
    return [];
  }
  const { root, locate } = parsed;
  const plr = child(root, ROOT);
  const code = child(plr, 'authorizationCode');
  const udiNode = child(plr, 'udi');
  const udi = readUdi(udiNode, at, issues, locate);
  if (!code) issues.error('MISSING_VALUE', at, `<${ROOT}> has no <authorizationCode>`);
  if (!code || !udi) return [];
  const entitlements = children(child(code, 'entitlements'), 'entitlement');
  const issuedOn = readIssuedOn(code, issues, locate);
  if (issuedOn === undefined) return [];
  const authorizationCode = sourceOf(code, text);
  if (entitlements.length === 0) {
    issues.warning(
      'MISSING_VALUE',
      locate(code),
      'the authorization code reserves no entitlement: everything the device holds is returned',
    );
    const device = { instance: udi, reservationType: 'SLR' as const, authorizationCode, issuedOn };
    return [{ kind: 'emptyAuthorization', at: locate(code), ...device }];
  }
  const records: ReservationRecord[] = [];
  for (const entitlement of entitlements) {
    const read = readEntitlement(entitlement, issues, locate);
    if (read) {
      records.push({
        kind: 'reservation',
        ...read,
        instance: udi,
        reservationType: 'SLR',
        authorizationCode,
        issuedOn,
      });
    }
  }
  return records;
}

/**
 * The day the code was issued, from `<timestamp>` (epoch milliseconds, read as a UTC date; ISO
 * dates are accepted too). Missing or empty: null, with a warning (the import's as-of stands in).
 * Unreadable: an error at the element, and undefined.
 */
function readIssuedOn(
  code: XmlNode,
  issues: IssueCollector,
  locate: (node: XmlNode) => TextPosition,
): string | null | undefined {
  const node = child(code, 'timestamp');
  const text = textOf(node);
  if (!node || text === null) {
    issues.warning(
      'MISSING_VALUE',
      locate(node ?? code),
      "the authorization code has no <timestamp>: it is dated by the import's as-of",
    );
    return null;
  }
  return reported(parseDate(text, '<timestamp>'), { at: locate(node) }, issues);
}

/** `P:<pid>,S:<serial>` (other `X:` parts such as `U:<uuid>` are ignored). */
function readUdi(
  node: XmlNode | undefined,
  at: TextPosition,
  issues: IssueCollector,
  locate: (node: XmlNode) => TextPosition,
): ReservationRecord['instance'] | null {
  const text = textOf(node);
  if (!node || text === null) {
    issues.error('MISSING_VALUE', at, `<${ROOT}> has no <udi>: the reserving device is unknown`);
    return null;
  }
  const parts = new Map(
    text.split(',').map((part) => {
      const colon = part.indexOf(':');
      return [part.slice(0, colon).trim().toUpperCase(), part.slice(colon + 1).trim()] as const;
    }),
  );
  const udiPid = parts.get('P');
  const udiSerial = parts.get('S');
  if (!udiPid || !udiSerial) {
    issues.error(
      'UNKNOWN_VALUE',
      locate(node),
      `<udi> is not "P:<pid>,S:<serial>": ${JSON.stringify(text)}`,
    );
    return null;
  }
  return { udiPid, udiSerial };
}

type EntitlementFields = Pick<
  ReservationRecord,
  'at' | 'license' | 'entitlementTag' | 'quantity' | 'licenseType' | 'startDate' | 'endDate'
>;

function readEntitlement(
  node: XmlNode,
  issues: IssueCollector,
  locate: (node: XmlNode) => TextPosition,
): EntitlementFields | null {
  const at = locate(node);
  const entitlementTag = textOf(child(node, 'tag'));
  if (entitlementTag === null) issues.error('MISSING_VALUE', at, '<entitlement> has no <tag>');
  const countNode = child(node, 'count');
  const countText = textOf(countNode);
  let quantity: number | undefined;
  if (!countNode || countText === null) {
    issues.error('MISSING_VALUE', at, '<entitlement> has no <count>');
  } else {
    quantity = reported(parseQuantity(countText, '<count>'), { at: locate(countNode) }, issues);
  }
  const [startDate, endDate] = (['startDate', 'endDate'] as const).map((name) => {
    const dateNode = child(node, name);
    const text = textOf(dateNode);
    if (!dateNode || text === null) return null;
    return reported(parseDate(text, `<${name}>`), { at: locate(dateNode) }, issues);
  });
  if (entitlementTag === null || quantity === undefined) return null;
  if (startDate === undefined || endDate === undefined) return null;
  if (startDate && endDate && endDate < startDate) {
    const endAt = locate(child(node, 'endDate') ?? node);
    issues.error(
      'END_BEFORE_START',
      endAt,
      `the reservation ends (${endDate}) before it starts (${startDate})`,
    );
    return null;
  }
  const typeText = textOf(child(node, 'licenseType'));
  const type = licenseTypeOf(typeText, endDate);
  if (!type.known) {
    const typeAt = locate(child(node, 'licenseType') ?? node);
    issues.warning(
      'UNKNOWN_VALUE',
      typeAt,
      `unknown license type ${JSON.stringify(typeText)}: taken as ${type.type}`,
    );
  }
  const license = textOf(child(node, 'displayName')) ?? textOf(child(node, 'tagDescription'));
  return { at, license, entitlementTag, quantity, licenseType: type.type, startDate, endDate };
}
