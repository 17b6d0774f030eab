export {
  IMPORT_FORMAT_LIST,
  IMPORT_FORMATS,
  importFormat,
  isImportFormat,
  PARSERS,
} from './formats.js';
export { detectFormat, SNIFF_BYTES } from './detect/detect-format.js';
export { formatIssue, IssueCollector, MAX_ISSUES, type IngestIssue } from './issues.js';
export {
  defineImportFormat,
  type FormatDetection,
  type ImportedUsageSource,
  type ImportFormatModule,
} from './import-format.js';
export type { ImportFormat } from './formats.js';
export type { ParseContext, Parser } from './parser.js';
export type * from './records.js';
