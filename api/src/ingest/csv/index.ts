export { parseClassicPakCsv, type ClassicPakSummary } from './classic-pak-csv.js';
export { parseEventLogCsv, type EventLogSummary } from './event-log-csv.js';
export { parseCssmInstancesCsv } from './instances-csv.js';
export { parseLicenseCatalogCsv } from './license-catalog-csv.js';
export { parseCssmLicensesCsv } from './licenses-csv.js';
export { parsePriceBookCsv } from './price-book-csv.js';
