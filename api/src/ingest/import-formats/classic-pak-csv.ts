import { parseClassicPakCsv } from '../csv/classic-pak-csv.js';
import { defineImportFormat } from '../import-format.js';

export const classicPakCsv = defineImportFormat({
  name: 'classic-pak-csv',
  description: 'Classic PAK list: CLASSIC_PAK lots (rows already CONVERTED are skipped).',
  detect: {
    order: -4,
    csvHeader: (header) => header.hasPrefix('pak'),
  },
  parse: parseClassicPakCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'records',
});
