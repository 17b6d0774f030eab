import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { SAMPLE_QUERY } from '../../api/src/index.js';
import { runCli, startCli } from '../support/cli.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb, onPostgres } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const AS_OF = '2026-11-28';

describe('trueup CLI argument errors', () => {
  it('prints help for every command', async () => {
    const root = await runCli(['--help']);
    expect(root.code).toBe(0);
    for (const command of ['serve', 'demo', 'position']) {
      expect(root.stdout).toContain(command);
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: trueup ${command}`));
    }
  });

  it.each([
    [['position'], /required option '--smart-account <domain>'/],
    [
      ['position', '--smart-account', 'a.example', '--as-of', '2026-13-01'],
      /expected a date as YYYY-MM-DD/,
    ],
    [
      ['position', '--smart-account', 'a.example', '--format', 'xml'],
      /Allowed choices are table, json, csv/,
    ],
    [['demo', '--preset', 'huge'], /Allowed choices are small, large/],
    [['serve', '--port', 'eighty'], /expected a port/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['positon'], /unknown command 'positon' \(Did you mean position\?\)/],
    [
      ['position', '--smart-acount', 'a.example'],
      /unknown option '--smart-acount' \(Did you mean --smart-account\?\)/,
    ],
    [
      ['import', 'no-such-file.csv', '--smart-account', 'a.example'],
      /no-such-file\.csv: no such file/,
    ],
    [
      ['export', '--smart-account', 'a.example', '--output', 'no/such/folder/x.xlsx'],
      /no\/such\/folder\/x\.xlsx: the folder .*no\/such\/folder does not exist/,
    ],
  ])('rejects %j with one clear line and a non-zero exit', async (args, message) => {
    const result = await runCli(args, {
      TRUEUP_DATA_DIR: mkdtempSync(join(tmpdir(), 'trueup-cli-')),
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});

describe('trueup demo and position against the database', () => {
  let handle: DbHandle | undefined;
  let target: Record<string, string>;
  let dataDir = '';

  beforeAll(async () => {
    if (onPostgres()) {
      handle = await createTestDb();
      target = { DATABASE_URL: handle.location };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'trueup-cli-'));
      target = { TRUEUP_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('loads the demo once, then changes nothing', async () => {
    const first = await runCli(['demo', '--reference-date', AS_OF], target);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/loaded acme-networks\.example/);
    const second = await runCli(['demo', '--reference-date', AS_OF], target);
    expect(second.stdout).toMatch(
      /acme-networks\.example is already loaded in .*; nothing changed/,
    );
  });

  it('says clearly when the Smart Account or Virtual Account does not exist', async () => {
    const account = await runCli(['position', '--smart-account', 'nobody.example'], target);
    expect([account.code, account.stderr]).toEqual([
      1,
      'trueup: no Smart Account with domain "nobody.example"\n',
    ]);
    const va = await runCli(
      ['position', '--smart-account', 'acme-networks.example', '--virtual-account', 'Nope'],
      target,
    );
    expect(va.code).toBe(1);
    expect(va.stderr).toMatch(/no Virtual Account named "Nope"/);
  });

  it('prints JSON that agrees to the unit with GraphQL positionRows', async () => {
    const cli = await runCli(
      [
        'position',
        '--smart-account',
        'acme-networks.example',
        '--as-of',
        AS_OF,
        '--format',
        'json',
      ],
      target,
    );
    expect(cli.code).toBe(0);
    const rows = JSON.parse(cli.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(20);
    for (const key of [
      'virtualAccount',
      'license',
      'owned',
      'consumed',
      'reserved',
      'balance',
      'shortfall',
      'surplus',
      'billing',
      'usageReportedAt',
    ]) {
      expect(rows[0]).toHaveProperty(key);
    }
    // Now read the same database through GraphQL (the CLI has exited and released it).
    const db = handle ?? (await import('@trueup/db')).createPgliteDb({ dataDir });
    const opened = await db;
    const server = await startTestApi(opened, AS_OF);
    try {
      const res = await graphql<{
        smartAccount: { positionRows: { nodes: Record<string, unknown>[] } };
      }>(
        server.graphqlUrl,
        `{
        smartAccount(domain: "acme-networks.example") { positionRows(asOf: "${AS_OF}", first: 5000) { nodes {
          virtualAccount: virtualAccountName license: licenseName owned ownedSmart ownedClassic consumed reserved balance shortfall surplus
          billing usageReportedAt } } } }`,
      );
      expect(res.errors).toBeUndefined();
      // GraphQL sends the sums as BigInt strings of digits, the CLI's JSON as numbers.
      const sums = ['owned', 'ownedSmart', 'ownedClassic', 'consumed', 'reserved', 'balance'];
      sums.push('shortfall', 'surplus');
      const nodes = res.data!.smartAccount.positionRows.nodes.map((node) =>
        Object.fromEntries(
          Object.entries(node).map(([k, v]) => [k, sums.includes(k) ? Number(v) : v]),
        ),
      );
      expect(rows).toEqual(nodes);
    } finally {
      await server.close();
      if (!handle) await opened.close();
    }
  });

  it('lists findings as JSON, each with its proof, and filters by code', async () => {
    const result = await runCli(
      [
        'findings',
        '--smart-account',
        'acme-networks.example',
        '--as-of',
        AS_OF,
        '--format',
        'json',
      ],
      target,
    );
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    for (const key of [
      'code',
      'severity',
      'virtualAccount',
      'license',
      'quantity',
      'message',
      'evidence',
    ]) {
      expect(findings[0]).toHaveProperty(key);
    }
    const over = findings.find((f) => f.code === 'OVER_RESERVATION')!;
    expect(JSON.stringify(over.evidence)).toContain('lon-wlc-slr-01');
    const stale = await runCli(
      [
        'findings',
        '--smart-account',
        'acme-networks.example',
        '--as-of',
        AS_OF,
        '--code',
        'GHOST_CONSUMPTION',
        '--format',
        'json',
      ],
      target,
    );
    const ghosts = JSON.parse(stale.stdout) as { code: string }[];
    expect(ghosts.length).toBeGreaterThan(0);
    expect(new Set(ghosts.map((g) => g.code))).toEqual(new Set(['GHOST_CONSUMPTION']));
    const bad = await runCli(
      ['findings', '--smart-account', 'acme-networks.example', '--code', 'NOPE'],
      target,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints CSV with a header and the same number of rows', async () => {
    const json = JSON.parse(
      (
        await runCli(
          [
            'position',
            '--smart-account',
            'acme-networks.example',
            '--as-of',
            AS_OF,
            '--format',
            'json',
          ],
          target,
        )
      ).stdout,
    ) as unknown[];
    const csv = await runCli(
      ['position', '--smart-account', 'acme-networks.example', '--as-of', AS_OF, '--format', 'csv'],
      target,
    );
    const lines = csv.stdout.trim().split('\n');
    // The export's layout (GraphQL PositionRow's columns), the same file as `export --format csv`.
    expect(lines[0]).toBe(
      'asOf,virtualAccountName,region,businessUnit,environment,licenseName,productFamily,unit,kind,billing,owned,ownedSmart,ownedClassic,consumed,reserved,statedReserved,balance,shortfall,surplus,usageReportedAt,unitPrice,exposure,currency',
    );
    expect(lines).toHaveLength(json.length + 1);
    const exported = await runCli(
      ['export', '--smart-account', 'acme-networks.example', '--as-of', AS_OF, '--format', 'csv'],
      target,
    );
    expect(exported.stdout).toBe(csv.stdout);
  });

  // Beside a running `serve`, embedded PGlite is reached through the server's socket.
  it.skipIf(onPostgres())(
    'serves the demo, and every other command works on its data directory meanwhile',
    async () => {
      const { child, output } = await startCli(
        ['serve', '--port', '0'],
        /Try it:[\s\S]*\n\n/,
        target,
      );
      try {
        // The first start printed an admin token for the demo, before the curl that uses it.
        const token = /TRUEUP_TOKEN=(trueup_[\w-]{43})\n/.exec(output)![1]!;
        expect(output).toMatch(/created ADMIN token "demo-admin" for acme-networks\.example/);
        expect(output.indexOf(token)).toBeLessThan(output.indexOf('curl '));
        // The server answers health and the sample query.
        const graphqlUrl = /GraphQL:\s+(\S+)/.exec(output)![1]!;
        const refused = await graphql(graphqlUrl, SAMPLE_QUERY, {}, { token: null });
        expect(refused.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
        const health = await fetch(new URL('/healthz', graphqlUrl));
        expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
        const sample = await graphql<{
          smartAccount: { name: string; positionRows: { totalCount: number } };
        }>(graphqlUrl, SAMPLE_QUERY, {}, { token });
        expect(sample.errors).toBeUndefined();
        expect(sample.data!.smartAccount.name).toBe('Acme Networks');

        // token create and position run while serve holds the directory...
        const created = await runCli(
          ['token', 'create', '--role', 'viewer', '--smart-account', 'acme-networks.example'],
          target,
        );
        expect(created.stderr).toBe('');
        expect(created.code).toBe(0);
        const viewer = created.stdout.trim().split('\n').at(-1)!;
        expect(viewer).toMatch(/^trueup_[\w-]{43}$/);
        const position = await runCli(
          [
            'position',
            '--smart-account',
            'acme-networks.example',
            '--as-of',
            AS_OF,
            '--format',
            'json',
          ],
          target,
        );
        expect(position.code).toBe(0);
        const rows = JSON.parse(position.stdout) as { virtualAccount: string }[];
        expect(rows.length).toBe(sample.data!.smartAccount.positionRows.totalCount);
        // ...and write the same database the server reads: the new token works at once.
        const asViewer = await graphql<{ smartAccount: { name: string } }>(
          graphqlUrl,
          '{ smartAccount(domain: "acme-networks.example") { name } }',
          {},
          { token: viewer },
        );
        expect(asViewer.data?.smartAccount.name).toBe('Acme Networks');
        // An import beside the server goes through the socket too (its devices file is staged
        // by batched inserts there: COPY FROM STDIN over the socket would end PGlite's backend).
        const imported = await runCli(
          [
            'import',
            join(import.meta.dirname, '../fixtures/import/acme-instances.csv'),
            '--smart-account',
            'beside-serve.example',
          ],
          target,
        );
        expect(imported.stderr).not.toMatch(/error/i);
        expect(imported.code).toBe(0);
        const importedPosition = await runCli(
          ['position', '--smart-account', 'beside-serve.example', '--format', 'json'],
          target,
        );
        expect(importedPosition.code).toBe(0);
        const importedRows = JSON.parse(importedPosition.stdout) as {
          virtualAccount: string;
          license: string;
          consumed: number;
        }[];
        // By hand from the fixture: 12 devices in Sales-West each run one C9200 24P Network Essentials.
        expect(
          importedRows.find(
            (r) =>
              r.virtualAccount === 'Sales-West' && r.license === 'C9200 24P Network Essentials',
          )?.consumed,
        ).toBe(12);
        // A second start would say how to get a token again: the listing shows both.
        const list = await runCli(['token', 'list', '--format', 'json'], target);
        expect((JSON.parse(list.stdout) as unknown[]).length).toBe(2);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('close', resolve));
      }
      // After the server stops, the directory opens in process again.
      const after = await runCli(['token', 'list', '--format', 'json'], target);
      expect(after.code).toBe(0);
      expect(readdirSync(dataDir)).not.toContain('trueup.sock');
    },
  );
});
