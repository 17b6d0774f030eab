import {
  mostSpecificConnection,
  type StatedConnection,
} from '../../domain/instances/connection.js';
import {
  connectionInStatus,
  parseConnectionText,
  parseStatusText,
} from '../connection-vocabulary.js';
import type { IssueCollector } from '../issues.js';
import type { ParseContext } from '../parser.js';
import type { DeviceUsageRecord, InstanceRecord } from '../records.js';

import { readDate, readQuantity } from './json-fields.js';
import {
  describeType,
  field,
  objectField,
  textField,
  type JsonNode,
  type JsonObjectNode,
} from './json-node.js';

/** A device and the licenses it lists, as read from one `devices[]` element. */
export interface DeviceElement {
  readonly instance: InstanceRecord;
  readonly usage: readonly DeviceUsageRecord[];
}

/** `UDI_PID:<pid>; UDI_SN:<sn>; `, the IOS-XE instance name. */
const UDI_NAME = /UDI_PID:\s*([^;]+?)\s*;\s*UDI_SN:\s*([^;]+?)\s*(?:;|$)/i;

/**
 * Reads one element of a devices API `devices[]` array. Only `instanceName` (or a hostname or
 * UDI to name the device by) is required; the other fields are INFERRED in Cisco's API, so a
 * value Trueup cannot read there is a warning and null, not an error. Returns null on error.
 */
export function readDeviceElement(node: JsonNode, context: ParseContext): DeviceElement | null {
  const { issues } = context;
  if (node.type !== 'object') {
    issues.error(
      'MALFORMED_FILE',
      node.at,
      `each "devices" element must be an object, found ${describeType(node)}`,
    );
    return null;
  }
  const errorsBefore = issues.errorCount;
  const sudi = objectField(node, 'sudi');
  const instanceName = textField(node, 'instanceName', 'instance_name');
  const fromName = instanceName ? UDI_NAME.exec(instanceName) : null;
  const udiPid = (sudi && textField(sudi, 'udiPid', 'udi_pid')) ?? fromName?.[1] ?? null;
  const udiSerial =
    (sudi && textField(sudi, 'udiSerialNumber', 'udi_serial_number')) ?? fromName?.[2] ?? null;
  const hostname = textField(node, 'hostname', 'hostName', 'host_name');
  // CSSM's exact UDI form (trailing space included), as the instances CSV parser writes it.
  const canonical = udiPid && udiSerial ? `UDI_PID:${udiPid}; UDI_SN:${udiSerial}; ` : null;
  const name = (fromName ? canonical : instanceName) ?? hostname ?? canonical;
  if (name === null) {
    issues.error('MISSING_VALUE', node.at, 'the device has no "instanceName", hostname or UDI');
  }
  const virtualAccount =
    textField(node, 'virtualAccount', 'virtual_account', 'virtualAccountName') ??
    context.virtualAccount ??
    null;
  const lastContact = readDate(
    node,
    ['lastContact', 'lastContactTime', 'lastContactDate', 'last_contact'],
    issues,
    'timestamp',
    'warning',
  );
  const instance: InstanceRecord = {
    kind: 'instance',
    at: node.at,
    virtualAccount,
    name: name ?? '',
    udiPid,
    udiSerial,
    hostname,
    productType: textField(
      node,
      'productType',
      'productDescription',
      'product_type',
      'product_description',
    ),
    productTag: textField(node, 'productTagName', 'product_tag_name'),
    connectionMode: readConnectionMode(node, issues),
    status: readStatus(node, issues),
    lastContactAt: lastContact?.value ?? null,
    satellite: textField(
      node,
      'satellite',
      'satelliteName',
      'satellite_name',
      'onPremServer',
      'on_prem_server',
    ),
  };
  const device = { name, udiPid, udiSerial };
  const usage = readUsage(node, device, virtualAccount, issues);
  return issues.errorCount > errorsBefore ? null : { instance, usage };
}

