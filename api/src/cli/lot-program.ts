import { Option, type Command } from 'commander';

import { isoDate, positiveInt } from './arguments.js';
import type { GlobalOptions } from './program.js';

export interface ConvertOptions extends GlobalOptions {
  smartAccount: string;
  virtualAccount?: string;
  device?: string;
  pak?: string;
  license?: string;
  quantity?: number;
  asOf?: string;
  actor: string;
  note?: string;
  format: 'table' | 'json';
}

/** Handlers of the catalog and classic PAK conversion commands. */
export interface LotCommandHandlers {
  catalogExport(options: GlobalOptions & { smartAccount: string; output?: string }): Promise<void>;
  convert(options: ConvertOptions): Promise<void>;
}

/** `trueup catalog export` and `trueup convert`: argument shapes only. */
export function registerLotCommands(program: Command, handlers: LotCommandHandlers): void {
  const catalog = program.command('catalog').description('the license catalog');
  catalog
    .command('export')
    .description('write the license catalog as CSV (import it back as license-catalog-csv)')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .option('--output <file>', 'file to write (default stdout)')
    .action((_options, command: Command) => handlers.catalogExport(command.optsWithGlobals()));

  program
    .command('convert')
    .description(
      'convert classic PAK licenses into Smart entitlement: device-led (--device <serial>, into ' +
        "the device's Virtual Account) or by quantity (--pak, --license, --quantity, into " +
        '--virtual-account)',
    )
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .option('--device <serial>', 'device-led: the PAK licenses fulfilled for this serial')
    .option('--pak <number>', 'the PAK to convert from')
    .option('--license <name>', 'the license to convert (with --pak)')
    .option('--quantity <n>', 'how many units (default: all the PAK has left)', positiveInt)
    .option(
      '--virtual-account <name>',
      "the Virtual Account to convert into (required with --pak; default the device's)",
    )
    .option('--as-of <date>', 'conversion date, YYYY-MM-DD (default today)', isoDate)
    .option('--actor <name>', 'who converts (recorded)', 'cli')
    .option('--note <text>', 'a note for the record')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action((_options, command: Command) => handlers.convert(command.optsWithGlobals()));
}
