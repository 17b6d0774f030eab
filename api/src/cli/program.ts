import { Command, Option } from 'commander';

import { FINDING_CODES } from '../domain/index.js';
import { ACCOUNT_EVENT_KINDS } from '../ingest/csv/event-messages.js';
import { IMPORT_FORMATS } from '../ingest/parser.js';

import { isoDate, percent, port, positiveInt, sourceSystem, termYears } from './arguments.js';
import { OUTPUT_FORMATS } from './formats.js';
import { registerLotCommands, type LotCommandHandlers } from './lot-program.js';
import {
  registerReallocationCommands,
  type ReallocationCommandHandlers,
} from './reallocation-program.js';
import { registerTokenCommands, type TokenCommandHandlers } from './token-program.js';

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export interface CommandHandlers
  extends LotCommandHandlers, ReallocationCommandHandlers, TokenCommandHandlers {
  serve(
    options: GlobalOptions & {
      port?: number;
      host?: string;
      seedDemoIfEmpty: boolean;
      log?: 'json';
    },
  ): Promise<void>;
  demo(
    options: GlobalOptions & { preset: 'small' | 'large'; referenceDate?: string },
  ): Promise<void>;
  position(
    options: GlobalOptions & {
      smartAccount: string;
      asOf?: string;
      virtualAccount?: string;
      format: 'table' | 'json' | 'csv';
      classic: boolean;
    },
  ): Promise<void>;
  schema(): Promise<void>;
  snapshot(
    options: GlobalOptions & { smartAccount: string; label: string; asOf?: string },
  ): Promise<void>;
  drift(
    options: GlobalOptions & {
      smartAccount: string;
      from: string;
      to: string;
      format: 'table' | 'json' | 'csv';
    },
  ): Promise<void>;
  events(
    options: GlobalOptions & {
      smartAccount: string;
      kind?: string;
      first?: number;
      after?: string;
      format: 'table' | 'json' | 'csv';
    },
  ): Promise<void>;
  findings(
    options: GlobalOptions & {
      smartAccount: string;
      asOf?: string;
      code?: string[];
      severity?: string[];
      virtualAccount?: string;
      format: 'table' | 'json' | 'csv';
    },
  ): Promise<void>;
  export(
    options: GlobalOptions & {
      smartAccount: string;
      asOf?: string;
      format: 'xlsx' | 'csv';
      currency?: string;
      output?: string;
    },
  ): Promise<void>;
  renewal(
    options: GlobalOptions & {
      smartAccount: string;
      asOf?: string;
      term?: number;
      growth?: number;
      allowance?: number;
      mode?: 'A' | 'B';
      discountRate?: number;
      escalator?: number;
      suite?: string;
      license?: string[];
      currency?: string;
      format: 'table' | 'json' | 'csv';
    },
  ): Promise<void>;
  import(
    files: string[],
    options: GlobalOptions & {
      smartAccount: string;
      name?: string;
      asOf?: string;
      format?: string;
      virtualAccount?: string;
      dryRun: boolean;
      source?: string;
    },
  ): Promise<void>;
}

