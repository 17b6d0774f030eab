import { defineImportFormat } from '../import-format.js';
import { parseApiLicensesJson } from '../json/api-licenses-json.js';

export const apiLicensesJson = defineImportFormat({
  name: 'api-licenses-json',
  description:
    'Smart Licensing API licenses (v1) or get-summary (v2), pages concatenated: the ledger.',
  detect: { jsonKeys: ['licenses', 'summary'] },
  parse: parseApiLicensesJson,
  usageSource: 'SMART_LICENSING_API',
  writer: 'records',
});
