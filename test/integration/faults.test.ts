import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPgliteDb, type DbHandle } from '@trueup/db';

import { runCli, spawnCli } from '../support/cli.js';
import { graphql } from '../support/graphql-client.js';
import { largeInstancesCsv, writeLargeInstancesCsv } from '../support/large-files.js';
import { ledgerChecksum } from '../support/ledger-checksum.js';
import { holdRowLock, withAdminClient } from '../support/postgres-admin.js';
import { createTestDb, onPostgres } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

describe('a CLI import killed (SIGKILL) in the middle of writing', () => {
  let handle: DbHandle | undefined;
  let target: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'trueup-faults-'));
  const big = join(scratch, 'big-instances.csv');

  beforeAll(async () => {
    if (onPostgres()) {
      handle = await createTestDb();
      target = { DATABASE_URL: handle.location };
    } else {
      target = { TRUEUP_DATA_DIR: join(scratch, 'data') };
    }
    // 15,000 devices × 2 licenses: long enough to be caught mid-write.
    await writeLargeInstancesCsv(big, 15_000);
    const first = await runCli(
      [
        'import',
        fixture('acme-licenses.csv'),
        '--smart-account',
        'kill.example',
        '--as-of',
        '2026-11-01',
      ],
      target,
    );
    expect(first.code).toBe(0);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function checksum() {
    if (handle) return ledgerChecksum(handle);
    const db = await createPgliteDb({ dataDir: target.TRUEUP_DATA_DIR! });
    try {
      return await ledgerChecksum(db);
    } finally {
      await db.close();
    }
  }

  // A devices file is read once, its records checked and streamed through COPY into a staging
  // table (`importing`, pass 1), then written set-based (`writing`, pass 2): a kill in either
  // leaves nothing.
  it.each([
    {
      when: 'while its records stream through COPY',
      account: 'kill.example',
      at: /importing \S+ \[[#.]+\] (\d+)%/,
      minimum: 20,
    },
    {
      when: 'while the staged rows are written set-based',
      account: 'kill-apply.example',
      at: /writing \S+ \[[#.]+\] (\d+)%/,
      minimum: 0,
    },
  ])('killed $when: leaves the ledger exactly as before, and the next import works', async (c) => {
    const before = await checksum();
    const child = spawnCli(['import', big, '--smart-account', c.account, '--as-of', '2026-11-02'], {
      ...target,
      TRUEUP_PROGRESS: '1',
    });
    let stderr = '';
    const killedAt = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const progress = c.at.exec(stderr.slice(-300));
        if (progress && Number(progress[1]) >= c.minimum && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(progress[0]);
        }
      });
      child.on('close', (code, signal) => {
        if (signal !== 'SIGKILL')
          reject(new Error(`import ended (${code}) before the kill:\n${stderr}`));
      });
    });
    await new Promise((resolve) =>
      child.exitCode === null && child.signalCode === null
        ? child.once('close', resolve)
        : resolve(null),
    );
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedAt).toMatch(/big-instances\.csv/);
    expect(await checksum()).toEqual(before);
    // Nothing is left locked or half-open: the same import now runs to the end.
    const again = await runCli(
      ['import', big, '--smart-account', c.account, '--as-of', '2026-11-02'],
      target,
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/created .*15000 productInstances/);
  });
});

describe.runIf(onPostgres())('a PostgreSQL connection dropped in the middle of an import', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    handle = await createTestDb();
    ({ graphqlUrl: url, close } = await startTestApi(handle, '2026-11-28'));
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('rolls the import back, and the server reconnects and serves without a restart', async () => {
    const seeded = await graphql(
      url,
      `
        mutation ($c: String!) {
          importData(
            input: {
              smartAccount: "drop.example"
              fileName: "small.csv"
              content: $c
              asOf: "2026-11-01"
              virtualAccount: "VA-00"
            }
          ) {
            summary {
              committed
            }
          }
        }
      `,
      { c: largeInstancesCsv(10) },
    );
    expect(seeded.data).toEqual({ importData: { summary: { committed: true } } });
    const before = await ledgerChecksum(handle);
    const database = new URL(handle.location).pathname.slice(1);
    // Hold the account's version row: the import writes everything, then waits to bump the
    // version at its end, so it cannot commit before it is caught (however fast it gets).
    const held = await holdRowLock(
      handle.location,
      `select 1 from position_versions pv join smart_accounts sa on sa.id = pv.smart_account_id
       where sa.domain = 'drop.example' for update of pv`,
    );
    const importing = graphql(
      url,
      `
        mutation ($c: String!) {
          importData(
            input: {
              smartAccount: "drop.example"
              fileName: "big.csv"
              content: $c
              asOf: "2026-11-02"
            }
          ) {
            summary {
              committed
            }
          }
        }
      `,
      { c: largeInstancesCsv(12_000) },
    );
    // Terminate the backend of the import's transaction once it has written something.
    const terminated = await withAdminClient(process.env.DATABASE_URL!, async (admin) => {
      for (let attempt = 0; attempt < 1_500; attempt++) {
        const rows = await admin<{ pid: number }[]>`
          select pid from pg_stat_activity
          where datname = ${database} and backend_xid is not null
            and pid <> pg_backend_pid() and pid <> ${held.pid}`;
        if (rows[0]) {
          await admin`select pg_terminate_backend(${rows[0].pid})`;
          return rows[0].pid;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return undefined;
    });
    await held.release();
    expect(terminated).toBeDefined();
    const failed = await importing;
    expect(failed.data).toBeNull();
    expect(failed.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(failed.errors![0]!.extensions!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.errors![0]!.message).not.toMatch(/terminat|postgres|SQL/i);
    expect(await ledgerChecksum(handle)).toEqual(before);
    // Same server, same pool: the next requests get fresh connections.
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    const read = await graphql<{ smartAccount: { virtualAccounts: { name: string }[] } }>(
      url,
      '{ smartAccount(domain: "drop.example") { virtualAccounts { name } } }',
    );
    expect(read.errors).toBeUndefined();
    // The seed's ten Virtual Accounts, and none of the big file's VA-10..VA-19.
    expect(read.data!.smartAccount.virtualAccounts).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ name: `VA-0${i}` })),
    );
  });
});
