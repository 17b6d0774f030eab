import { parseCssmInstancesCsv } from '../csv/instances-csv.js';
import { defineImportFormat } from '../import-format.js';

export const cssmInstancesCsv = defineImportFormat({
  name: 'cssm-instances-csv',
  description: 'CSSM Product Instances export: devices and their license use.',
  detect: {
    // Before the licenses rule: a flattened instances export may carry License and In Use too.
    order: -1,
    csvHeader: (header) =>
      header.has('name') &&
      (header.has('producttype', 'registrationtype', 'status') || header.hasPrefix('lastcontact')),
  },
  parse: parseCssmInstancesCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'devices',
});
