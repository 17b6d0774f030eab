#!/usr/bin/env node
import 'reflect-metadata';

import { CommanderError, type Command } from 'commander';

import { CliError } from './errors.js';
import { unknownLongOptions } from './files.js';
import { handlers } from './handlers.js';
import { buildProgram } from './program.js';

/** Runs the CLI; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram(handlers);
  // One line: commander's "(Did you mean …?)" joins the error instead of being cut off.
  const outputError = (text: string, write: (text: string) => void) =>
    write(
      text
        .trim()
        .replace(/\n\((Did you mean [^)]*)\)/, ' ($1)')
        .split('\n')[0] + '\n',
    );
  const configure = (command: Command): void => {
    command.configureOutput({ outputError });
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    rejectUnknownOptions(program, argv);
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
    // Matched by name and code, so that `--help` need not load zod or the domain to start.
    const known =
      error instanceof CliError ||
      ['DomainError', 'ConfigError'].includes(String((error as Error | null)?.name)) ||
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

/**
 * Commander checks required options before unknown ones, so `--smart-acount x` would only say
 * that --smart-account is missing. Name the typo first, with commander's own suggestion.
 */
function rejectUnknownOptions(program: Command, argv: readonly string[]): void {
  const known = new Set(['--help']);
  const add = (command: Command) => {
    for (const option of command.options) if (option.long) known.add(option.long);
  };
  add(program);
  let command = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    command = sub;
    add(sub);
  }
  if (command === program || command.commands.length > 0) return;
  const unknown = unknownLongOptions(argv, known);
  // unknownOption is commander's own (typed private): it prints the error with a suggestion.
  if (unknown !== undefined) {
    (command as unknown as { unknownOption(flag: string): never }).unknownOption(unknown);
  }
}

process.exitCode = await runCli(process.argv.slice(2));
