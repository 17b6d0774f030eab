import { fileURLToPath } from 'node:url';

/** The drizzle-kit migrations folder shipped beside the compiled package (db/migrations). */
export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant key for `pg_advisory_lock`, so concurrent starts migrate one at a time. */
export const MIGRATION_LOCK_KEY = 7_340_112_001;
