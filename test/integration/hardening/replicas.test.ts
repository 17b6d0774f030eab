import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, systemClock } from '../../../api/src/index.js';
import { LEDGER_LOCK_CLASS, lockLedger, type DbHandle } from '../../../db/src/index.js';
import { graphql, setDefaultToken } from '../../support/graphql-client.js';
import { startServeProcess, type ServeProcess } from '../../support/serve-process.js';
import { createTestDb, onPostgres } from '../../support/test-db.js';

// Issue 19 item 8: two `trueup serve` processes (the built CLI, each its own process, pool and
// caches) on one PostgreSQL database, behind a client that alternates between them.
const DOMAIN = 'replicas.example';
// Both replicas fire their schedules at the same instants (every 4 s, UTC): each firing is a
// race the advisory lock must settle.
const CRON = '*/4 * * * * *';
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)), 'utf8');

const IMPORT = `mutation($f: String!, $c: String!) {
  importData(input: { smartAccount: "${DOMAIN}", fileName: $f, content: $c, asOf: "2026-11-01" }) {
    summary { committed errorCount files { alreadyImported } } } }`;
// Today's position (the rows the writers keep) and an earlier date's (the aggregate).
const POSITIONS = `{ smartAccount(domain: "${DOMAIN}") {
  today: position { consumed } past: position(asOf: "2026-11-01") { consumed } } }`;

interface ImportBody {
  importData: {
    summary: { committed: boolean; errorCount: number; files: { alreadyImported: boolean }[] };
  };
}
interface PositionsBody {
  smartAccount: { today: { consumed: string }[]; past: { consumed: string }[] };
}

/** The same export a day later: Sales-West uses `inUse` of its 10 DNA Essentials. */
const licensesWithSalesWestUsing = (inUse: number) =>
  fixture('acme-licenses.csv').replace(
    '"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","12","","-2"',
    `"Sales-West","C9200 24P DNA Essentials, 3Y Term","Prepaid","10","${inUse}","","${10 - inUse}"`,
  );

describe.skipIf(!onPostgres())('two trueup serve processes on one PostgreSQL', () => {
  let handle: DbHandle;
  let exportDir: string;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    handle = await createTestDb();
    const [row] = await handle.rows<{ name: string }>(sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const { token } = await createServices(handle, systemClock).access.create({
      role: 'ADMIN',
      smartAccounts: [],
      allSmartAccounts: true,
      name: 'replicas-admin',
    });
    exportDir = mkdtempSync(join(tmpdir(), 'trueup-replicas-'));
    const env = {
      DATABASE_URL: url.toString(),
      TRUEUP_SNAPSHOT_CRON: CRON,
      TRUEUP_EXPORT_CRON: CRON,
      TRUEUP_EXPORT_DIR: exportDir,
    };
    // One after the other: the bin rebuilds first when the sources are newer than the build.
    a = await startServeProcess(env);
    b = await startServeProcess(env);
    for (const server of [a, b]) setDefaultToken(server.graphqlUrl, token);
  }, 120_000);
  afterAll(async () => {
    for (const server of [a, b]) {
      if (!server) continue;
      setDefaultToken(server.graphqlUrl, undefined);
      await server.stop();
    }
    rmSync(exportDir, { recursive: true, force: true });
    await handle.close();
  });

  it('are two processes', () => {
    expect(new Set([a.pid, b.pid, process.pid]).size).toBe(3);
    expect(a.graphqlUrl).not.toBe(b.graphqlUrl);
  });

  it('serialises one file imported through both at once: one import, one "already imported"', async () => {
    const content = fixture('acme-licenses.csv');
    const results = await Promise.all(
      [a, b].map((s) => graphql<ImportBody>(s.graphqlUrl, IMPORT, { f: 'l.csv', c: content })),
    );
    const bodies = results.map((r) => r.data!.importData.summary);
    expect(bodies.map((r) => [r.committed, r.errorCount])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(bodies.map((r) => r.files[0]!.alreadyImported).sort()).toEqual([false, true]);
  });

  it('an import through one waits while another process holds the ledger lock', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    // This test process is the other writer (as an apply through A would be).
    const writer = handle.db.transaction(async (tx) => {
      await lockLedger(tx, DOMAIN);
      locked();
      await released;
    });
    await holding;
    let done = false;
    const imported = graphql<ImportBody>(b.graphqlUrl, IMPORT, {
      f: 'l-13.csv',
      c: licensesWithSalesWestUsing(13),
    }).then((r) => ((done = true), r));
    // Until PostgreSQL shows B's import queued behind the lock.
    for (let waiting = 0; waiting === 0;) {
      expect(done).toBe(false);
      const [row] = await handle.rows<{ n: number }>(
        sql`select count(*)::int n from pg_locks where locktype = 'advisory'
            and classid = ${LEDGER_LOCK_CLASS} and not granted`,
      );
      waiting = row?.n ?? 0;
    }
    release();
    await writer;
    expect((await imported).data!.importData.summary.committed).toBe(true);
  });

  it('a write through one is seen by the next read through the other', async () => {
    const consumed = (r: { data?: PositionsBody }) =>
      (['today', 'past'] as const).map((when) =>
        r.data!.smartAccount[when].reduce((s, l) => s + Number(l.consumed), 0),
      );
    // B reads (and keeps) both positions; A imports usage; B reads again, then A.
    const before = consumed(await graphql<PositionsBody>(b.graphqlUrl, POSITIONS));
    for (const [inUse, server] of [
      [15, a],
      [11, b],
      [17, a],
    ] as const) {
      const name = `l-${inUse}.csv`;
      const r = await graphql<ImportBody>(server.graphqlUrl, IMPORT, {
        f: name,
        c: licensesWithSalesWestUsing(inUse),
      });
      expect(r.data!.importData.summary.committed).toBe(true);
      const other = server === a ? b : a;
      // Sales-West's DNA Essentials were at 13 (the previous test's import).
      const expected = before.map((sum) => sum - 13 + inUse);
      expect(consumed(await graphql<PositionsBody>(other.graphqlUrl, POSITIONS))).toEqual(expected);
      expect(consumed(await graphql<PositionsBody>(server.graphqlUrl, POSITIONS))).toEqual(
        expected,
      );
    }
  });

  it('runs each scheduled snapshot and export once across both', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const lines = () => [...a.logLines(), ...b.logLines()];
    const ran = (msg: string) =>
      lines().filter((l) => l.msg === msg && Array.isArray(l.domains) && l.domains.includes(DOMAIN))
        .length;
    const firings = (msg: RegExp) => lines().filter((l) => msg.test(String(l.msg))).length;
    // Until both jobs ran for the account, then two more firings of both replicas.
    while (ran('scheduled snapshots taken') === 0 || ran('scheduled exports written') === 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seen = firings(/^scheduled (snapshots|exports)/);
    while (firings(/^scheduled (snapshots|exports)/) < seen + 8) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lines().filter((l) => /failed/.test(String(l.msg)))).toEqual([]);
    expect(ran('scheduled snapshots taken')).toBe(1);
    expect(ran('scheduled exports written')).toBe(1);
    const snapshots = await handle.rows<{ name: string }>(
      sql`select s.name from snapshots s join smart_accounts a on a.id = s.smart_account_id
          where a.domain = ${DOMAIN}`,
    );
    expect(snapshots.map((s) => s.name)).toEqual([`auto-${today}`]);
    expect(readdirSync(exportDir).sort()).toEqual([
      `trueup-${DOMAIN}-${today}-positions.csv`,
      `trueup-${DOMAIN}-${today}.xlsx`,
    ]);
  }, 120_000);
});
