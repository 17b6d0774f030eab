import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  buildSchema,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { DEFAULT_QUERY_LIMITS, operationDepth } from '../../api/src/http/query-limits.js';

/**
 * Realistic client operations (test/fixtures/client-operations/*.graphql): the pulls a BI
 * developer writes and the mutations an integrator sends, validated against the committed
 * schema (what a client's codegen reads). A schema change that breaks one of them fails here;
 * change the operation with the schema, deliberately.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const schema = buildSchema(readFileSync(here('../../api/schema.graphql'), 'utf8'));
const folder = here('../fixtures/client-operations/');

const documents: { file: string; document: DocumentNode }[] = readdirSync(folder)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ file, document: parse(readFileSync(`${folder}${file}`, 'utf8')) }));

const operations = documents.flatMap(({ file, document }) =>
  document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ file, document, operation, name: operation.name?.value ?? '' })),
);

describe('client operations against api/schema.graphql', () => {
  it('has at least 25 named operations, BI pulls and integrator mutations', () => {
    expect(documents.map((d) => d.file)).toEqual(['bi-pulls.graphql', 'integrator.graphql']);
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((o) => o.name === '')).toEqual([]);
    const names = operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    const mutations = operations.filter((o) => o.operation.operation === 'mutation');
    expect(mutations.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documents.map((d) => [d.file, d.document] as const))(
    '%s validates (fields, arguments, enum values, variable types, fragments)',
    (_file, document) => {
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    },
  );

  it('each operation nests within the server’s depth limit', () => {
    const tooDeep = operations
      .map((o) => ({
        name: o.name,
        depth: operationDepth(o.document, o.operation, DEFAULT_QUERY_LIMITS.maxDepth),
      }))
      .filter((o) => o.depth > DEFAULT_QUERY_LIMITS.maxDepth);
    expect(tooDeep).toEqual([]);
  });

  it('catches an operation the schema does not support', () => {
    const stale = parse(`
      query Stale($domain: String!) {
        smartAccount(domain: $domain) {
          positionRows(first: 10, noSuchFilter: "EMEA") { nodes { licenseName noSuchColumn } }
          findings(codes: [NOT_A_CODE]) { totalCount }
        }
      }
    `);
    expect(validate(schema, stale).map((e) => e.message)).toEqual([
      expect.stringContaining(
        'Unknown argument "noSuchFilter" on field "SmartAccount.positionRows"',
      ),
      expect.stringContaining('Cannot query field "noSuchColumn" on type "PositionRow"'),
      expect.stringContaining('Value "NOT_A_CODE" does not exist in "FindingCode" enum'),
    ]);
  });
});
