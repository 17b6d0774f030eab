import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import exceljs from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, fixedClock } from '../../api/src/services/index.js';
import { createPgliteDb, type DbHandle } from '../../db/src/index.js';
import { runCli } from '../support/cli.js';
import { MONEY_DOMAIN, MONEY_TODAY, insertMoneyEstate } from '../support/money-estate.js';
import { createTestDb, onPostgres } from '../support/test-db.js';

describe('trueup import --format price-book, renewal and export', () => {
  let handle: DbHandle | undefined;
  let target: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'trueup-cli-money-'));

  beforeAll(async () => {
    if (onPostgres()) {
      handle = await createTestDb();
      target = { DATABASE_URL: handle.location };
      await insertMoneyEstate(handle, createServices(handle, fixedClock(MONEY_TODAY)));
    } else {
      const dataDir = join(dir, 'data');
      const opened = await createPgliteDb({ dataDir });
      await insertMoneyEstate(opened, createServices(opened, fixedClock(MONEY_TODAY)));
      await opened.close(); // the CLI opens the data directory itself
      target = { TRUEUP_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  const cli = (args: string[]) => runCli(args, target);

  it('imports a price book, and rejects a bad one naming file, line and column', async () => {
    const good = join(dir, 'gbp.csv');
    writeFileSync(good, 'License,Currency,List Price,Valid From\nUnpriced,GBP,10.00,2026-01-01\n');
    const ok = await cli([
      'import',
      good,
      '--format',
      'price-book',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'License,Currency,List Price\nUnpriced,GBP,-1\n');
    const refused = await cli([
      'import',
      bad,
      '--format',
      'price-book',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('bad.csv:2:3');
  });

  it('prints the renewal model (hand-computed totals as in the GraphQL test; Network Advantage left out, EA price needed)', async () => {
    const result = await cli([
      'renewal',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
      '--currency',
      'USD',
      '--growth',
      '10',
      '--mode',
      'B',
      '--discount-rate',
      '0',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      years: { year: string; aLaCarte: string; enterpriseAgreement: string }[];
      meetsMinimumEaValue: boolean;
      eaPriceNeededLicenses: string[];
    };
    expect(report.years.at(-1)).toMatchObject({
      year: 'total',
      aLaCarte: '45600.00',
      enterpriseAgreement: '38500.00',
    });
    expect(report.eaPriceNeededLicenses).toEqual(['Network Advantage']);
    expect(report.meetsMinimumEaValue).toBe(false);
    const table = await cli([
      'renewal',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
      '--currency',
      'USD',
    ]);
    expect(table.stdout).toMatch(/true-forward mode B/);
    expect(table.stdout).toMatch(/left out \(EA price needed[^)]*\): Network Advantage/);
    const wrong = await cli(['renewal', '--smart-account', MONEY_DOMAIN, '--term', '4']);
    expect(wrong.code).not.toBe(0);
  });

  it('exports the workbook and the positions CSV', async () => {
    const file = join(dir, 'out.xlsx');
    const result = await cli([
      'export',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
      '--currency',
      'USD',
      '--output',
      file,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const workbook = new exceljs.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Positions',
      'Findings',
      'Renewal',
      'Renewal detail',
      'Break-even',
      'Break-even detail',
    ]);
    const csv = await cli([
      'export',
      '--smart-account',
      MONEY_DOMAIN,
      '--as-of',
      MONEY_TODAY,
      '--format',
      'csv',
    ]);
    expect(csv.stdout).toContain(
      '"Campus",,,"PRODUCTION","Network Advantage","Switching","DEVICE","BASE","UNKNOWN",20,20,0,22,0,,-2,2,0,2026-11-01,450.00,900.00,"USD"',
    );
    // Without --output the workbook goes to <domain>-<date>.xlsx (cli.test.ts); a folder that
    // does not exist is refused in one line, before anything is computed.
    const noFolder = await cli([
      'export',
      '--smart-account',
      MONEY_DOMAIN,
      '--output',
      join(dir, 'missing', 'book.xlsx'),
    ]);
    expect(noFolder.code).not.toBe(0);
    expect(noFolder.stderr.trim().split('\n')).toHaveLength(1);
    expect(noFolder.stderr).toContain('missing');
  });
});
