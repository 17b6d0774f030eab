import { NOT_REPORTED } from '@trueup/excel-addin/model';

import { positionsCsv } from '../export/index.js';
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
  'billing',
  'usageReportedAt',
] as const;

/**
 * The one-line note for lines with no usage report on or before `asOf` (their consumed 0 is
 * not a measurement), naming the first date a report exists after it; null when every line has one.
 */
export function unreportedNote(
  lines: readonly NamedPositionLine[],
  asOf: string,
  firstReportAfter: string | null,
  marked = `marked "${NOT_REPORTED}"`,
): string | null {
  const missing = lines.filter((line) => line.usageReportedAt === null).length;
  if (missing === 0) return null;
  const first =
    firstReportAfter === null
      ? 'no usage report exists after it either'
      : `the earliest usage report after it is dated ${firstReportAfter}`;
  return (
    `note: ${missing} of ${lines.length} line(s) have no usage report on or before ${asOf} ` +
    `(consumed shows 0, ${marked}); ${first}`
  );
}

/**
 * The same lines as GraphQL `positionRows`, from the same service read, in the same order;
 * `note` (for stderr) says how many lines have no usage report at the date.
 */
export async function positionCommand(
  services: Services,
  options: PositionCommandOptions,
): Promise<{ output: string; note: string | null }> {
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
  const virtualAccountNames =
    options.virtualAccount === undefined ? undefined : [options.virtualAccount];
  const lines = await services.position.named({
    smartAccountId: account.id,
    asOf,
    includeClassic: options.includeClassic,
    virtualAccountNames,
  });
  const unreported = lines.some((l) => l.usageReportedAt === null);
  const firstAfter = unreported
    ? await services.position.firstUsageReportAfter({ smartAccountId: account.id, asOf })
    : null;
  if (options.format === 'csv') {
    const note = unreportedNote(lines, asOf, firstAfter, 'usageReportedAt empty');
    // One CSV layout for positions: the /export/positions.csv download's (GraphQL PositionRow's
    // flat columns and names), formula-like text made inert.
    const output = await positionsCsv(services, {
      smartAccountId: account.id,
      asOf,
      includeClassic: options.includeClassic,
      filter: { virtualAccountNames },
    });
    return { output, note };
  }
  const note = unreportedNote(lines, asOf, firstAfter);
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
    billing: l.billing,
    usageReportedAt: l.usageReportedAt ?? (options.format === 'json' ? null : NOT_REPORTED),
  }));
  return { output: render(rows, COLUMNS, options.format), note };
}
