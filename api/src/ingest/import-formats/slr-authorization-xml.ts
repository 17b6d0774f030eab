import { defineImportFormat } from '../import-format.js';
import { parseSlrAuthorizationXml } from '../xml/slr-authorization-xml.js';

export const slrAuthorizationXml = defineImportFormat({
  name: 'slr-authorization-xml',
  description: 'SLR authorization codes: reservations per device.',
  detect: { xml: /<(specificPLR|authorizationCode)[\s/>]/ },
  parse: parseSlrAuthorizationXml,
  usageSource: 'SMART_LICENSING_API',
  writer: 'records',
});
