import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { smartAccounts } from '../schema/index.js';

import { openDb } from './index.js';
import type { DbHandle } from './types.js';

// The compiled package, as another process (the CLI beside `serve`) loads it.
const DB_DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/**
 * Another process opening the same data directory. It runs `body` (an async function body with
 * `handle`, `sql`, `say(line)` and `next()` = the next line on its stdin) and prints its lines.
 */
function guest(dataDir: string, body: string) {
  const script = `
    import { openDb } from ${JSON.stringify(DB_DIST)};
    import { sql } from 'drizzle-orm';
    import { createInterface } from 'node:readline';
    const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value;
    const say = (line) => process.stdout.write(line + '\\n');
    const handle = await openDb({ dataDir: ${JSON.stringify(dataDir)}, purpose: 'guest' });
    try { ${body} } finally { await handle.close(); process.exit(0); }
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
  }) as ChildProcessWithoutNullStreams;
  const out = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    line: async () => {
      const next = await out.next();
      if (next.done) throw new Error(`guest ended early: ${stderr}`);
      return next.value;
    },
    done: new Promise<string>((resolve) => child.on('close', () => resolve(stderr))),
  };
}

// Embedded PGlite shared on a Unix socket by the process holding the directory (`serve` does
// this), and reached by other processes through postgres.js.
describe('PGlite shared on a socket with other processes', () => {
  let owner: DbHandle;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'trueup-share-')), 'data');
    owner = await openDb({ dataDir, purpose: 'test owner', share: true });
  });
  afterAll(async () => {
    await owner?.close();
  });

  it('lets another process read and write the same database', async () => {
    const g = guest(
      dataDir,
      `say(handle.location);
       await handle.rows(sql\`insert into smart_accounts (domain, name) values ('guest.example', 'Guest')\`);
       say('inserted');`,
    );
    expect(await g.line()).toMatch(/through the running server's socket/);
    expect(await g.line()).toBe('inserted');
    expect(await g.done).toBe('');
    const seen = await owner.db.select().from(smartAccounts);
    expect(seen.map((r) => r.domain)).toEqual(['guest.example']);
  });

  it('keeps the parameterised queries of two processes apart when they interleave', async () => {
    const body = (offset: number) =>
      `const asks = Array.from({ length: 30 }, (_, i) => i + ${offset});
       const answers = await Promise.all(asks.map((i) =>
         handle.rows(sql\`select \${i}::int * 10 as n, \${'v' + i}::text as v\`)));
       say(JSON.stringify(answers.map((rows) => [rows[0].n, rows[0].v])));`;
    const [a, b] = [guest(dataDir, body(0)), guest(dataDir, body(1000))];
    const [lineA, lineB] = await Promise.all([a.line(), b.line()]);
    const expected = (offset: number) =>
      Array.from({ length: 30 }, (_, i) => [(i + offset) * 10, `v${i + offset}`]);
    expect(JSON.parse(lineA)).toEqual(expected(0));
    expect(JSON.parse(lineB)).toEqual(expected(1000));
    await Promise.all([a.done, b.done]);
  });

  it("keeps another process's open transaction away from the owner's queries", async () => {
    const g = guest(
      dataDir,
      `await handle.db.transaction(async (tx) => {
         await tx.execute(sql\`insert into smart_accounts (domain, name) values ('pending.example', 'Pending')\`);
         say('inserted, not committed');
         await next();
         throw new Error('roll back');
       }).catch(() => say('rolled back'));`,
    );
    expect(await g.line()).toBe('inserted, not committed');
    // Without the session gate this read would run inside the guest's transaction and see the
    // uncommitted row; with it, the read waits for the transaction to end.
    const read = owner.db
      .select({ domain: smartAccounts.domain })
      .from(smartAccounts)
      .then((rows) => rows); // starts it now
    g.child.stdin.write('go\n');
    expect(await g.line()).toBe('rolled back');
    expect((await read).map((r) => r.domain)).toEqual(['guest.example']);
    await g.done;
  });

  it('bulk-loads from another process without COPY, quoting kept', async () => {
    const g = guest(
      dataDir,
      `say(String(await handle.copyInto('smart_accounts', ['domain', 'name'],
         [['c1.example', 'Comma, "Quoted"'], ['c2.example', 'Plain']])));`,
    );
    expect(await g.line()).toBe('2');
    await g.done;
    const rows = await owner.db
      .select({ name: smartAccounts.name })
      .from(smartAccounts)
      .orderBy(smartAccounts.domain);
    expect(rows.map((r) => r.name)).toEqual(['Comma, "Quoted"', 'Plain', 'Guest']);
  });
});
