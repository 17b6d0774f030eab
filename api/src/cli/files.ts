import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { CliError } from './errors.js';

/** Every input file must exist and be a file; checked before the database is opened. */
export function requireFiles(paths: readonly string[]): void {
  for (const path of paths) {
    if (!existsSync(path)) throw new CliError(`${path}: no such file`);
    if (!statSync(path).isFile()) throw new CliError(`${path}: not a file`);
  }
}

/** The folder an output file goes into must exist; checked before any work is done. */
export function requireOutputFolder(path: string | undefined): void {
  if (path === undefined) return;
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new CliError(`${path}: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new CliError(`${path}: ${folder} is not a folder`);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError(`${path} is a folder: give a file name`);
  }
}

/** Flags that look like options but that the command does not take (checked before required ones). */
export function unknownLongOptions(
  args: readonly string[],
  known: ReadonlySet<string>,
): string | undefined {
  for (const arg of args) {
    if (arg === '--') return undefined;
    if (!arg.startsWith('--')) continue;
    const [name = arg] = arg.split('=');
    if (!known.has(name)) return name;
  }
  return undefined;
}
