import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { largeInstancesCsv } from '../support/large-files.js';
import { createTestDb } from '../support/test-db.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)), 'utf8');

describe('concurrent imports into one Smart Account', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
  });
  afterAll(async () => {
    await handle.close();
  });

  const run = (domain: string, fileName: string, content: string) =>
    services.imports.run({
      smartAccount: domain,
      asOf: '2026-11-01',
      dryRun: false,
      files: [textSource(fileName, content)],
    });

  async function position(domain: string) {
    const account = await services.accounts.smartAccountByDomain(domain);
    if (!account) throw new Error(`no ${domain}`);
    const page = await services.position.rowsPage({
      smartAccountId: account.id,
      asOf: '2026-11-01',
      includeClassic: true,
      page: { first: 5000 },
    });
    return page.items.map(({ node }) => [
      node.virtualAccountName,
      node.licenseName,
      node.owned,
      node.consumed,
    ]);
  }

  it('imports the same file four times at once: one import, three "already imported"', async () => {
    const content = fixture('acme-licenses.csv');
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => run('same.example', 'acme-licenses.csv', content)),
    );
    expect(results.every((r) => r.committed && r.errorCount === 0)).toBe(true);
    const fresh = results.filter((r) => !r.files[0]!.alreadyImported);
    expect(fresh).toHaveLength(1);
    const account = await services.accounts.smartAccountByDomain('same.example');
    expect(await services.imports.runsOf(account!.id, 10)).toHaveLength(1);
  });

  it('imports different files at once to the same result as one after the other', async () => {
    const licenses = fixture('acme-licenses.csv');
    const instances = fixture('acme-instances.csv');
    const big = largeInstancesCsv(2_000);
    await run('sequential.example', 'l.csv', licenses);
    await run('sequential.example', 'i.csv', instances);
    await run('sequential.example', 'big.csv', big);
    const results = await Promise.all([
      run('parallel.example', 'big.csv', big),
      run('parallel.example', 'l.csv', licenses),
      run('parallel.example', 'i.csv', instances),
    ]);
    expect(results.map((r) => [r.committed, r.errorCount])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
    ]);
    expect(await position('parallel.example')).toEqual(await position('sequential.example'));
  });
});
