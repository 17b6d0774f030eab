import type { IssueCollector } from '../issues.js';
import type { ParseContext, Parser } from '../parser.js';
import type { CatalogRecord, IngestRecord } from '../records.js';

import type { TableSpec } from './headers.js';
import { openTable, type TableRow } from './table.js';

const CATALOG_COLUMNS = {
  license: { aliases: ['License'], required: true },
  tag: { aliases: ['Entitlement Tag', 'Tag'] },
  family: { aliases: ['Product Family', 'Family'] },
  unit: { aliases: ['Unit'], required: true },
  kind: { aliases: ['Kind'], required: true },
  requiredBase: { aliases: ['Required Base', 'Requires'] },
  entitlementType: { aliases: ['Entitlement Type'] },
} satisfies TableSpec<string>;

type Row = TableRow<keyof typeof CATALOG_COLUMNS>;

const UNITS: Readonly<Record<string, CatalogRecord['unit']>> = {
  device: 'DEVICE',
  user: 'USER',
  count: 'COUNT',
};
/** How Cisco sells the license; blank = not stated (an existing value is kept). */
const ENTITLEMENT_TYPES: Readonly<Record<string, NonNullable<CatalogRecord['entitlementType']>>> = {
  term: 'TERM',
  perpetual: 'PERPETUAL',
  subscription: 'SUBSCRIPTION',
  usage: 'USAGE',
};
/** Kinds compared without case, spaces, hyphens or underscores: `Add-on` = `ADD_ON` = `addon`. */
const KINDS: Readonly<Record<string, CatalogRecord['licenseKind']>> = {
  base: 'BASE',
  addon: 'ADD_ON',
};

const LABELS = { unit: 'Unit', kind: 'Kind', entitlementType: 'Entitlement Type' } as const;

/**
 * A cell as the export wrote it: the export puts `'` before text a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`), so that `'` is taken off again.
 */
function cell(row: Row, key: keyof typeof CATALOG_COLUMNS): string | null {
  const text = row.text(key);
  return text !== null && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function readChoice<T>(
  row: Row,
  key: keyof typeof LABELS,
  choices: Readonly<Record<string, T>>,
  issues: IssueCollector,
  allowed: string,
): T | null {
  const text = row.text(key);
  const label = LABELS[key];
  if (text === null) {
    issues.error('MISSING_VALUE', row.at(key), `${label} is blank (use ${allowed})`);
    return null;
  }
  const value = choices[text.toLowerCase().replace(/[\s_-]+/g, '')];
  if (value === undefined) {
    issues.error('UNKNOWN_VALUE', row.at(key), `${label} "${text}" is not one of ${allowed}`);
    return null;
  }
  return value;
}

/**
 * Parses a license catalog CSV (the name ↔ tag, family, unit, kind and required-base table that no
 * Cisco format carries) into `CatalogRecord`s. `Unit` is DEVICE/USER/COUNT and `Kind` BASE/ADD_ON
 * (`Add-on` accepted), any case; the optional `Entitlement Type` is TERM, PERPETUAL,
 * SUBSCRIPTION or USAGE (blank: not stated); other values are `UNKNOWN_VALUE` errors. A leading
 * `'` that the catalog export put before formula-like text is dropped. A license listed twice
 * is a `DUPLICATE_ROW` error; a tag given to two licenses is `CONFLICTING_TAG`.
 */
export const parseLicenseCatalogCsv: Parser = async function* (
  input,
  context: ParseContext,
): AsyncGenerator<IngestRecord> {
  const { issues } = context;
  const table = await openTable(input, CATALOG_COLUMNS, issues);
  if (!table) return;
  const licenses = new Map<string, number>();
  const tags = new Map<string, { license: string; line: number }>();
  for await (const row of table.rows) {
    const errorsBefore = issues.errorCount;
    const license = cell(row, 'license');
    if (license === null) {
      issues.error('MISSING_VALUE', row.at('license'), 'License is blank');
      continue;
    }
    const firstLine = licenses.get(license);
    if (firstLine !== undefined) {
      issues.error(
        'DUPLICATE_ROW',
        { line: row.line, column: 1 },
        `"${license}" is listed again (first on line ${firstLine})`,
      );
      continue;
    }
    licenses.set(license, row.line);
    const entitlementTag = cell(row, 'tag');
    const owner = entitlementTag === null ? undefined : tags.get(entitlementTag);
    if (entitlementTag !== null && owner) {
      issues.error(
        'CONFLICTING_TAG',
        row.at('tag'),
        `tag "${entitlementTag}" is already "${owner.license}" on line ${owner.line}`,
      );
    } else if (entitlementTag !== null) tags.set(entitlementTag, { license, line: row.line });
    const unit = readChoice(row, 'unit', UNITS, issues, 'DEVICE, USER, COUNT');
    const licenseKind = readChoice(row, 'kind', KINDS, issues, 'BASE, ADD_ON');
    const entitlementType =
      row.text('entitlementType') === null
        ? null
        : readChoice(
            row,
            'entitlementType',
            ENTITLEMENT_TYPES,
            issues,
            'TERM, PERPETUAL, SUBSCRIPTION, USAGE',
          );
    if (unit === null || licenseKind === null || issues.errorCount > errorsBefore) continue;
    yield {
      kind: 'catalog',
      at: { line: row.line, column: 1 },
      license,
      entitlementTag,
      productFamily: cell(row, 'family'),
      unit,
      licenseKind,
      requiredBaseLicense: cell(row, 'requiredBase'),
      entitlementType,
    };
  }
};