/** The `trueup` command line: argument shapes only; the handlers do the work. */
export function buildProgram(handlers: CommandHandlers): Command {
  const program = new Command('trueup')
    .description('Cisco Smart Licensing position: what you own against what you consume.')
    .option(
      '--data-dir <dir>',
      'embedded PGlite data directory (env TRUEUP_DATA_DIR, default ./.trueup)',
    )
    .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)')
    .showSuggestionAfterError(true)
    .exitOverride();

  program
    .command('serve')
    .description('start the GraphQL API, the query explorer and /healthz')
    .option('--port <port>', 'port to listen on (env PORT, default 4000)', port)
    .option('--host <host>', 'interface to bind (env HOST, default 127.0.0.1)')
    .option(
      '--seed-demo-if-empty',
      'load the small demo Smart Account when the database holds none',
      false,
    )
    .addOption(
      new Option(
        '--log <format>',
        'json: a structured log line per request on stdout (env TRUEUP_LOG=json; default: warnings and errors on stderr)',
      ).choices(['json']),
    )
    .action((options, command: Command) => handlers.serve(command.optsWithGlobals()));

  program
    .command('demo')
    .description('load a deterministic demo estate (does nothing if it is already there)')
    .addOption(
      new Option('--preset <preset>', 'estate size').choices(['small', 'large']).default('small'),
    )
    .option('--reference-date <date>', 'date the estate is built around (default today)', isoDate)
    .action((options, command: Command) => handlers.demo(command.optsWithGlobals()));

  program
    .command('position')
    .description('print the position per Virtual Account and license')
    .requiredOption('--smart-account <domain>', 'Smart Account domain, e.g. acme-networks.example')
    .option('--as-of <date>', 'position as of this date, YYYY-MM-DD (default today)', isoDate)
    .option('--virtual-account <name>', 'only this Virtual Account')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .option('--no-classic', 'Smart Account entitlements only (leave classic PAK lots out)')
    .action((options, command: Command) => handlers.position(command.optsWithGlobals()));

  program
    .command('import')
    .description(
      'import Cisco exports (CSSM CSV, Smart Licensing API JSON, SLR XML, RUM, PAK, catalog)',
    )
    .argument('<files...>', 'files to import, all or nothing')
    .requiredOption(
      '--smart-account <domain>',
      'Smart Account the files belong to (created if new)',
    )
    .option('--name <name>', 'display name when the Smart Account is created')
    .option('--as-of <date>', 'date the exports describe, YYYY-MM-DD (default today)', isoDate)
    .addOption(
      new Option('--format <format>', 'skip detection and read every file as this format').choices([
        ...IMPORT_FORMATS,
      ]),
    )
    .option('--virtual-account <name>', 'Virtual Account for files that do not name one')
    .option('--dry-run', 'check and count, write nothing', false)
    .option(
      '--source <system>',
      'provenance: cloud (default), or onprem:<host> for an SSM On-Prem export (records <host> ' +
        'as a satellite synced on the as-of date, its devices as ON_PREM unless reserved)',
      sourceSystem,
    )
    .action((files: string[], _options, command: Command) =>
      handlers.import(files, command.optsWithGlobals()),
    );

  program
    .command('export')
    .description(
      'write the workbook (Positions, Findings, Renewal with live formulas) or the positions CSV',
    )
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .option('--as-of <date>', 'as of this date, YYYY-MM-DD (default today)', isoDate)
    .addOption(
      new Option('--format <format>', 'xlsx workbook or positions csv')
        .choices(['xlsx', 'csv'])
        .default('xlsx'),
    )
    .option('--currency <code>', 'renewal currency (default: the one most prices use)')
    .option(
      '--output <file>',
      'file to write (default: xlsx to <domain>-<date>.xlsx here, csv to stdout)',
    )
    .action((options, command: Command) => handlers.export(command.optsWithGlobals()));

  program
    .command('renewal')
    .description('EA versus a-la-carte over a 3- or 5-year term, year by year, nominal and NPV')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .option('--as-of <date>', 'position and prices as of this date (default today)', isoDate)
    .option('--term <years>', '3 (default) or 5', termYears)
    .option(
      '--growth <percent>',
      'consumption growth per year (default: snapshot trend, else 0)',
      percent,
    )
    .option('--allowance <percent>', 'EA growth allowance g (default 20)', percent)
    .addOption(
      new Option(
        '--mode <mode>',
        'true forward: A above the allowance, B all growth (default B)',
      ).choices(['A', 'B']),
    )
    .option('--discount-rate <percent>', 'NPV discount rate (default 8)', percent)
    .option('--escalator <percent>', 'yearly list price rise (default 0)', percent)
    .option('--suite <suite>', 'only licenses of this EA suite')
    .option('--license <names...>', 'only these licenses')
    .option('--currency <code>', 'currency, when the licenses are priced in several')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .action((options, command: Command) => handlers.renewal(command.optsWithGlobals()));

  program
    .command('findings')
    .description('what to act on before a true-up, each finding with the rows that prove it')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .option('--as-of <date>', 'as of this date, YYYY-MM-DD (default today)', isoDate)
    .addOption(
      new Option('--code <codes...>', 'only these finding codes').choices([...FINDING_CODES]),
    )
    .addOption(
      new Option('--severity <severities...>', 'only these severities').choices([
        'critical',
        'high',
        'medium',
        'low',
        'info',
      ]),
    )
    .option('--virtual-account <name>', 'only this Virtual Account')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .action((_options, command: Command) => handlers.findings(command.optsWithGlobals()));

  program
    .command('events')
    .description('Cisco’s Event Log as imported, newest first (import it with trueup import)')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...ACCOUNT_EVENT_KINDS]))
    .option('--first <n>', 'page size (default 100)', positiveInt)
    .option('--after <cursor>', 'the page after this cursor')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .action((_options, command: Command) => handlers.events(command.optsWithGlobals()));

  program
    .command('snapshot')
    .description('freeze the position under a label (a quarterly reconciliation run)')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .requiredOption('--label <label>', 'name of the snapshot, e.g. 2026-Q4')
    .option('--as-of <date>', 'position as of this date, YYYY-MM-DD (default today)', isoDate)
    .action((_options, command: Command) => handlers.snapshot(command.optsWithGlobals()));

  program
    .command('drift')
    .description('what moved between two snapshots or dates')
    .requiredOption('--smart-account <domain>', 'Smart Account domain')
    .requiredOption('--from <snapshot-or-date>', 'earlier snapshot label or YYYY-MM-DD')
    .requiredOption('--to <snapshot-or-date>', 'later snapshot label or YYYY-MM-DD')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...OUTPUT_FORMATS])
        .default('table'),
    )
    .action((_options, command: Command) => handlers.drift(command.optsWithGlobals()));

  registerReallocationCommands(program, handlers);
  registerTokenCommands(program, handlers);
  registerLotCommands(program, handlers);

  program
    .command('schema')
    .description('print the GraphQL schema (SDL)')
    .action(() => handlers.schema());

  return program;
}
