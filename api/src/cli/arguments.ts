import { InvalidArgumentError, type Command } from 'commander';

import { isIsoDate, parseRole, type Role } from '../domain/index.js';
import { fromGlobalId } from '../graphql/node/global-id.js';

// Argument parsers and shared option groups of the `trueup` command line (commander callbacks).

export function isoDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive integer.');
  return n;
}

/** A scenario: its table id (GraphQL databaseId) or its GraphQL global id (Scenario.id). */
export function scenarioId(value: string): number {
  const global = fromGlobalId(value);
  if (global?.type === 'Scenario') return global.id;
  if (global)
    throw new InvalidArgumentError(`expected a scenario id; this is a ${global.type} id.`);
  return positiveInt(value);
}

/** The reallocation policy flags of `suggest` and `scenario create --from-suggestion`. */
export function withPolicyOptions(command: Command): Command {
  return command
    .option(
      '--headroom <percent>',
      'surplus kept per Virtual Account × license, % of its consumption (e.g. 10)',
      percent,
    )
    .option('--horizon <date>', 'term lots ending before this date do not count as cure', isoDate)
    .option('--same-region', 'move only within a region')
    .option('--same-business-unit', 'move only within a business unit')
    .option(
      '--no-production-to-non-production',
      'keep production entitlements out of non-production',
    )
    .option('--locked <names...>', 'Virtual Accounts that neither give nor receive');
}

export function role(value: string): Role {
  const parsed = parseRole(value);
  if (!parsed) throw new InvalidArgumentError('expected viewer, analyst or admin.');
  return parsed;
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port 0–65535.');
  return n;
}

/** A percentage such as `12.5` or `-3` as basis points. */
export function percent(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?%?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a percentage such as 12.5.');
  const bp = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -bp : bp;
}

export function termYears(value: string): number {
  if (value !== '3' && value !== '5') throw new InvalidArgumentError('expected 3 or 5.');
  return Number(value);
}

export function sourceSystem(value: string): string {
  if (!/^(cloud|onprem:\S+)$/.test(value))
    throw new InvalidArgumentError('expected cloud or onprem:<host>.');
  return value;
}
