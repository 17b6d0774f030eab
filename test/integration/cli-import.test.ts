import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { runCli } from '../support/cli.js';
import { createTestDb, onPostgres } from '../support/test-db.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

describe('trueup import', () => {
  let handle: DbHandle | undefined;
  let target: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'trueup-import-'));

  beforeAll(async () => {
    if (onPostgres()) {
      handle = await createTestDb();
      target = { DATABASE_URL: handle.location };
    } else {
      target = { TRUEUP_DATA_DIR: join(scratch, 'data') };
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  const position = async () =>
    (
      await runCli(
        ['position', '--smart-account', 'acme.example', '--as-of', '2026-11-01', '--format', 'csv'],
        target,
      )
    ).stdout;

  it('imports several files in one go and prints a summary', async () => {
    const result = await runCli(
      [
        'import',
        fixture('acme-licenses.csv'),
        fixture('acme-instances.csv'),
        '--smart-account',
        'acme.example',
        '--as-of',
        '2026-11-01',
      ],
      target,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('acme-licenses.csv: cssm-licenses-csv, 4 records');
    expect(result.stdout).toContain('acme-instances.csv: cssm-instances-csv, 45 records');
    expect(result.stdout).toMatch(
      /created 2 virtualAccounts, \d+ licenses, 4 entitlementLots, 15 productInstances, 34 usageReports; 0 warning\(s\)/,
    );
    // The ledger wins over the device sum: Sales-West DNA Essentials stays short by 2.
    // The export's layout: owned 10, consumed 12, reserved 0, balance −2, shortfall 2, surplus 0.
    expect(await position()).toContain(
      // PositionRow's columns: tags (none here) and environment, the license, its family, unit and
      // kind (DNA needs a Network license: an add-on), billing, owned (all Smart), consumed,
      // reserved, stated reserve, balance, shortfall,
      // surplus, when reported; no price.
      '"Sales-West",,,"PRODUCTION","C9200 24P DNA Essentials, 3Y Term","Catalyst 9200","DEVICE","ADD_ON","PREPAID",10,10,0,12,0,,-2,2,0,2026-11-01,,,',
    );
  });

  it('reports every bad cell as file:line:column and changes nothing', async () => {
    const before = await position();
    const bad = join(scratch, 'bad-licenses.csv');
    writeFileSync(
      bad,
      'Virtual Account;License;Purchased;In Use\nSales-West;ISE Base;ten;1\nSales-West;ISE Advantage;5;-1\n',
    );
    const result = await runCli(
      ['import', bad, '--smart-account', 'acme.example', '--as-of', '2026-11-01'],
      target,
    );
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad-licenses\.csv:2:3: .*"ten"/),
        expect.stringMatching(/^bad-licenses\.csv:3:4: .*negative/),
        '2 error(s), 0 warning(s): nothing was imported',
      ]),
    );
    expect(await position()).toBe(before);
  });

  it('leaves usageReportedAt empty on lines with no usage report at the date and says so in one note', async () => {
    const csv = join(scratch, 'licenses-nov.csv');
    writeFileSync(
      csv,
      '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts"\r\n' +
        '"Sales-West","C9200 24P Network Essentials","Prepaid","12","9","","3",""\r\n' +
        '"Sales-West","ISE Base","Prepaid","5","5","","0",""\r\n',
    );
    // As an import without --as-of on 2026-11-28 records it (the as-of defaults to today).
    const imported = await runCli(
      ['import', csv, '--smart-account', 'late.example', '--as-of', '2026-11-28'],
      target,
    );
    expect(imported.code).toBe(0);
    const at = (asOf: string) =>
      runCli(
        ['position', '--smart-account', 'late.example', '--as-of', asOf, '--format', 'csv'],
        target,
      );
    const early = await at('2026-11-01');
    expect(early.code).toBe(0);
    // Owned 12, consumed 0 (nothing reported yet), balance 12, surplus 12, billing unknown.
    expect(early.stdout).toMatch(
      /^2026-11-01,"Sales-West",,,"PRODUCTION","C9200 24P Network Essentials",[^,]*,"\w+","\w+","UNKNOWN",12,12,0,0,0,,12,0,12,,,,$/m,
    );
    expect(early.stderr).toBe(
      'note: 2 of 2 line(s) have no usage report on or before 2026-11-01 (consumed shows 0, ' +
        'usageReportedAt empty); the earliest usage report after it is dated 2026-11-28\n',
    );
    const later = await at('2026-11-28');
    expect(later.stdout).toMatch(
      /^2026-11-28,"Sales-West",,,"PRODUCTION","C9200 24P Network Essentials",[^,]*,"\w+","\w+","PREPAID",12,12,0,9,0,\d*,3,0,3,2026-11-28,,,$/m,
    );
    expect(later.stderr).toBe('');
  });

  it('rejects an unknown --format with one line', async () => {
    const result = await runCli(
      ['import', fixture('acme-licenses.csv'), '--smart-account', 'a.example', '--format', 'xlsx'],
      target,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Allowed choices are cssm-licenses-csv/);
  });

  it('tracks the SSM On-Prem server an import comes from (--source onprem:<host>)', async () => {
    const file = join(scratch, 'onprem-instances.csv');
    writeFileSync(
      file,
      'Virtual Account,Name,Last Contact,Registration Type\n' +
        'Plant,UDI_PID:C9300-24P; UDI_SN:CLI0001; ,2026-07-20,Smart Licensing\n' +
        'Plant,UDI_PID:C9300-24P; UDI_SN:CLI0002; ,2026-07-20,Specific License Reservation\n',
    );
    const imported = await runCli(
      [
        'import',
        file,
        '--smart-account',
        'onprem-cli.example',
        '--as-of',
        '2026-07-24',
        '--source',
        'onprem:ssm-cli.example.net',
      ],
      target,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const stale = async (asOf: string) => {
      const result = await runCli(
        [
          'findings',
          '--smart-account',
          'onprem-cli.example',
          '--as-of',
          asOf,
          '--code',
          'STALE_REPORTING',
          '--format',
          'json',
        ],
        target,
      );
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { message: string }[]).map((f) => f.message);
    };
    // 10 days after the sync: nothing; 100 days after: the satellite (past its 90-day deadline),
    // one finding that lists the device reporting through it, not the reserved one.
    expect(await stale('2026-08-03')).toEqual([]);
    const late = await stale('2026-11-01');
    expect(late).toEqual([
      expect.stringMatching(
        /^Satellite ssm-cli\.example\.net last synced on 2026-07-24, 100 days ago, .*its 1 instance \(0 licenses in use\) is unverified/,
      ),
    ]);
  });
});
