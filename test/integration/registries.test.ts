import { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { FINDING_CODE_LIST } from '../../api/src/domain/index.js';
import { enumDescriptions, enumFromList } from '../../api/src/graphql/enum-from-list.js';
import { runParser } from '../../api/src/ingest/csv/run-parser.js';
import { detectFormat, IMPORT_FORMAT_LIST } from '../../api/src/ingest/index.js';
import { widgetCountCsv } from '../fixtures/registry/widget-count-csv.js';
import { WIDGET_SHORTAGE } from '../fixtures/registry/widget-shortage.js';

// Adding a format or a finding code is one file plus one line in its list. Each test below
// adds a test-only one (fixtures/registry) to a copy of the list, and checks that what the
// application derives from the list (detection, the GraphQL enum, the CLI choices) picks it up.

/** A GraphQL enum built the way the schema builds its enums from a list. */
function graphqlEnum(
  name: string,
  entries: readonly { readonly value: string; readonly description: string }[],
): GraphQLEnumType {
  const keys = enumFromList(entries.map((entry) => entry.value)) as Record<string, string>;
  const descriptions = enumDescriptions(entries) as Record<string, { description: string }>;
  return new GraphQLEnumType({
    name,
    values: Object.fromEntries(
      Object.entries(keys).map(([key, value]) => [
        key,
        { value, description: descriptions[key]?.description ?? null },
      ]),
    ),
  });
}

describe('the import format registry', () => {
  const FORMATS = [...IMPORT_FORMAT_LIST, widgetCountCsv];

  it('detects a format added with one module and one line', () => {
    expect(detectFormat('Widget,Count\nsprocket,3\n', 'widgets.txt', FORMATS)).toBe(
      'widget-count-csv',
    );
    // The registered formats still detect as before, and the real list does not know it.
    expect(detectFormat('License,Purchased,In Use', 'x.csv', FORMATS)).toBe('cssm-licenses-csv');
    expect(detectFormat('Widget,Count\nsprocket,3\n', 'widgets.txt')).toBeNull();
  });

  it('parses through the module, reporting bad input at file:line:column', async () => {
    const run = await runParser(widgetCountCsv.parse, 'Gadget,Count\n', { fileName: 'w.csv' });
    expect(run.issues).toEqual([
      expect.objectContaining({ file: 'w.csv', line: 1, column: 1, code: 'MISSING_COLUMN' }),
    ]);
  });

  it('gives the GraphQL enum and the CLI choices its value', () => {
    const type = graphqlEnum(
      'ImportFormat',
      FORMATS.map((f) => ({ value: f.name, description: f.description })),
    );
    expect(type.getValue('WIDGET_COUNT_CSV')).toMatchObject({
      value: 'widget-count-csv',
      description: 'Test only: a CSV of widget counts.',
    });
    expect(type.getValue('CSSM_LICENSES_CSV')?.value).toBe('cssm-licenses-csv');
    expect(FORMATS.map((f) => f.name)).toContain('widget-count-csv');
  });
});

describe('the finding code list', () => {
  const CODES = [...FINDING_CODE_LIST, WIDGET_SHORTAGE];

  it('gives the GraphQL enum a code added with one entry', () => {
    const type = graphqlEnum(
      'FindingCode',
      CODES.map(({ code, description }) => ({ value: code, description })),
    );
    expect(type.getValue('WIDGET_SHORTAGE')).toMatchObject({
      value: 'WIDGET_SHORTAGE',
      description: 'Test only: fewer widgets than devices.',
    });
    expect(type.getValue('INSUFFICIENT_LICENSES')?.value).toBe('INSUFFICIENT_LICENSES');
    expect(type.getValues()).toHaveLength(13);
  });
});
