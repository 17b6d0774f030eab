import { writeFile } from 'node:fs/promises';

import { catalogCsv } from '../export/index.js';
import type { Services } from '../services/index.js';

import { CliError } from './errors.js';

/**
 * `trueup catalog export`: the license catalog as a `license-catalog-csv` file (to stdout, or to
 * --output), for a customer to correct and import back.
 */
export async function catalogExportCommand(
  services: Services,
  options: { readonly smartAccount: string; readonly output?: string | undefined },
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const rows = await services.catalog.rows(account.id);
  const csv = catalogCsv(rows);
  if (options.output === undefined) return csv;
  await writeFile(options.output, csv);
  return `wrote ${options.output} (${rows.length} licenses)\n`;
}
