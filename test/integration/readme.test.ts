import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { startCli } from '../support/cli.js';
import { onPostgres } from '../support/test-db.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * README command lines this test does not run, each with the reason. Every other line of every
 * ```sh block must run: a new command in the README either works or is listed here.
 */
const NOT_RUN_HERE: readonly [RegExp, string][] = [
  [/^npx -y pnpm@12\.21\.0 install && npx -y pnpm@12\.21\.0 start$/, 'the quick start itself'],
  [/^createdb trueup$/, 'PostgreSQL setup'],
  [
    /^DATABASE_URL=postgres:\/\/\S+ (\.\/trueup (demo|serve)|npx -y pnpm@12\.21\.0 test)/,
    'needs PostgreSQL',
  ],
  [/^npx -y pnpm@12\.21\.0 (lint|typecheck|test|db:generate)\b/, 'development tools, run by CI'],
  [
    /^TRUEUP_TOKEN=\.\.\. python3 examples\/positions_to_csv\.py /,
    'the Python pager: run against a live server by test/integration/bi-clients.test.ts',
  ],
];

/** The command lines of every ```sh block, continuation lines joined. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const lines: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const joined = block[1]!.replace(/\\\n\s*/g, ' ');
    for (const line of joined.split('\n')) if (line.trim() !== '') lines.push(line.trim());
  }
  return lines;
}

function sh(script: string, cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('sh', ['-e', '-c', script], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('README command blocks', () => {
  it('classifies every command: run below, or listed with why not', () => {
    const unclassified = readmeCommands().filter(
      (line) =>
        !/^(\.\/trueup |export TRUEUP_TOKEN=\$\(\.\/trueup |curl )/.test(line) &&
        !NOT_RUN_HERE.some(([pattern]) => pattern.test(line)),
    );
    expect(unclassified).toEqual([]);
  });

  // Embedded PGlite beside a running `serve`, as a user who followed the quick start has it.
  it.skipIf(onPostgres())(
    'runs every ./trueup and curl line, in order, beside a running serve',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'trueup-readme-'));
      const dataDir = join(work, '.trueup');
      // `./trueup` in the user's folder: the checkout's launcher.
      writeFileSync(
        join(work, 'trueup'),
        `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'api/bin/trueup.js'))} "$@"\n`,
      );
      chmodSync(join(work, 'trueup'), 0o755);
      const env = { TRUEUP_DATA_DIR: dataDir, TRUEUP_NO_BUILD: '1', LOG_LEVEL: 'silent' };
      const { child, output } = await startCli(
        ['serve', '--port', '0', '--seed-demo-if-empty'],
        /Try it:/,
        env,
      );
      try {
        const base = /GraphQL:\s+(http:\/\/[^/\s]+)\/graphql/.exec(output)![1]!;
        const script = readmeCommands()
          .filter((line) => !NOT_RUN_HERE.some(([pattern]) => pattern.test(line)))
          .map((line) => line.replaceAll('http://127.0.0.1:4000', base))
          // curl fails on HTTP errors here, so a 401 or 404 fails the test.
          .map((line) => line.replace(/^curl -s /, 'curl -sf '))
          .join('\n');
        const result = await sh(script, work, env);
        expect(result.output).not.toMatch(/trueup: |error:/);
        expect(result.code, result.output).toBe(0);
        expect(result.output).toMatch(/"licenseName"/); // the curl sample answered
        expect(result.output).toMatch(/^asOf,virtualAccountName,/m); // the positions.csv download
        expect(existsSync(join(work, 'acme.xlsx'))).toBe(true);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('close', resolve));
      }
    },
  );
});
