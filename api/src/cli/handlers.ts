import { parseConfig, type Config } from '../config.js';

import { requireFiles, requireOutputFolder } from './files.js';
import type { CommandHandlers, GlobalOptions } from './program.js';

// Heavy modules (PGlite, Apollo, type-graphql) load only when a command runs, so `--help` and
// argument errors answer at once.
const db = () => import('@trueup/db');
const compose = () => import('../compose.js');
const clock = async () => (await import('../services/clock.js')).systemClock;

/** Environment first, then command-line flags on top. Only this edge reads process.env. */
function configFrom(flags: GlobalOptions & { port?: number; host?: string }): Config {
  const env = parseConfig(process.env);
  return Object.freeze({
    ...env,
    databaseUrl: flags.databaseUrl ?? env.databaseUrl,
    dataDir: flags.dataDir ?? env.dataDir,
    port: flags.port ?? env.port,
    host: flags.host ?? env.host,
  });
}

const where = (config: Config) =>
  config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;

export const handlers: CommandHandlers = {
  async serve(flags) {
    const config = configFrom(flags);
    const { pino } = await import('pino');
    const { openServices, startApi } = await compose();
    const { seedDemo, DEMO_ACCOUNTS } = await db();
    const systemClock = await clock();
    // Structured logs (a JSON line per request) on stdout when asked for; otherwise only
    // warnings and errors, on stderr, so the banner stays readable. Asynchronous writes either
    // way: a request's log line never blocks the event loop (pino flushes what is buffered when
    // the process exits).
    const json =
      flags.log === 'json' || process.env.TRUEUP_LOG === 'json' || !!process.env.LOG_LEVEL;
    const logger = json
      ? pino({ level: config.logLevel }, pino.destination({ sync: false }))
      : pino({ level: 'warn' }, pino.destination({ dest: 2, sync: false }));
    const { handle, services } = await openServices(config, {
      purpose: `trueup serve on ${config.host}:${config.port}`,
      // Other trueup commands on this data directory reach the database through this process.
      share: true,
      // A query of the server never outlives its request's budget (PostgreSQL cancels it).
      statementTimeoutMs: config.requestBudgetMs,
    });
    try {
      if (flags.seedDemoIfEmpty && (await services.accounts.listSmartAccounts()).length === 0) {
        const result = await seedDemo(handle, {
          preset: 'small',
          referenceDate: systemClock.today(),
        });
        logger.info({ counts: result.counts }, `seeded the demo Smart Account ${result.domain}`);
        if (!json) process.stdout.write(`Loaded the demo Smart Account ${result.domain}.\n`);
      }
      const { announceToken } = await import('./token-command.js');
      const { serveBanner } = await import('./serve-banner.js');
      const bootstrap = await services.access.bootstrapIfEmpty();
      const server = await startApi(services, config, logger);
      const { scheduleExports, scheduleSnapshots } = await import('../http/snapshot-schedule.js');
      const unschedule = config.snapshotCron
        ? scheduleSnapshots(config.snapshotCron, services.history.takeScheduled, logger)
        : () => undefined;
      const { runScheduledExports } = await import('../services/scheduled-exports.js');
      const unscheduleExports = config.exportCron
        ? scheduleExports(
            config.exportCron,
            () => runScheduledExports(handle, services, config.exportDir),
            logger,
          )
        : () => undefined;
      const stop = async () => {
        unschedule();
        unscheduleExports();
        await server.close();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      // The startup log lines first, so the banner is not interleaved with them.
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      process.stdout.write(
        serveBanner({
          where: where(config),
          url: server.url,
          graphqlUrl: server.graphqlUrl,
          domain: DEMO_ACCOUNTS.small.domain,
          token: bootstrap ? announceToken(bootstrap) : undefined,
        }),
      );
    } catch (error) {
      await handle.close();
      throw error;
    }
  },

  async demo(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { seedDemo } = await db();
    const systemClock = await clock();
    const { handle } = await openServices(config, { purpose: 'trueup demo' });
    try {
      const started = performance.now();
      const result = await seedDemo(handle, {
        preset: flags.preset,
        referenceDate: flags.referenceDate ?? systemClock.today(),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        result.created
          ? `loaded ${result.domain} (${result.name}) into ${where(config)} in ${seconds} s: ${Object.entries(
              result.counts,
            )
              .map(([t, n]) => `${n} ${t}`)
              .join(', ')}\n`
          : `${result.domain} is already loaded in ${where(config)}; nothing changed\n`,
      );
    } finally {
      await handle.close();
    }
  },

  async position(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { positionCommand } = await import('./position-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup position' });
    try {
      const { output, note } = await positionCommand(services, {
        smartAccount: flags.smartAccount,
        asOf: flags.asOf,
        virtualAccount: flags.virtualAccount,
        format: flags.format,
        includeClassic: flags.classic,
      });
      process.stdout.write(output);
      // On stderr, so CSV/JSON output stays machine-readable.
      if (note !== null) process.stderr.write(`${note}\n`);
    } finally {
      await handle.close();
    }
  },

  async import(files, flags) {
    const config = configFrom(flags);
    requireFiles(files);
    // Only the import code path loads (not GraphQL, HTTP or the other services): peak memory
    // of a large import is the file's, not the server's.
    const { openDb } = await db();
    const { importCommand } = await import('./import-command.js');
    const { importFiles } = await import('../services/import/import-service.js');
    const { parseIsoDate } = await import('../domain/index.js');
    const systemClock = await clock();
    const handle = await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      purpose: 'trueup import',
    });
    const services = {
      imports: {
        run: (command: Parameters<typeof importFiles>[1]) => importFiles(handle, command),
      },
      position: {
        asOfOrToday: (asOf: string | null | undefined) =>
          asOf === null || asOf === undefined ? systemClock.today() : parseIsoDate(asOf),
      },
    };
    try {
      // TRUEUP_PROGRESS=1 forces the bar (logs, and the fault tests that kill an import mid-write).
      const progress =
        process.env.TRUEUP_PROGRESS === '1' || (Boolean(process.stderr.isTTY) && !process.env.CI);
      const result = await importCommand(services, { files, ...flags, progress });
      process.stdout.write(result.text);
      if (!result.ok) process.exitCode = 1;
    } finally {
      await handle.close();
    }
  },

  async events(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { eventsCommand } = await import('./events-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup events' });
    try {
      process.stdout.write(await eventsCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async findings(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { findingsCommand } = await import('./findings-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup findings' });
    try {
      process.stdout.write(await findingsCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async export(flags) {
    const config = configFrom(flags);
    requireOutputFolder(flags.output);
    const { openServices } = await compose();
    const { exportCommand } = await import('./export-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup export' });
    try {
      process.stdout.write(await exportCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async catalogExport(flags) {
    const config = configFrom(flags);
    requireOutputFolder(flags.output);
    const { openServices } = await compose();
    const { catalogExportCommand } = await import('./catalog-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup catalog export' });
    try {
      process.stdout.write(await catalogExportCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async convert(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { convertCommand } = await import('./convert-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup convert' });
    try {
      process.stdout.write(await convertCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async renewal(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { renewalCommand } = await import('./renewal-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup renewal' });
    try {
      process.stdout.write(await renewalCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async snapshot(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { snapshotCommand } = await import('./history-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup snapshot' });
    try {
      process.stdout.write(await snapshotCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async drift(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { driftCommand } = await import('./history-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup drift' });
    try {
      process.stdout.write(await driftCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async suggest(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { suggestCommand } = await import('./reallocation-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup suggest' });
    try {
      process.stdout.write(await suggestCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async scenario(action, flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { scenarioCommand } = await import('./scenario-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup scenario' });
    try {
      process.stdout.write(await scenarioCommand(services, action, flags));
    } finally {
      await handle.close();
    }
  },

  async tokenCreate(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { tokenCreateCommand } = await import('./token-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup token create' });
    try {
      process.stdout.write(await tokenCreateCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async tokenList(flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { tokenListCommand } = await import('./token-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup token list' });
    try {
      process.stdout.write(await tokenListCommand(services, flags));
    } finally {
      await handle.close();
    }
  },

  async tokenRevoke(nameOrId, flags) {
    const config = configFrom(flags);
    const { openServices } = await compose();
    const { tokenRevokeCommand } = await import('./token-command.js');
    const { handle, services } = await openServices(config, { purpose: 'trueup token revoke' });
    try {
      process.stdout.write(await tokenRevokeCommand(services, nameOrId));
    } finally {
      await handle.close();
    }
  },

  async schema() {
    const { printTrueupSchema } = await import('../graphql/schema.js');
    process.stdout.write(await printTrueupSchema());
  },
};
