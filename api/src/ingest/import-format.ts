import type { UsageSource } from '../domain/index.js';

import type { HeaderCells } from './detect/header-cells.js';
import type { Parser } from './parser.js';

/** Where the usage figures of an imported file come from (the usage sources a file can be). */
export type ImportedUsageSource = Extract<
  UsageSource,
  'CSSM_EXPORT' | 'SMART_LICENSING_API' | 'RUM_REPORT'
>;

/**
 * How `detectFormat` recognises a format from a file's first ~64 KB. Give the one that fits the
 * file's syntax; `order` decides between formats whose rules both match.
 */
export interface FormatDetection {
  /** XML: tested against the head (e.g. the root element's name). */
  readonly xml?: RegExp;
  /**
   * JSON: the record keys the format's responses carry. Of every registered key, the one that
   * appears first in the head decides (a devices response listing per-device `licenses` stays a
   * devices response).
   */
  readonly jsonKeys?: readonly string[];
  /** CSV: whether a header line (cells compared lower-cased, whitespace removed) is this format. */
  readonly csvHeader?: (header: HeaderCells) => boolean;
  /**
   * Which rule is tried first when several match the same head: lower first (default 0), then
   * the registry's order. A narrower rule takes a lower order than a broader one it overlaps.
   */
  readonly order?: number;
}

/**
 * One import format: everything the CLI, the GraphQL API, detection and the import service need
 * to know about it. Add a format by writing one module in `import-formats/` and listing it in
 * `IMPORT_FORMAT_LIST` (`formats.ts`).
 */
export interface ImportFormatModule<Name extends string = string> {
  /** The CLI's `--format` value, stored as `import_runs.format`; GraphQL spells it SCREAMING_SNAKE. */
  readonly name: Name;
  /** One sentence for the GraphQL enum value and the docs. */
  readonly description: string;
  readonly detect: FormatDetection;
  readonly parse: Parser;
  /** Recorded as the source of every usage figure the file gives. */
  readonly usageSource: ImportedUsageSource;
  /** `devices`: written by the COPY-based device writer; `records`: by the record writer. */
  readonly writer: 'devices' | 'records';
}

/** Declares a format, keeping its `name` literal so that `ImportFormat` is a union of names. */
export function defineImportFormat<const Name extends string>(
  module: ImportFormatModule<Name>,
): ImportFormatModule<Name> {
  return module;
}
