import { Argument, Option, type Command } from 'commander';

import { isoDate, positiveInt, scenarioId, withPolicyOptions } from './arguments.js';
import { OUTPUT_FORMATS } from './formats.js';
import type { GlobalOptions } from './program.js';
import type { PolicyFlags } from './reallocation-command.js';
import { SCENARIO_ACTIONS, type ScenarioAction } from './scenario-actions.js';
import type { ScenarioOptions } from './scenario-command.js';

/** Handlers of the reallocation commands. */
export interface ReallocationCommandHandlers {
  suggest(
    options: GlobalOptions &
      PolicyFlags & { smartAccount: string; asOf?: string; format: 'table' | 'json' | 'csv' },
  ): Promise<void>;
  scenario(action: ScenarioAction, options: GlobalOptions & ScenarioOptions): Promise<void>;
}

/** `trueup suggest` and `trueup scenario`: argument shapes only. */
export function registerReallocationCommands(
  program: Command,
  handlers: ReallocationCommandHandlers,
): void {
  withPolicyOptions(
    program
      .command('suggest')
      .description(
        'the reallocation plan that cures the most true-up exposure with the fewest moves, and the transfer requests for Cisco’s API',
      )
      .requiredOption('--smart-account <domain>', 'Smart Account domain')
      .option('--as-of <date>', 'as of this date, YYYY-MM-DD (default today)', isoDate)
      .addOption(
        new Option('--format <format>', 'output format')
          .choices([...OUTPUT_FORMATS])
          .default('table'),
      ),
  ).action((_options, command: Command) => handlers.suggest(command.optsWithGlobals()));

  withPolicyOptions(
    program
      .command('scenario')
      .description('what-if scenarios: list, create, show, evaluate, apply, discard')
      .addArgument(new Argument('<action>', 'what to do').choices([...SCENARIO_ACTIONS]))
      .requiredOption('--smart-account <domain>', 'Smart Account domain')
      .option(
        '--id <id>',
        'scenario id, its number or GraphQL global id (show, evaluate, apply, discard)',
        scenarioId,
      )
      .option('--name <name>', 'scenario name (create)')
      .option('--description <text>', 'scenario description (create)')
      .option(
        '--moves <file>',
        'create from moves: JSON array or CSV license,quantity,from,to[,licenseType]',
      )
      .option('--from-suggestion', 'create from the optimizer’s plan (policy flags apply)')
      .option('--expected-version <n>', 'the version you evaluated (apply, discard)', positiveInt)
      .option('--as-of <date>', 'evaluation date, or the date applied moves take effect', isoDate)
      .option('--actor <name>', 'who acts (default: $USER)', process.env.USER ?? 'cli')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices([...OUTPUT_FORMATS])
          .default('table'),
      ),
  ).action((action: ScenarioAction, _options, command: Command) =>
    handlers.scenario(action, command.optsWithGlobals()),
  );
}
