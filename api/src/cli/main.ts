#!/usr/bin/env node
import 'reflect-metadata';

import { CommanderError } from 'commander';

import { ConfigError } from '../config.js';
import { DomainError } from '../domain/index.js';

import { CliError } from './errors.js';
import { handlers } from './handlers.js';
import { buildProgram } from './program.js';

/** Runs the CLI; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram(handlers);
  program.configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // A command that finished but failed its purpose (an import with errors) sets exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; argument errors were already printed.
      return error.exitCode;
    }
    // Errors meant for the user carry their own message (DataDirLockedError is matched by code
    // so that PGlite need not load just to recognise it).
    const known =
      error instanceof CliError ||
      error instanceof DomainError ||
      error instanceof ConfigError ||
      ['DATA_DIR_LOCKED', 'IMPORT_INPUT'].includes(
        String((error as { code?: unknown } | null)?.code),
      );
    const message = known
      ? (error as Error).message
      : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`trueup: ${message}\n`);
    if (!known && process.env.TRUEUP_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
