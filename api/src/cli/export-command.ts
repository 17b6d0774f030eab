import { writeFile } from 'node:fs/promises';

import { positionsCsv, workbookModels, writeXlsx } from '../export/index.js';
import type { Services } from '../services/index.js';

import { CliError } from './errors.js';

export interface ExportCommandOptions {
  readonly smartAccount: string;
  readonly asOf?: string | undefined;
  readonly format: 'xlsx' | 'csv';
  readonly currency?: string | undefined;
  readonly output?: string | undefined;
}

/**
 * `trueup export`: the workbook (Positions, Findings, Renewal with live formulas) or the
 * positions CSV. Returns what to print (a CSV without --output, else a one-line note).
 */
export async function exportCommand(
  services: Services,
  options: ExportCommandOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const query = {
    smartAccountId: account.id,
    asOf: services.position.asOfOrToday(options.asOf),
    currency: options.currency,
  };
  if (options.format === 'csv') {
    const csv = await positionsCsv(services, { ...query, includeClassic: true });
    if (options.output === undefined) return csv;
    await writeFile(options.output, csv);
    return `wrote ${options.output}\n`;
  }
  // Without --output, the workbook is named after the account and date, in this folder.
  const output = options.output ?? `${options.smartAccount}-${query.asOf}.xlsx`;
  const { models } = await workbookModels(services, query);
  await writeFile(output, await writeXlsx(models));
  return `wrote ${output} (${models.map((m) => m.name).join(', ')})\n`;
}
