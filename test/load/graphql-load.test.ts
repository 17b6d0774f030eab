import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemo, type DbHandle } from '@trueup/db';

import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

import { quantile, runLoad } from './graphql-load.mjs';

describe('the load script', () => {
  it('takes nearest-rank quantiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(sorted, 0.5), quantile(sorted, 0.99), quantile(sorted, 1)]).toEqual([
      50, 99, 100,
    ]);
    expect(quantile([7], 0.99)).toBe(7);
  });

  describe('a short bounded run (5 clients, 2 s) against the demo', () => {
    let handle: DbHandle;
    let server: Awaited<ReturnType<typeof startTestApi>>;

    beforeAll(async () => {
      handle = await createTestDb();
      await seedDemo(handle, { preset: 'small', referenceDate: '2026-11-28' });
      server = await startTestApi(handle, '2026-11-28');
    });
    afterAll(async () => {
      await server.close();
      await handle.close();
    });

    it('answers every position and findings request without an error', async () => {
      const { token } = await server.services.access.create({
        role: 'VIEWER',
        smartAccounts: ['acme-networks.example'],
        name: 'load-viewer',
      });
      const result = await runLoad({
        url: server.graphqlUrl,
        token,
        domain: 'acme-networks.example',
        clients: 5,
        seconds: 2,
      });
      expect(result.firstError).toBeUndefined();
      expect(result.errors).toBe(0);
      expect(result.byQuery.position!.requests).toBeGreaterThan(0);
      expect(result.byQuery.findings!.requests).toBeGreaterThan(0);
    });
  });
});
