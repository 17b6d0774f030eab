import { formatMinor, type Finding } from '../domain/index.js';
import type { Services } from '../services/index.js';

import { CliError } from './errors.js';
import { grouped, render, type OutputFormat } from './output.js';

export interface FindingsCommandOptions {
  readonly smartAccount: string;
  readonly asOf?: string | undefined;
  readonly code?: readonly string[] | undefined;
  readonly severity?: readonly string[] | undefined;
  readonly virtualAccount?: string | undefined;
  readonly format: OutputFormat;
}

/** A finding as the CLI prints it: names instead of ids, money as a decimal string. */
export function toFindingRow(finding: Finding) {
  return {
    code: finding.code,
    severity: finding.severity,
    virtualAccount: finding.virtualAccountName,
    license: finding.licenseName,
    quantity: finding.quantity,
    money: finding.money
      ? { amount: formatMinor(finding.money.amountMinor), currency: finding.money.currency }
      : null,
    message: finding.message,
    evidence: finding.evidence,
  };
}

const COLUMNS = [
  'severity',
  'code',
  'virtualAccount',
  'license',
  'quantity',
  'money',
  'message',
] as const;

/** `trueup findings`: what to act on before a true-up, with the rows that prove each finding. */
export async function findingsCommand(
  services: Services,
  options: FindingsCommandOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const all = await services.findings({
    smartAccountId: account.id,
    asOf: options.asOf,
    includeClassic: true,
  });
  const selected = all.filter(
    (f) =>
      (!options.code || options.code.includes(f.code)) &&
      (!options.severity || options.severity.includes(f.severity)) &&
      (options.virtualAccount === undefined || f.virtualAccountName === options.virtualAccount),
  );
  const rows = selected.map(toFindingRow);
  if (options.format === 'json')
    return (
      JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) + '\n'
    );
  const flat = rows.map((r) => ({
    ...r,
    money: r.money
      ? `${options.format === 'table' ? grouped(r.money.amount) : r.money.amount} ${r.money.currency}`
      : null,
    evidence: options.format === 'csv' ? JSON.stringify(r.evidence) : null,
  }));
  return render(
    flat,
    options.format === 'csv' ? [...COLUMNS, 'evidence'] : COLUMNS,
    options.format,
  );
}