function readUsage(
  node: JsonObjectNode,
  instance: DeviceUsageRecord['instance'],
  virtualAccount: string | null,
  issues: IssueCollector,
): DeviceUsageRecord[] {
  const list = field(node, 'licenses', 'licenseUsage', 'license_usage');
  if (list === undefined || list.type === 'null') return [];
  if (list.type !== 'array') {
    issues.error(
      'MALFORMED_FILE',
      list.at,
      `the device's "licenses" must be an array, found ${describeType(list)}`,
    );
    return [];
  }
  const usage: DeviceUsageRecord[] = [];
  for (const item of list.items) {
    if (item.type !== 'object') {
      issues.error(
        'MALFORMED_FILE',
        item.at,
        `each device license must be an object, found ${describeType(item)}`,
      );
      continue;
    }
    const license = textField(item, 'license', 'licenseName', 'display_name', 'name');
    const entitlementTag = textField(item, 'tag', 'entitlementTag', 'entitlement_tag');
    if (license === null && entitlementTag === null) {
      issues.error(
        'MISSING_VALUE',
        item.at,
        'the device license has neither a "license" name nor a "tag"',
      );
    }
    // A device lists a license it consumes; without a count it consumes one.
    const quantity = readQuantity(item, ['quantity', 'count', 'inUse'], issues, 1);
    if (quantity === undefined || (license === null && entitlementTag === null)) continue;
    usage.push({
      kind: 'deviceUsage',
      at: item.at,
      virtualAccount,
      instance,
      license,
      entitlementTag,
      quantity,
      asOf: null,
    });
  }
  return usage;
}

const STATUS_FIELDS = ['status', 'deviceStatus', 'registrationStatus'];
const CONNECTION_FIELDS = [
  'connectionMode',
  'connection_mode',
  'connectionType',
  'connection_type',
  'transport',
];
const REGISTRATION_FIELDS = [
  'registrationType',
  'registration_type',
  'registration',
  'registrationMode',
  'licenseMode',
  'license_mode',
  'licensingMode',
  'reservationType',
  'reservation_type',
];

function readStatus(node: JsonObjectNode, issues: IssueCollector): InstanceRecord['status'] {
  const raw = textField(node, ...STATUS_FIELDS);
  if (raw === null) return null;
  const status = parseStatusText(raw);
  if (status) return status;
  const at = field(node, ...STATUS_FIELDS)?.at ?? node.at;
  issues.warning('UNKNOWN_VALUE', at, `unknown device status ${JSON.stringify(raw)}: left blank`);
  return null;
}

/** A connection or registration field's mode; an unknown value is a warning and null. */
function readMode(
  node: JsonObjectNode,
  names: readonly string[],
  issues: IssueCollector,
): StatedConnection | null {
  const raw = textField(node, ...names);
  if (raw === null) return null;
  const mode = parseConnectionText(raw);
  if (mode) return mode;
  issues.warning(
    'UNKNOWN_VALUE',
    field(node, ...names)?.at ?? node.at,
    `unknown connection mode ${JSON.stringify(raw)}: left blank`,
  );
  return null;
}

/**
 * The most specific mode stated by the registration fields, the connection fields and a status
 * text that names one (`REGISTERED - SPECIFIC LICENSE RESERVATION`); else SLR when only a
 * reservation flag says the device is reserved.
 */
function readConnectionMode(
  node: JsonObjectNode,
  issues: IssueCollector,
): InstanceRecord['connectionMode'] {
  const status = textField(node, ...STATUS_FIELDS);
  const stated = mostSpecificConnection([
    readMode(node, REGISTRATION_FIELDS, issues),
    readMode(node, CONNECTION_FIELDS, issues),
    status === null ? null : connectionInStatus(status),
  ]);
  if (stated !== null) return stated;
  const flag = field(node, 'reservation', 'reserved', 'isReserved', 'reservationFlag');
  const reserved =
    flag?.type === 'boolean'
      ? flag.value
      : flag?.type === 'string' && /^(true|yes|y)$/i.test(flag.value.trim());
  return reserved ? 'SLR' : null;
}
