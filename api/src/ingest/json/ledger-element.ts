import { billingTypeOf } from '../billing-type.js';
import type { IssueCollector } from '../issues.js';
import type { ParseContext } from '../parser.js';
import type { BillingType, LedgerRecord, LotRecord } from '../records.js';

import { licenseTypeOf, parseQuantity } from './field-values.js';
import { readDate, readQuantity, reported } from './json-fields.js';
import {
  describeType,
  field,
  textField,
  textOf,
  type JsonNode,
  type JsonObjectNode,
} from './json-node.js';

/**
 * Reads one element of a licenses API v1 `licenses[]` array (camelCase) or a v2 get-summary
 * `summary[]` array (snake_case; `v2` true: its Virtual Account is `context.virtualAccount`).
 * Reports problems to `context.issues`; returns null when the element has an error.
 */
export function readLedgerElement(
  node: JsonNode,
  v2: boolean,
  context: ParseContext,
): LedgerRecord | null {
  const { issues } = context;
  const errorsBefore = issues.errorCount;
  if (node.type !== 'object') {
    const list = v2 ? 'summary' : 'licenses';
    issues.error(
      'MALFORMED_FILE',
      node.at,
      `each "${list}" element must be an object, found ${describeType(node)}`,
    );
    return null;
  }
  const entitlementTag = textField(node, 'tag', 'entitlementTag', 'entitlement_tag');
  let license = textField(node, 'license', 'display_name', 'displayName', 'licenseName');
  if (license === null && entitlementTag !== null) {
    issues.warning(
      'MISSING_VALUE',
      node.at,
      `no display name: the entitlement tag ${entitlementTag} is used as the license name`,
    );
    license = entitlementTag;
  } else if (license === null) {
    issues.error(
      'MISSING_VALUE',
      node.at,
      `the license has no name ("${v2 ? 'display_name' : 'license'}")`,
    );
  }
  const virtualAccount = v2
    ? (context.virtualAccount ?? null)
    : (textField(node, 'virtualAccount', 'virtual_account') ?? context.virtualAccount ?? null);
  if (virtualAccount === null) {
    issues.error(
      'MISSING_VALUE',
      node.at,
      v2
        ? 'a v2 get-summary response does not name its Virtual Account: choose one for this import'
        : '"virtualAccount" is missing and no Virtual Account was chosen for this import',
    );
  }
  // Each version's own spelling first, so messages name the field the file should have had.
  const owned = readQuantity(
    node,
    v2 ? ['entitled', 'quantity'] : ['quantity', 'entitled'],
    issues,
  );
  const consumed = readQuantity(
    node,
    v2 ? ['inuse', 'inUse'] : ['inUse', 'inuse', 'in_use'],
    issues,
  );
  // -1 (never a valid quantity) stands for "not stated": the figure is kept as null then.
  const stated = readQuantity(node, ['reserved'], issues, -1);
  const reserved = stated === -1 ? null : stated;
  const billingType = readBillingType(node, issues);
  const lots = readLots(node, issues);
  if (owned !== undefined && consumed !== undefined) checkAvailable(node, owned, consumed, issues);
  if (owned !== undefined && lots && lots.length > 0) checkLotSum(node, v2, owned, lots, issues);
  if (issues.errorCount > errorsBefore || license === null || virtualAccount === null) return null;
  if (owned === undefined || consumed === undefined || reserved === undefined || !lots) return null;
  return {
    kind: 'ledger',
    at: node.at,
    virtualAccount,
    license,
    entitlementTag,
    owned,
    consumed,
    reserved,
    billingType,
    lots,
  };
}

/** v1 `billingType` (v2 get-summary has none): null when absent; unknown text is a warning. */
function readBillingType(node: JsonObjectNode, issues: IssueCollector): BillingType | null {
  const text = textField(node, 'billingType', 'billing_type', 'billing');
  if (text === null) return null;
  const type = billingTypeOf(text);
  if (type === undefined) {
    const at = field(node, 'billingType', 'billing_type', 'billing')?.at ?? node.at;
    issues.warning(
      'UNKNOWN_VALUE',
      at,
      `unknown billing type ${JSON.stringify(text)}: the line is treated as prepaid (UNKNOWN)`,
    );
    return null;
  }
  return type;
}

