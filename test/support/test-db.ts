import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { inject } from 'vitest';

import { createPgliteDb, createPostgresDb, type DbHandle } from '../../db/src/index.js';

import { withAdminClient } from './postgres-admin.js';

/**
 * A fresh, migrated, empty database for one test file: PGlite in memory by default, or a clone
 * of the run's template database on PostgreSQL when DATABASE_URL is set. `close()` drops it.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `trueup_test_${randomBytes(6).toString('hex')}`;
    await withAdminClient(url, (admin) =>
      admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`),
    );
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const handle = await createPostgresDb({ url: testUrl.toString(), migrate: false, max: 4 });
    return {
      ...handle,
      async close() {
        await handle.close();
        await withAdminClient(url, (admin) =>
          admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return createPgliteDb({ dataDir: 'memory://', loadDataDir: blob, migrate: false });
}

/** True when the suite runs against PostgreSQL rather than embedded PGlite. */
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
