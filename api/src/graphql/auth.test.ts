import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

import { REQUIRED_ROLE, assertMutationsHaveRoles } from './auth.js';
import { createSchema } from './schema.js';

describe('role annotations (deny by default)', () => {
  it('every Mutation field of the real schema declares its role with @RequiresRole', async () => {
    const schema = await createSchema();
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(0);
    const roles = Object.fromEntries(fields.map((f) => [f.name, f.extensions[REQUIRED_ROLE]]));
    for (const [name, role] of Object.entries(roles)) {
      expect(['VIEWER', 'ANALYST', 'ADMIN'], name).toContain(role);
    }
    // Pin the roles of issue 8: ledger writes for admins, scenario drafting for analysts.
    expect(roles).toMatchObject({
      importData: 'ADMIN',
      takeSnapshot: 'ADMIN',
      reserveLicenses: 'ADMIN',
      updateReservation: 'ADMIN',
      transferReservation: 'ADMIN',
      returnReservation: 'ADMIN',
      convertClassicLots: 'ADMIN',
      setPrice: 'ADMIN',
      removePrice: 'ADMIN',
      applyScenario: 'ADMIN',
      createScenario: 'ANALYST',
      updateScenario: 'ANALYST',
      discardScenario: 'ANALYST',
    });
    // Simulations are reads, but for analysts.
    const queries = schema.getQueryType()!.getFields();
    for (const name of ['simulateReallocation', 'suggestReallocation', 'evaluateScenario']) {
      expect(queries[name]!.extensions[REQUIRED_ROLE], name).toBe('ANALYST');
    }
  });

  it('refuses to build a schema with a mutation that has no role', () => {
    const schema = buildSchema('type Query { a: Int } type Mutation { wipe: Int  ok: Int }');
    schema.getMutationType()!.getFields().ok!.extensions = { [REQUIRED_ROLE]: 'ADMIN' };
    expect(() => assertMutationsHaveRoles(schema)).toThrow(
      /without @RequiresRole\(\.\.\.\): wipe\./,
    );
  });
});