/** Cisco's `available` is never used: it only draws a warning when it disagrees. */
function checkAvailable(
  node: JsonObjectNode,
  owned: number,
  consumed: number,
  issues: IssueCollector,
): void {
  const available = field(node, 'available');
  if (available === undefined || available.type === 'null') return;
  const stated =
    available.type === 'number' || available.type === 'string'
      ? reported(parseQuantity(available.value, '"available"'), available, issues, 'warning')
      : undefined;
  const balance = Math.max(0, owned - consumed);
  if (stated !== undefined && stated !== balance) {
    issues.warning(
      'BALANCE_MISMATCH',
      available.at,
      `"available" says ${stated} but quantity − inUse gives ${balance}; Trueup uses quantity − inUse`,
    );
  }
}

/**
 * The lines should add up to the license's quantity. v2 may also list lots not yet started
 * (`future_entitled`), so there the sum may equal entitled + future_entitled.
 */
function checkLotSum(
  node: JsonObjectNode,
  v2: boolean,
  owned: number,
  lots: readonly LotRecord[],
  issues: IssueCollector,
): void {
  const sum = lots.reduce((total, lot) => total + lot.quantity, 0);
  const futureNode = field(node, 'future_entitled', 'futureEntitled');
  const future = v2 ? Number(textOf(futureNode)) || 0 : 0;
  if (sum === owned || (future > 0 && sum === owned + future)) return;
  const details = field(node, 'licenseDetails', 'license_details') ?? node;
  issues.warning(
    'LOT_SUM_MISMATCH',
    details.at,
    `the license's lines add up to ${sum} but its quantity is ${owned}`,
  );
}

/** The entitlement lines, cancelled ones left out; `[]` when none are listed, undefined on error. */
function readLots(node: JsonObjectNode, issues: IssueCollector): LotRecord[] | undefined {
  const details = field(node, 'licenseDetails', 'license_details');
  if (details === undefined || details.type === 'null') return [];
  if (details.type !== 'array') {
    issues.error(
      'MALFORMED_FILE',
      details.at,
      `"licenseDetails" must be an array, found ${describeType(details)}`,
    );
    return undefined;
  }
  // A cancelled line never entitles anything; expired and future lines keep their dates.
  const live = details.items.filter((item) => !isCancelled(item));
  const lots = live.map((item) => readLot(item, issues));
  return lots.every((lot): lot is LotRecord => lot !== null) ? lots : undefined;
}

function isCancelled(node: JsonNode): boolean {
  const status = node.type === 'object' ? textField(node, 'status') : null;
  return status !== null && /^cancell?ed$/i.test(status);
}

function readLot(node: JsonNode, issues: IssueCollector): LotRecord | null {
  if (node.type !== 'object') {
    issues.error(
      'MALFORMED_FILE',
      node.at,
      `each license line must be an object, found ${describeType(node)}`,
    );
    return null;
  }
  const quantity = readQuantity(node, ['quantity'], issues);
  const start = readDate(node, ['startDate', 'start_date'], issues);
  const end = readDate(node, ['endDate', 'end_date'], issues);
  if (quantity === undefined || !start || !end) return null;
  if (start.value && end.value && end.value < start.value) {
    issues.error(
      'END_BEFORE_START',
      end.at,
      `the line ends (${end.value}) before it starts (${start.value})`,
    );
    return null;
  }
  const typeNode = field(node, 'licenseType', 'license_type');
  const rawType = textField(node, 'licenseType', 'license_type');
  const type = licenseTypeOf(rawType, end.value);
  // PERPETUAL only when stated: a blank, STANDARD or unknown type without an end date is
  // UNKNOWN here, and the importer types it from the catalog or the name if it can.
  const licenseType =
    type.type === 'PERPETUAL' && rawType?.trim().toUpperCase() !== 'PERPETUAL'
      ? 'UNKNOWN'
      : type.type;
  if (!type.known && typeNode) {
    issues.warning(
      'UNKNOWN_VALUE',
      typeNode.at,
      `unknown license type ${JSON.stringify(rawType)}: taken as ${licenseType}`,
    );
  }
  return {
    quantity,
    licenseType,
    startDate: start.value,
    endDate: end.value,
    subscriptionId: textField(node, 'subscriptionId', 'subscription_id'),
    orderNumber: textField(node, 'orderNumber', 'order_number'),
    sku: textField(node, 'licenseSku', 'license_sku', 'sku'),
  };
}
