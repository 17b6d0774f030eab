import type { ImportFormatModule } from './import-format.js';
import { apiDevicesJson } from './import-formats/api-devices-json.js';
import { apiLicensesJson } from './import-formats/api-licenses-json.js';
import { classicPakCsv } from './import-formats/classic-pak-csv.js';
import { cssmEventLogCsv } from './import-formats/cssm-event-log-csv.js';
import { cssmInstancesCsv } from './import-formats/cssm-instances-csv.js';
import { cssmLicensesCsv } from './import-formats/cssm-licenses-csv.js';
import { licenseCatalogCsv } from './import-formats/license-catalog-csv.js';
import { priceBook } from './import-formats/price-book.js';
import { rumReport } from './import-formats/rum-report.js';
import { slrAuthorizationXml } from './import-formats/slr-authorization-xml.js';
import type { Parser } from './parser.js';

/**
 * Every import format, the one list (like graphql-js `specifiedRules`): detection, the CLI's
 * `--format` choices (in this order), the GraphQL `ImportFormat` enum and the import service's
 * parser, usage source and writer all derive from it. Where two detection rules both match, the
 * lower `detect.order` wins, then the earlier in this list.
 */
export const IMPORT_FORMAT_LIST = [
  cssmLicensesCsv,
  cssmInstancesCsv,
  apiLicensesJson,
  apiDevicesJson,
  slrAuthorizationXml,
  rumReport,
  classicPakCsv,
  licenseCatalogCsv,
  priceBook,
  cssmEventLogCsv,
] as const satisfies readonly ImportFormatModule[];

/** A format's name: the CLI's `--format` value. */
export type ImportFormat = (typeof IMPORT_FORMAT_LIST)[number]['name'];

/** Formats an import accepts (the CLI's `--format` values). */
export const IMPORT_FORMATS: readonly ImportFormat[] = IMPORT_FORMAT_LIST.map((f) => f.name);

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

const BY_NAME = new Map<string, ImportFormatModule>(IMPORT_FORMAT_LIST.map((f) => [f.name, f]));

/** The module of a format. */
export function importFormat(name: ImportFormat): ImportFormatModule<ImportFormat> {
  return BY_NAME.get(name) as ImportFormatModule<ImportFormat>;
}

/** Every import format and the parser that reads it. */
export const PARSERS: Readonly<Record<ImportFormat, Parser>> = Object.fromEntries(
  IMPORT_FORMAT_LIST.map((f) => [f.name, f.parse]),
) as Record<ImportFormat, Parser>;
