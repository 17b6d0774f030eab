import {
  parseClassicPakCsv,
  parseEventLogCsv,
  parseCssmInstancesCsv,
  parseCssmLicensesCsv,
  parseLicenseCatalogCsv,
  parsePriceBookCsv,
} from './csv/index.js';
import { parseApiDevicesJson } from './json/api-devices-json.js';
import { parseApiLicensesJson } from './json/api-licenses-json.js';
import type { ImportFormat, Parser } from './parser.js';
import { parseRumReport } from './xml/rum-report.js';
import { parseSlrAuthorizationXml } from './xml/slr-authorization-xml.js';

/** Every import format and the parser that reads it. */
export const PARSERS: Readonly<Record<ImportFormat, Parser>> = {
  'cssm-licenses-csv': parseCssmLicensesCsv,
  'cssm-instances-csv': parseCssmInstancesCsv,
  'api-licenses-json': parseApiLicensesJson,
  'api-devices-json': parseApiDevicesJson,
  'slr-authorization-xml': parseSlrAuthorizationXml,
  'rum-report': parseRumReport,
  'classic-pak-csv': parseClassicPakCsv,
  'license-catalog-csv': parseLicenseCatalogCsv,
  'price-book': parsePriceBookCsv,
  'cssm-event-log-csv': parseEventLogCsv,
};
