import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { printTrueupSchema } from '../../api/src/index.js';

describe('api/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:emit` after changing it)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8');
    expect(await printTrueupSchema()).toBe(committed);
  });

  it('keeps the names clients rely on', async () => {
    const sdl = await printTrueupSchema();
    for (const fragment of [
      'smartAccounts: [SmartAccount!]!',
      'smartAccount(domain: String!): SmartAccount',
      'position(asOf: Date, includeClassic: Boolean = true): [LicensePosition!]!',
      'positionRows(after: String, asOf: Date, filter: PositionFilter, first: Int, includeClassic: Boolean = true): PositionLineConnection!',
      'productInstances(after: String, filter: ProductInstanceFilter, first: Int): ProductInstanceConnection!',
      'entitlements: [Entitlement!]!',
    ]) {
      expect(sdl).toContain(fragment);
    }
  });
});
