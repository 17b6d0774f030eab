import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { DbHandle } from '@trueup/db';

import { positionsCsv } from '../export/positions-csv.js';
import { workbookModels } from '../export/workbook-data.js';
import { writeXlsx } from '../export/xlsx.js';

import type { Services } from './index.js';
import { runOncePerSchedule } from './schedule-lock.js';

/** File names of one account's scheduled exports on one day. */
export function exportFileNames(domain: string, asOf: string): { csv: string; xlsx: string } {
  const stem = `trueup-${domain.replace(/[^A-Za-z0-9.-]+/g, '_')}-${asOf}`;
  return { csv: `${stem}-positions.csv`, xlsx: `${stem}.xlsx` };
}

async function writeAtomically(path: string, body: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, body);
  await rename(temporary, path);
}

/**
 * One scheduled export run: for every Smart Account, today's workbook and positions CSV in
 * `dir` (the same files as `/export/workbook.xlsx` and `/export/positions.csv`), skipping an
 * account whose two files for today already exist. Files appear whole (written, then renamed).
 * Returns the domains exported.
 */
export async function writeScheduledExports(services: Services, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const asOf = services.position.asOfOrToday(null);
  const written: string[] = [];
  for (const account of await services.accounts.listSmartAccounts()) {
    const names = exportFileNames(account.domain, asOf);
    const csvPath = join(dir, names.csv);
    const xlsxPath = join(dir, names.xlsx);
    if (existsSync(csvPath) && existsSync(xlsxPath)) continue;
    const query = { smartAccountId: account.id, asOf };
    await writeAtomically(
      csvPath,
      await positionsCsv(services, { ...query, includeClassic: true }),
    );
    const { models } = await workbookModels(services, query);
    await writeAtomically(xlsxPath, await writeXlsx(models));
    written.push(account.domain);
  }
  return written;
}

/** The scheduled job: `writeScheduledExports` once across replicas (undefined: another ran it). */
export function runScheduledExports(
  handle: DbHandle,
  services: Services,
  dir: string,
): Promise<string[] | undefined> {
  return runOncePerSchedule(handle, 'exports', () => writeScheduledExports(services, dir));
}
