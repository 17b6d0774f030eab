import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { createPgliteDb, migratePostgres } from '../../db/src/index.js';

import { templateDatabaseName, withAdminClient } from './postgres-admin.js';

/**
 * Runs once per `vitest run`: prepares a migrated template so each test file gets a fresh
 * database in about a second instead of re-running initdb + migrations.
 * - PGlite: a dumped data directory (tarball) that workers load.
 * - PostgreSQL (DATABASE_URL set): a template database that workers clone.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = templateDatabaseName();
    await withAdminClient(url, async (admin) => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${template}`);
    });
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    await migratePostgres(templateUrl.toString());
    project.provide('postgresTemplate', template);
    return async () => {
      await withAdminClient(url, (admin) =>
        admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`),
      );
    };
  }
  const handle = await createPgliteDb({ dataDir: 'memory://' });
  const dump = await handle.pglite.dumpDataDir('none');
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), 'trueup-template-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
