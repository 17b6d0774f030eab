import { readFileSync } from 'node:fs';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import * as operations from './operations.js';
import * as reallocation from './reallocation.js';
import * as renewal from './renewal.js';

const schema = buildSchema(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);

const documents = (
  [
    ...Object.values(operations),
    ...Object.values(reallocation),
    ...Object.values(renewal),
  ] as unknown[]
).filter(
  (value): value is { name: string; document: string } =>
    typeof value === 'object' && value !== null && 'document' in value,
);

describe('add-in GraphQL operations', () => {
  it('finds the operations to check', () => {
    expect(documents.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'PositionRows',
        'SimulateReallocation',
        'ApplyScenario',
        'RenewalModel',
      ]),
    );
  });

  it.each(documents.map((d) => [d.name, d.document] as const))(
    '%s is valid against api/schema.graphql',
    (_name, document) => {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    },
  );

  it('builds a valid custom-function batch for several as-of dates', () => {
    const errors = validate(schema, parse(operations.cellBatchDocument(3)));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
