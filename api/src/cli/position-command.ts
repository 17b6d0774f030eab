import type { NamedPositionLine, Services } from '../services/index.js';

import { CliError } from './errors.js';
import { render, type OutputFormat } from './output.js';

export interface PositionCommandOptions {
  readonly smartAccount: string;
  readonly asOf?: string | undefined;
  readonly virtualAccount?: string | undefined;
  readonly format: OutputFormat;
  readonly includeClassic: boolean;
}

const COLUMNS = [
  'virtualAccount',
  'license',
  'owned',
  'ownedSmart',
  'ownedClassic',
  'consumed',
  'reserved',
  'balance',
  'shortfall',
  'surplus',
] as const;

/** The same lines as GraphQL `positionRows`, paged through the same service, in the same order. */
export async function positionCommand(
  services: Services,
  options: PositionCommandOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  if (options.virtualAccount !== undefined) {
    const vas = await services.accounts.virtualAccountsOf([account.id]);
    if (!vas.some((va) => va.name === options.virtualAccount)) {
      throw new CliError(
        `no Virtual Account named "${options.virtualAccount}" in ${options.smartAccount}`,
      );
    }
  }
  const asOf = services.position.asOfOrToday(options.asOf);
  const lines: NamedPositionLine[] = [];
  let after: string | null = null;
  do {
    const page = await services.position.page({
      smartAccountId: account.id,
      asOf,
      includeClassic: options.includeClassic,
      filter:
        options.virtualAccount === undefined
          ? {}
          : { virtualAccountNames: [options.virtualAccount] },
      page: { first: 5000, after },
    });
    lines.push(...page.items.map((item) => item.node));
    after = page.hasNextPage ? page.endCursor : null;
  } while (after !== null);
  const rows = lines.map((l) => ({
    virtualAccount: l.virtualAccountName,
    license: l.licenseName,
    owned: l.owned,
    ownedSmart: l.ownedSmart,
    ownedClassic: l.ownedClassic,
    consumed: l.consumed,
    reserved: l.reserved,
    balance: l.balance,
    shortfall: l.shortfall,
    surplus: l.surplus,
  }));
  return render(rows, COLUMNS, options.format);
}
