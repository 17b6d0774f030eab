import { readFile } from 'node:fs/promises';

import { parse } from 'csv-parse/sync';
import { z } from 'zod';

import { formatMinor, type Money, type SimulationResult } from '../domain/index.js';
import type { NameBook, NamedMove, NamedPolicy, Services } from '../services/index.js';

import { CliError } from './errors.js';
import { counted, grouped, render, type OutputFormat } from './output.js';

/** Policy flags shared by `suggest` and `scenario create --from-suggestion`. */
export interface PolicyFlags {
  /** Basis points (the CLI reads `--headroom 10` as 10 % = 1000 bp). */
  headroom?: number | undefined;
  horizon?: string | undefined;
  sameRegion?: boolean | undefined;
  sameBusinessUnit?: boolean | undefined;
  productionToNonProduction?: boolean | undefined;
  locked?: string[] | undefined;
}

export const policyOf = (flags: PolicyFlags): NamedPolicy => ({
  ...(flags.headroom !== undefined ? { headroomBasisPoints: flags.headroom } : {}),
  ...(flags.horizon ? { horizon: flags.horizon } : {}),
  ...(flags.sameRegion ? { sameRegion: true } : {}),
  ...(flags.sameBusinessUnit ? { sameBusinessUnit: true } : {}),
  ...(flags.productionToNonProduction === false ? { productionToNonProduction: false } : {}),
  lockedVirtualAccounts: flags.locked ?? [],
});

async function accountId(services: Services, domain: string): Promise<number> {
  const account = await services.accounts.smartAccountByDomain(domain);
  if (!account) throw new CliError(`no Smart Account with domain "${domain}"`);
  return account.id;
}

const money = (amounts: readonly Money[]) =>
  amounts.map((m) => ({ amount: formatMinor(m.amountMinor), currency: m.currency }));
const moneyText = (amounts: readonly Money[], unpricedUnits: number) =>
  [
    ...amounts.map((m) => `${grouped(formatMinor(m.amountMinor))} ${m.currency}`),
    ...(unpricedUnits > 0 || amounts.length === 0 ? [`${unpricedUnits} unpriced units`] : []),
  ].join(' + ');

const MOVE_COLUMNS = ['license', 'licenseType', 'quantity', 'from', 'to'] as const;

/** `trueup suggest`: the optimizer's plan and the transfer requests for Cisco's API. */
export async function suggestCommand(
  services: Services,
  options: PolicyFlags & { smartAccount: string; asOf?: string | undefined; format: OutputFormat },
): Promise<string> {
  const { plan, book, asOf } = await services.reallocation.suggest({
    smartAccountId: await accountId(services, options.smartAccount),
    asOf: options.asOf,
    policy: policyOf(options),
  });
  const moves = services.reallocation.nameMoves(book, plan.moves);
  const transferRequests = plan.transferRequests.map((request) => ({
    sourceVirtualAccount: book.virtualAccountName.get(request.sourceVirtualAccountId),
    licenses: request.licenses.map((line) => ({
      license: book.licenseName.get(line.licenseId),
      licenseType: line.licenseType,
      quantity: line.quantity,
      targetVirtualAccount: book.virtualAccountName.get(line.targetVirtualAccountId),
      ...(line.note ? { note: line.note } : {}),
    })),
  }));
  if (options.format === 'json') {
    return (
      JSON.stringify(
        {
          smartAccount: options.smartAccount,
          asOf,
          moves,
          transferRequests,
          curedUnits: plan.curedUnits,
          boundUnits: plan.boundUnits,
          exposureBefore: money(plan.exposureBefore),
          exposureAfter: money(plan.exposureAfter),
          unpricedShortfallBefore: plan.unpricedShortfallBefore,
          unpricedShortfallAfter: plan.unpricedShortfallAfter,
        },
        null,
        2,
      ) + '\n'
    );
  }
  const rows = moves.map((m) => ({ ...m, licenseType: m.licenseType ?? '' }));
  const summary =
    `${options.smartAccount} as of ${asOf}: ${counted(plan.moves.length, 'move')} cure ${plan.curedUnits} of ${plan.boundUnits} curable units ` +
    `in ${counted(transferRequests.length, 'transfer request')}\n` +
    `exposure before: ${moneyText(plan.exposureBefore, plan.unpricedShortfallBefore)}\n` +
    `exposure after:  ${moneyText(plan.exposureAfter, plan.unpricedShortfallAfter)}\n`;
  if (options.format === 'csv') return render(rows, MOVE_COLUMNS, 'csv');
  return (rows.length > 0 ? render(rows, MOVE_COLUMNS, 'table') + '\n' : '') + summary;
}

const moveSchema = z.object({
  license: z.string().min(1),
  quantity: z.coerce.number().int().positive(),
  from: z.string().min(1),
  to: z.string().min(1),
  licenseType: z
    .enum(['TERM', 'PERPETUAL', 'UNKNOWN', ''])
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Moves from a JSON array or a CSV file with columns license, quantity, from, to[, licenseType]. */
export async function readMovesFile(file: string): Promise<NamedMove[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliError(`${file}: cannot read the file`);
  });
  let records: unknown[];
  try {
    records = file.toLowerCase().endsWith('.json')
      ? (JSON.parse(text) as unknown[])
      : (parse(text, { columns: true, skip_empty_lines: true, trim: true }) as unknown[]);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(records)) throw new CliError(`${file}: expected a list of moves`);
  return records.map((record, index) => {
    const parsed = moveSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        `${file}: move ${index + 1}${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  });
}

const LINE_COLUMNS = [
  'virtualAccount',
  'license',
  'ownedBefore',
  'ownedAfter',
  'consumed',
  'shortfallBefore',
  'shortfallAfter',
  'surplusBefore',
  'surplusAfter',
] as const;

/** A simulation as text: lines before/after, warnings per move, exposure change. */
export function simulationText(book: NameBook, result: SimulationResult): string {
  const rows = result.lines.map(({ before, after }) => ({
    virtualAccount: book.virtualAccountName.get(before.virtualAccountId) ?? '',
    license: book.licenseName.get(before.licenseId) ?? '',
    ownedBefore: before.owned,
    ownedAfter: after.owned,
    consumed: after.consumed,
    shortfallBefore: before.shortfall,
    shortfallAfter: after.shortfall,
    surplusBefore: before.surplus,
    surplusAfter: after.surplus,
  }));
  const warnings = result.moves.flatMap((m) =>
    m.warnings.map((w) => `move ${m.index + 1}: ${w.blocking ? 'BLOCKING ' : ''}${w.message}`),
  );
  return (
    (rows.length > 0 ? render(rows, LINE_COLUMNS, 'table') : '') +
    warnings.map((w) => `${w}\n`).join('') +
    `shortfall change: ${result.shortfallChange}, surplus change: ${result.surplusChange}\n` +
    `exposure before: ${moneyText(result.exposureBefore, result.unpricedShortfallBefore)}\n` +
    `exposure after:  ${moneyText(result.exposureAfter, result.unpricedShortfallAfter)}\n` +
    (result.feasible ? 'feasible: yes\n' : 'feasible: no (apply would be refused)\n')
  );
}
