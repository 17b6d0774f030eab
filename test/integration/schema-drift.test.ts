import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { printTrueupSchema } from '../../api/src/index.js';

describe('api/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:emit` after changing it)', async () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)),
      'utf8',
    );
    expect(await printTrueupSchema()).toBe(committed);
  });

  it('keeps the names and types clients rely on', async () => {
    const schema = buildSchema(await printTrueupSchema());
    // Arguments in name order, as the committed (sorted) schema prints them.
    const signature = (type: string, field: string) => {
      const f = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
      const args = [...f.args]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(
          (a) =>
            `${a.name}: ${String(a.type)}${a.defaultValue === undefined ? '' : ` = ${String(a.defaultValue)}`}`,
        );
      return `${field}(${args.join(', ')}): ${String(f.type)}`;
    };
    expect(signature('Query', 'smartAccounts')).toBe('smartAccounts(): [SmartAccount!]!');
    expect(signature('Query', 'smartAccount')).toBe('smartAccount(domain: String!): SmartAccount');
    expect(signature('SmartAccount', 'position')).toBe(
      'position(asOf: Date, includeClassic: Boolean = true): [LicensePosition!]',
    );
    expect(signature('SmartAccount', 'positionRows')).toBe(
      'positionRows(after: String, asOf: Date, filter: PositionFilter, first: Int, includeClassic: Boolean = true, orderBy: PositionRowOrder): PositionRowConnection!',
    );
    expect(signature('VirtualAccount', 'position')).toBe(
      'position(asOf: Date, includeClassic: Boolean = true): [PositionLine!]',
    );
    expect(signature('VirtualAccount', 'productInstances')).toBe(
      'productInstances(after: String, filter: ProductInstanceFilter, first: Int): ProductInstanceConnection!',
    );
    const line = Object.keys((schema.getType('PositionLine') as GraphQLObjectType).getFields());
    expect(line).toEqual(
      expect.arrayContaining([
        'virtualAccount',
        'license',
        'owned',
        'consumed',
        'reserved',
        'balance',
        'shortfall',
        'surplus',
      ]),
    );
    const position = Object.keys(
      (schema.getType('LicensePosition') as GraphQLObjectType).getFields(),
    );
    expect(position).toEqual(
      expect.arrayContaining([
        'license',
        'owned',
        'consumed',
        'balance',
        'grossShortfall',
        'netShortfall',
        'surplus',
      ]),
    );
    const connection = Object.keys(
      (schema.getType('PositionRowConnection') as GraphQLObjectType).getFields(),
    );
    expect(connection.sort()).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount']);
  });
});
