import type { Services } from '../services/index.js';

import { CliError } from './errors.js';
import { render, type OutputFormat } from './output.js';
import {
  policyOf,
  readMovesFile,
  simulationText,
  type PolicyFlags,
} from './reallocation-command.js';
import type { ScenarioAction } from './scenario-actions.js';

export { SCENARIO_ACTIONS, type ScenarioAction } from './scenario-actions.js';

export interface ScenarioOptions extends PolicyFlags {
  smartAccount: string;
  id?: number | undefined;
  name?: string | undefined;
  description?: string | undefined;
  moves?: string | undefined;
  fromSuggestion?: boolean | undefined;
  expectedVersion?: number | undefined;
  asOf?: string | undefined;
  actor: string;
  format: OutputFormat;
}

function need<T>(value: T | undefined, flag: string, action: string): T {
  if (value === undefined) throw new CliError(`scenario ${action} needs ${flag}`);
  return value;
}

const COLUMNS = [
  'id',
  'name',
  'status',
  'version',
  'author',
  'asOf',
  'moves',
  'appliedOn',
] as const;

/** `trueup scenario <action>`: list, create, show/evaluate, apply and discard scenarios. */
export async function scenarioCommand(
  services: Services,
  action: ScenarioAction,
  options: ScenarioOptions,
): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const smartAccountId = account.id;
  const { reallocation } = services;

  switch (action) {
    case 'list': {
      const scenarios = await reallocation.list(smartAccountId);
      const moves = await reallocation.movesOf(scenarios.map((s) => s.id));
      const rows = scenarios.map((s) => ({
        id: s.id,
        name: s.name,
        status: s.status,
        version: s.version,
        author: s.author,
        asOf: s.asOf,
        moves: moves.filter((m) => m.scenarioId === s.id).length,
        appliedOn: s.appliedOn,
      }));
      return render(rows, COLUMNS, options.format);
    }
    case 'create': {
      if (Boolean(options.moves) === Boolean(options.fromSuggestion))
        throw new CliError('scenario create needs either --moves FILE or --from-suggestion');
      const scenario = await reallocation.create({
        smartAccountId,
        name: need(options.name, '--name', action),
        description: options.description,
        asOf: options.asOf,
        author: options.actor,
        moves: options.moves ? await readMovesFile(options.moves) : null,
        fromSuggestion: options.fromSuggestion ? policyOf(options) : null,
      });
      return options.format === 'json'
        ? JSON.stringify({ id: scenario.id, name: scenario.name, version: scenario.version }) + '\n'
        : `scenario ${scenario.id} "${scenario.name}" created (version ${scenario.version})\n`;
    }
    case 'show':
    case 'evaluate': {
      const { scenario, result, book, asOf } = await reallocation.evaluate({
        smartAccountId,
        id: need(options.id, '--id', action),
        asOf: options.asOf,
      });
      const moves = reallocation.nameMoves(
        book,
        result.moves.map((m) => m.move),
      );
      if (options.format === 'json') {
        return (
          JSON.stringify(
            {
              id: scenario.id,
              name: scenario.name,
              status: scenario.status,
              version: scenario.version,
              asOf,
              moves,
              feasible: result.feasible,
              shortfallChange: result.shortfallChange,
              surplusChange: result.surplusChange,
              warnings: result.moves.flatMap((m) =>
                m.warnings.map((w) => ({ move: m.index + 1, code: w.code, message: w.message })),
              ),
            },
            null,
            2,
          ) + '\n'
        );
      }
      return (
        `scenario ${scenario.id} "${scenario.name}" ${scenario.status} version ${scenario.version}, evaluated as of ${asOf}\n` +
        render(
          moves.map((m) => ({ ...m, licenseType: m.licenseType ?? '' })),
          ['license', 'licenseType', 'quantity', 'from', 'to'],
          'table',
        ) +
        '\n' +
        simulationText(book, result)
      );
    }
    case 'apply': {
      const applied = await reallocation.apply({
        smartAccountId,
        id: need(options.id, '--id', action),
        expectedVersion: need(options.expectedVersion, '--expected-version', action),
        actor: options.actor,
        asOf: options.asOf,
      });
      return (
        `scenario ${applied.scenario.id} applied from ${applied.effectiveOn}: ` +
        `${applied.transfers.length} lot transfers, now version ${applied.scenario.version}\n`
      );
    }
    case 'discard': {
      const discarded = await reallocation.discard({
        smartAccountId,
        id: need(options.id, '--id', action),
        expectedVersion: options.expectedVersion ?? null,
        actor: options.actor,
      });
      return `scenario ${discarded.id} discarded\n`;
    }
  }
}
