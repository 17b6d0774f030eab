import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPgliteDb } from '@trueup/db';

import { createServices, fixedClock } from '../../api/src/index.js';
import { cliTarget, runCli, type CliTarget } from '../support/cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

describe('trueup token', () => {
  let cli: CliTarget;
  let target: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'trueup-token-'));

  beforeAll(async () => {
    cli = await cliTarget(scratch);
    target = cli.env;
    const imported = await runCli(
      [
        'import',
        fixture('acme-licenses.csv'),
        '--smart-account',
        'tok.example',
        '--as-of',
        '2026-11-01',
      ],
      target,
    );
    expect(imported.code).toBe(0);
  });
  afterAll(async () => {
    await cli?.close();
  });

  /** What the token authenticates to, read straight from the database the CLI wrote. */
  async function whoIs(token: string) {
    const db = cli.handle ?? (await createPgliteDb({ dataDir: target.TRUEUP_DATA_DIR! }));
    try {
      return await createServices(db, fixedClock('2026-11-28')).access.authenticate(token);
    } finally {
      if (!cli.handle) await db.close();
    }
  }

  let token = '';

  it('creates a token and prints it once, alone on the last line', async () => {
    const created = await runCli(
      [
        'token',
        'create',
        '--role',
        'viewer',
        '--smart-account',
        'tok.example',
        '--name',
        'bi-pull',
        '--expires',
        '2099-01-01',
      ],
      target,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('created VIEWER token "bi-pull" for tok.example; expires 2099-01-01');
    token = lines.at(-1)!;
    expect(token).toMatch(/^trueup_[\w-]{43}$/);
    expect(await whoIs(token)).toMatchObject({ tokenName: 'bi-pull', role: 'VIEWER' });
  });

  it('lists tokens without their secrets', async () => {
    const listed = await runCli(['token', 'list', '--format', 'json'], target);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        name: 'bi-pull',
        role: 'VIEWER',
        status: 'active',
        smartAccounts: 'tok.example',
        expires: '2099-01-01',
      }),
    ]);
    expect(listed.stdout).not.toContain(token.slice(7, 20));
  });

  it('refuses an unknown Smart Account or role in one line, creating nothing', async () => {
    const unknown = await runCli(
      ['token', 'create', '--role', 'admin', '--smart-account', 'nope.example'],
      target,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^[^\n]*no Smart Account with domain "nope\.example"\n$/);
    const badRole = await runCli(
      ['token', 'create', '--role', 'root', '--all-smart-accounts'],
      target,
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/expected viewer, analyst or admin/);
    const listed = JSON.parse((await runCli(['token', 'list', '--format', 'json'], target)).stdout);
    expect(listed).toHaveLength(1);
  });

  it('revokes a token by name; it stops authenticating', async () => {
    const revoked = await runCli(['token', 'revoke', 'bi-pull'], target);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/revoked token "bi-pull"/);
    expect(await whoIs(token)).toBeUndefined();
    const again = await runCli(['token', 'revoke', 'bi-pull'], target);
    expect(again.code).toBe(1);
  });
});
