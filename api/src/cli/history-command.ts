import type { Services } from '../services/index.js';

import { CliError } from './errors.js';
import { render, type OutputFormat } from './output.js';

async function accountId(services: Services, domain: string): Promise<number> {
  const account = await services.accounts.smartAccountByDomain(domain);
  if (!account) throw new CliError(`no Smart Account with domain "${domain}"`);
  return account.id;
}

/** `trueup snapshot`: freezes the position under a label. */
export async function snapshotCommand(
  services: Services,
  options: { smartAccount: string; label: string; asOf?: string | undefined },
): Promise<string> {
  const snapshot = await services.history.takeSnapshot({
    smartAccountId: await accountId(services, options.smartAccount),
    label: options.label,
    asOf: options.asOf,
    includeClassic: true,
  });
  return `snapshot "${snapshot.name}" of ${options.smartAccount} as of ${snapshot.asOf} taken\n`;
}

const COLUMNS = [
  'virtualAccount',
  'license',
  'ownedBefore',
  'ownedAfter',
  'consumedBefore',
  'consumedAfter',
  'balanceBefore',
  'balanceAfter',
  'balanceChange',
] as const;

/** `trueup drift`: what moved between two snapshots or dates, and which findings came and went. */
export async function driftCommand(
  services: Services,
  options: { smartAccount: string; from: string; to: string; format: OutputFormat },
): Promise<string> {
  const id = await accountId(services, options.smartAccount);
  const result = await services.history.drift({
    smartAccountId: id,
    from: options.from,
    to: options.to,
  });
  const [vas, licenses] = await Promise.all([
    services.accounts.virtualAccountsOf([id]),
    services.accounts.licensesOf([id]),
  ]);
  const vaName = new Map(vas.map((v) => [v.id, v.name]));
  const licenseName = new Map(licenses.map((l) => [l.id, l.name]));
  const rows = result.lines.map((l) => ({
    virtualAccount: vaName.get(l.virtualAccountId) ?? String(l.virtualAccountId),
    license: licenseName.get(l.licenseId) ?? String(l.licenseId),
    ownedBefore: l.ownedBefore,
    ownedAfter: l.ownedAfter,
    consumedBefore: l.consumedBefore,
    consumedAfter: l.consumedAfter,
    balanceBefore: l.balanceBefore,
    balanceAfter: l.balanceAfter,
    balanceChange: l.balanceChange,
  }));
  if (options.format === 'json') {
    const findings = (fs: typeof result.openedFindings) =>
      fs.map((f) => ({
        code: f.code,
        virtualAccount: f.virtualAccountName,
        license: f.licenseName,
        message: f.message,
      }));
    return (
      JSON.stringify(
        {
          from: result.fromAsOf,
          to: result.toAsOf,
          lines: rows,
          openedFindings: findings(result.openedFindings),
          resolvedFindings: findings(result.resolvedFindings),
        },
        null,
        2,
      ) + '\n'
    );
  }
  const table = render(rows, COLUMNS, options.format);
  if (options.format === 'csv') return table;
  return `${table}\n${result.openedFindings.length} finding(s) opened, ${result.resolvedFindings.length} resolved between ${result.fromAsOf} and ${result.toAsOf}\n`;
}
