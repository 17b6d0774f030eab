import { parseEventLogCsv } from '../csv/event-log-csv.js';
import { defineImportFormat } from '../import-format.js';

export const cssmEventLogCsv = defineImportFormat({
  name: 'cssm-event-log-csv',
  description:
    'CSSM Event Log export: SLR, transfer and satellite-sync events as Cisco dated them.',
  detect: {
    // Tried before every other CSV rule, as the detector always did.
    order: -5,
    csvHeader: (header) => header.has('message') && header.has('time', 'eventtime'),
  },
  parse: parseEventLogCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'records',
});
