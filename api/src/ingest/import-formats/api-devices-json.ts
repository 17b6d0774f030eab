import { defineImportFormat } from '../import-format.js';
import { parseApiDevicesJson } from '../json/api-devices-json.js';

export const apiDevicesJson = defineImportFormat({
  name: 'api-devices-json',
  description: 'Smart Licensing API devices (product instances).',
  detect: { jsonKeys: ['devices'] },
  parse: parseApiDevicesJson,
  usageSource: 'SMART_LICENSING_API',
  writer: 'devices',
});
