import { Cron } from 'croner';
import { z } from 'zod';

/** Everything configurable, parsed once from the environment (and CLI flags) and frozen. */
export interface Config {
  /** PostgreSQL URL; when absent, embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Extra browser origins allowed to call /graphql (the add-in's dev server). */
  readonly allowedOrigins: readonly string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Cron expression (UTC) on which `serve` snapshots every Smart Account; unset = never. */
  readonly snapshotCron: string | undefined;
  /** PEM certificate and key files: when both are set, `serve` speaks HTTPS. */
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  /** Built Excel add-in served at /addin; unset = excel-addin/dist of this checkout. */
  readonly addinDir: string | undefined;
  /** Time budget of one request (ms); also PostgreSQL's `statement_timeout` for `serve`. */
  readonly requestBudgetMs: number;
  /** Cron expression (UTC) on which `serve` writes every Smart Account's exports; unset = never. */
  readonly exportCron: string | undefined;
  /** Folder the scheduled exports are written to (created if missing). */
  readonly exportDir: string;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TRUEUP_DATA_DIR: z.string().min(1).default('./.trueup'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  TRUEUP_ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUEUP_SNAPSHOT_CRON: z
    .string()
    .refine(isCronExpression, 'must be a cron expression, e.g. "0 6 1 1,4,7,10 *" (quarterly, UTC)')
    .optional(),
  TRUEUP_TLS_CERT: z.string().min(1).optional(),
  TRUEUP_TLS_KEY: z.string().min(1).optional(),
  TRUEUP_ADDIN_DIR: z.string().min(1).optional(),
  TRUEUP_REQUEST_BUDGET_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  TRUEUP_EXPORT_CRON: z
    .string()
    .refine(isCronExpression, 'must be a cron expression, e.g. "0 5 * * 1" (Mondays 05:00, UTC)')
    .optional(),
  TRUEUP_EXPORT_DIR: z.string().min(1).default('./trueup-exports'),
});

/** Thrown with every invalid variable listed at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  const e = parsed.data;
  if ((e.TRUEUP_TLS_CERT === undefined) !== (e.TRUEUP_TLS_KEY === undefined)) {
    throw new ConfigError(['TRUEUP_TLS_CERT and TRUEUP_TLS_KEY must be set together']);
  }
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TRUEUP_DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    allowedOrigins: e.TRUEUP_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    snapshotCron: e.TRUEUP_SNAPSHOT_CRON,
    tlsCert: e.TRUEUP_TLS_CERT,
    tlsKey: e.TRUEUP_TLS_KEY,
    addinDir: e.TRUEUP_ADDIN_DIR,
    requestBudgetMs: e.TRUEUP_REQUEST_BUDGET_MS,
    exportCron: e.TRUEUP_EXPORT_CRON,
    exportDir: e.TRUEUP_EXPORT_DIR,
  });
}

function isCronExpression(expression: string): boolean {
  try {
    new Cron(expression, { paused: true }).stop();
    return true;
  } catch {
    // croner throws on a malformed pattern: that is the answer, not an error.
    return false;
  }
}
