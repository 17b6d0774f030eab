export { PARSERS } from './formats.js';
export { IMPORT_FORMATS, isImportFormat } from './parser.js';
export { detectFormat, SNIFF_BYTES } from './detect/detect-format.js';
export { formatIssue, IssueCollector, MAX_ISSUES, type IngestIssue } from './issues.js';
export type { ImportFormat, ParseContext, Parser } from './parser.js';
export type * from './records.js';
