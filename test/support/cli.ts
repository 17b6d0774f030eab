import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { DbHandle } from '../../db/src/index.js';

import { createTestDb, onPostgres } from './test-db.js';

/** The compiled CLI (`pnpm test` builds it first). */
export const CLI = fileURLToPath(new URL('../../api/dist/cli/main.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `trueup <args>` as a real child process with a clean environment plus `env`. */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running CLI command and resolves once stdout contains `ready`. */
export function startCli(
  args: readonly string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      reject(new Error(`exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

/** Spawns `trueup <args>` and hands back the child (for tests that signal it themselves). */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, TRUEUP_DATA_DIR: _alsoIgnored, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'silent', ...extra };
}

/** Where a spawned CLI keeps its data, and the database handle when there is one. */
export interface CliTarget {
  /** The environment to run the CLI with (`runCli(args, target.env)`). */
  readonly env: Record<string, string>;
  /** The fresh PostgreSQL test database (on PostgreSQL only; PGlite is the CLI's own folder). */
  readonly handle: DbHandle | undefined;
  close(): Promise<void>;
}

/**
 * The database a CLI test runs against: a fresh test database on PostgreSQL, else an embedded
 * PGlite data directory in `scratch` (the CLI creates it on first use).
 */
export async function cliTarget(scratch: string): Promise<CliTarget> {
  if (onPostgres()) {
    const handle = await createTestDb();
    return { env: { DATABASE_URL: handle.location }, handle, close: () => handle.close() };
  }
  return {
    env: { TRUEUP_DATA_DIR: join(scratch, 'data') },
    handle: undefined,
    close: async () => {},
  };
}
