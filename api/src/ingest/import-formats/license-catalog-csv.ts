import { parseLicenseCatalogCsv } from '../csv/license-catalog-csv.js';
import { defineImportFormat } from '../import-format.js';

export const licenseCatalogCsv = defineImportFormat({
  name: 'license-catalog-csv',
  description:
    'License catalog: name ↔ tag, family, unit, kind, required base, entitlement type; corrects the built-in catalog.',
  detect: {
    order: -2,
    csvHeader: (header) =>
      header.has('entitlementtag') && header.has('kind', 'unit') && !header.has('inuse'),
  },
  parse: parseLicenseCatalogCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'records',
});
