import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { eq, sql } from 'drizzle-orm';

import { createServices, fixedClock, startApi } from '@trueup/api';
import {
  createPgliteDb,
  createPostgresDb,
  DEMO_ACCOUNTS,
  seedDemo,
  smartAccounts,
  type DbHandle,
} from '@trueup/db';

import { benchToken } from './auth.js';
import { MemoryPosition, type FlatPositionRow } from './floor/memory-position.js';
import { BI_PAGE_SIZE } from './queries.js';
import { timed } from './stats.js';
import { SCALES, type BenchContext, type Preset } from './types.js';

/** Every date of the demo estate is placed relative to this; the position is read as of it. */
export const REFERENCE_DATE = '2026-06-30';

/**
 * A database of its own per preset (`trueup_bench_<preset>`, or `TRUEUP_BENCH_DB` when set, e.g.
 * a copy made with `create database … template trueup_bench_large`), created when missing.
 */
async function openPostgres(
  url: string,
  preset: Preset,
): Promise<{ handle: DbHandle; url: string }> {
  const name = process.env.TRUEUP_BENCH_DB ?? `trueup_bench_${preset}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`TRUEUP_BENCH_DB must be a plain identifier: ${name}`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = await createPostgresDb({ url: adminUrl.toString(), migrate: false, max: 1 });
  try {
    const found = await admin.rows(sql`select 1 from pg_database where datname = ${name}`);
    if (found.length === 0) await admin.rows(sql.raw(`create database ${name}`));
  } finally {
    await admin.close();
  }
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  return { handle: await createPostgresDb({ url: benchUrl.toString() }), url: benchUrl.toString() };
}

export interface Harness {
  readonly context: BenchContext;
  readonly seed: { ms: number; created: boolean; counts: Record<string, number> };
  close(): Promise<void>;
}

/**
 * Opens the bench database (PostgreSQL when DATABASE_URL is set, else PGlite in
 * `.trueup-bench/<preset>`), seeds the demo estate once (kept between runs: seeding is
 * idempotent), and starts the API on a loopback port.
 */
export async function openHarness(options: {
  preset: Preset;
  repoRoot: string;
  log: (message: string) => void;
}): Promise<Harness> {
  const { preset, repoRoot, log } = options;
  const envUrl = process.env.DATABASE_URL;
  let handle: DbHandle;
  let databaseUrl: string | undefined;
  if (envUrl) {
    ({ handle, url: databaseUrl } = await openPostgres(envUrl, preset));
  } else {
    const dataDir = join(repoRoot, '.trueup-bench', preset);
    mkdirSync(dataDir, { recursive: true });
    handle = await createPgliteDb({ dataDir, purpose: 'bench' });
  }
  log(`database: ${handle.kind} ${handle.location}`);
  log(`seeding the ${preset} demo estate (kept if already there)…`);
  const seeded = await timed(() => seedDemo(handle, { preset, referenceDate: REFERENCE_DATE }));
  log(`  ${seeded.value.created ? 'seeded' : 'already seeded'} in ${Math.round(seeded.ms)} ms`);
  if (seeded.value.created) {
    // A deployed database has autovacuum; a freshly bulk-seeded one has no statistics and no
    // visibility map until it runs. Do here what autovacuum would, so plans are the real ones.
    const vacuumed = await timed(() => handle.db.execute(sql`vacuum analyze`));
    log(`  vacuum analyze in ${Math.round(vacuumed.ms)} ms`);
  }
  const domain = DEMO_ACCOUNTS[preset].domain;
  const [account] = await handle.db
    .select({ id: smartAccounts.id })
    .from(smartAccounts)
    .where(eq(smartAccounts.domain, domain));
  if (!account) throw new Error(`no Smart Account ${domain} after seeding`);
  const services = createServices(handle, fixedClock(REFERENCE_DATE));
  const server = await startApi(services, { host: '127.0.0.1', port: 0, allowedOrigins: [] });
  const token = await benchToken(services, domain);

  let memory: Promise<MemoryPosition> | undefined;
  const loadMemoryPosition = async () => {
    const rows: FlatPositionRow[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await services.position.rowsPage({
        smartAccountId: account.id,
        asOf: REFERENCE_DATE,
        includeClassic: true,
        page: { first: BI_PAGE_SIZE, after },
      });
      for (const { node } of page.items) {
        rows.push({
          virtualAccountName: node.virtualAccountName,
          licenseName: node.licenseName,
          owned: node.owned,
          ownedSmart: node.ownedSmart,
          ownedClassic: node.ownedClassic,
          consumed: node.consumed,
          reserved: node.reserved,
          balance: node.balance,
          shortfall: node.shortfall,
          surplus: node.surplus,
        });
      }
      if (!page.hasNextPage) return new MemoryPosition(rows);
      after = page.endCursor;
    }
  };

  const context: BenchContext = {
    preset,
    scale: SCALES[preset],
    repoRoot,
    handle,
    databaseUrl,
    services,
    api: { url: server.graphqlUrl, token },
    domain,
    smartAccountId: account.id,
    asOf: REFERENCE_DATE,
    memoryPosition: () => (memory ??= loadMemoryPosition()),
    memo: new Map(),
    log,
  };
  return {
    context,
    seed: { ms: seeded.ms, created: seeded.value.created, counts: seeded.value.counts },
    async close() {
      await server.close();
      await handle.close();
    },
  };
}
