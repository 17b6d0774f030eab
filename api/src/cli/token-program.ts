import { Option, type Command } from 'commander';

import type { Role } from '../domain/index.js';

import { isoDate, role } from './arguments.js';
import { OUTPUT_FORMATS } from './formats.js';
import type { GlobalOptions } from './program.js';

/** Handlers of the token commands. */
export interface TokenCommandHandlers {
  tokenCreate(
    options: GlobalOptions & {
      role: Role;
      smartAccount?: string[];
      allSmartAccounts: boolean;
      name?: string;
      expires?: string;
    },
  ): Promise<void>;
  tokenList(options: GlobalOptions & { format: 'table' | 'json' | 'csv' }): Promise<void>;
  tokenRevoke(nameOrId: string, options: GlobalOptions): Promise<void>;
}

/** `trueup token create|list|revoke`: argument shapes only. */
export function registerTokenCommands(program: Command, handlers: TokenCommandHandlers): void {
  const token = program
    .command('token')
    .description('API tokens: every GraphQL request needs one (Authorization: Bearer <token>)');
  token
    .command('create')
    .description('create a token; prints it once, alone on the last line (only its hash is kept)')
    .requiredOption(
      '--role <role>',
      'viewer (reads), analyst (+ scenarios), admin (+ writes)',
      role,
    )
    .option('--smart-account <domains...>', 'Smart Accounts the token may see')
    .option(
      '--all-smart-accounts',
      'every Smart Account, including future ones (an operator token)',
      false,
    )
    .option('--name <name>', 'a name for logs and `token list` (default <role>-<random>)')
    .option('--expires <date>', 'stops working at 00:00 UTC on this date, YYYY-MM-DD', isoDate)
    .action((_options, command: Command) => handlers.tokenCreate(command.optsWithGlobals()));
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .action((_options, command: Command) => handlers.tokenList(command.optsWithGlobals()));
  token
    .command('revoke')
    .description('revoke a token by name or id; it stops working at once')
    .argument('<name-or-id>', 'token name or id, as `token list` shows')
    .action((nameOrId: string, _options, command: Command) =>
      handlers.tokenRevoke(nameOrId, command.optsWithGlobals()),
    );
}
