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
} satisfies TableSpec<string>;

type Row = TableRow<keyof typeof CATALOG_COLUMNS>;

const UNITS: Readonly<Record<string, CatalogRecord['unit']>> = {
  device: 'DEVICE',
  user: 'USER',
  count: 'COUNT',
};
/** Kinds compared without case, spaces, hyphens or underscores: `Add-on` = `ADD_ON` = `addon`. */
const KINDS: Readonly<Record<string, CatalogRecord['licenseKind']>> = {
  base: 'BASE',
  addon: 'ADD_ON',
};

function readChoice<T>(
  row: Row,
  key: 'unit' | 'kind',
  choices: Readonly<Record<string, T>>,
  issues: IssueCollector,
  allowed: string,
): T | null {
  const text = row.text(key);
  const label = key === 'unit' ? 'Unit' : 'Kind';
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
 * (`Add-on` accepted), any case; other values are `UNKNOWN_VALUE` errors. A license listed twice
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
    const license = row.text('license');
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
    const entitlementTag = row.text('tag');
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
    if (unit === null || licenseKind === null || issues.errorCount > errorsBefore) continue;
    yield {
      kind: 'catalog',
      at: { line: row.line, column: 1 },
      license,
      entitlementTag,
      productFamily: row.text('family'),
      unit,
      licenseKind,
      requiredBaseLicense: row.text('requiredBase'),
    };
  }
};
