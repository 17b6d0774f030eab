import { defineImportFormat } from '../import-format.js';
import { parseRumReport } from '../xml/rum-report.js';

export const rumReport = defineImportFormat({
  name: 'rum-report',
  description: 'Smart Licensing Using Policy RUM reports: per-device usage by entitlement tag.',
  detect: { xml: /<RUMReport[\s/>]/ },
  parse: parseRumReport,
  usageSource: 'RUM_REPORT',
  writer: 'devices',
});
