import type { Services } from '../services/index.js';

import { CliError } from './errors.js';
import { render, type OutputFormat } from './output.js';

export interface EventsCommandOptions {
  readonly smartAccount: string;
  readonly kind?: string | undefined;
  readonly first?: number | undefined;
  readonly after?: string | undefined;
  readonly format: OutputFormat;
}

const COLUMNS = ['occurredAt', 'kind', 'user', 'virtualAccount', 'message'] as const;

/**
 * `trueup events`: Cisco's Event Log as imported, newest first, one page at a time. On a table,
 * a last line says how to ask for the next page.
 */
export async function eventsCommand(
  services: Services,
  options: EventsCommandOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const page = await services.events.page({
    smartAccountId: account.id,
    kind: options.kind,
    page: { first: options.first, after: options.after },
  });
  const rows = page.items.map(({ node }) => ({
    occurredAt: node.occurredAt,
    kind: node.kind,
    user: node.user,
    virtualAccount: node.virtualAccount,
    message: node.message,
  }));
  const text = render(rows, COLUMNS, options.format);
  if (options.format !== 'table') return text;
  const more = page.hasNextPage ? `; next page: --after ${page.endCursor ?? ''}` : '';
  return `${text}${rows.length} of ${page.totalCount} event(s)${more}\n`;
}
