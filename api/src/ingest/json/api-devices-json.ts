import type { Parser } from '../parser.js';

import { apiResponseRecords } from './api-response.js';
import { readDeviceElement } from './device-element.js';

/**
 * Parses devices / product-instances API responses (format `api-devices-json`,
 * `{devices:[{instanceName, productTagName, sudi:{udiPid, udiSerialNumber}, …}]}`) into one
 * `InstanceRecord` per device, followed by a `DeviceUsageRecord` per entry of the device's
 * `licenses:[{license, tag, quantity}]` list when the response has one (quantity defaults to 1).
 *
 * - PID and serial come from `sudi`, else from an instance name `UDI_PID:<pid>; UDI_SN:<sn>; `.
 * - The Virtual Account is the element's `virtualAccount`, else `context.virtualAccount`, else
 *   null (the devices API is called per VA and does not repeat it).
 * - Pages as for `parseApiLicensesJson`. A device seen twice in the same Virtual Account (same
 *   UDI, or same name when it has no UDI) draws a DUPLICATE_ROW warning; the repeat is dropped.
 */
export const parseApiDevicesJson: Parser = async function* (input, context) {
  const seen = new Map<string, number>();
  for await (const { node } of apiResponseRecords(input, ['devices'], context.issues)) {
    const device = readDeviceElement(node, context);
    if (!device) continue;
    const { instance } = device;
    const id =
      instance.udiPid && instance.udiSerial
        ? [instance.udiPid, instance.udiSerial]
        : [instance.name];
    const key = JSON.stringify([instance.virtualAccount, ...id]);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      context.issues.warning(
        'DUPLICATE_ROW',
        instance.at,
        `device "${instance.name}" already appeared at line ${firstLine}; this repeat is ignored`,
      );
      continue;
    }
    seen.set(key, instance.at.line);
    yield instance;
    yield* device.usage;
  }
};
