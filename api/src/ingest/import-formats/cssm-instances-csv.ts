import { parseCssmInstancesCsv } from '../csv/instances-csv.js';
import { defineImportFormat } from '../import-format.js';

export const cssmInstancesCsv = defineImportFormat({
  name: 'cssm-instances-csv',
  description: 'CSSM Product Instances export: devices and their license use.',
  detect: {
    // Listed before the licenses format: a flattened instances export may carry License and In Use.
    csvHeader: (header) =>
      header.has('name') &&
      (header.has('producttype', 'registrationtype', 'status') || header.hasPrefix('lastcontact')),
  },
  parse: parseCssmInstancesCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'devices',
});
