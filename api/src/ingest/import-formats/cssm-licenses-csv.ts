import { parseCssmLicensesCsv } from '../csv/licenses-csv.js';
import { defineImportFormat } from '../import-format.js';

export const cssmLicensesCsv = defineImportFormat({
  name: 'cssm-licenses-csv',
  description:
    'CSSM Licenses tab export, summary or transaction-detail level, one or several Virtual Accounts: the ledger (owned, in use, lots).',
  detect: {
    csvHeader: (header) =>
      header.has('inuse', 'purchased', 'availabletouse') && header.has('license', 'licensename'),
  },
  parse: parseCssmLicensesCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'records',
});
