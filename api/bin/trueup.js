#!/usr/bin/env node
// The `trueup` bin (also `./trueup` and `pnpm trueup` at the repository root): runs the compiled
// CLI. In a checkout it first rebuilds, quietly, only when a source file is newer than the last
// build, so an unchanged checkout starts at once and stderr carries only Trueup's own messages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const stamp = join(root, 'api/dist/.trueup-built');
const SOURCES = ['api/src', 'db/src', 'db/migrations', 'excel-addin/src', 'excel-addin/public'];

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(label, command, args, cwd) {
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`trueup: the build failed (${label}):\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
}

function buildIfStale() {
  if (!existsSync(join(root, 'api/src')) || process.env.TRUEUP_NO_BUILD) return;
  const built = Math.max(mtime(stamp), mtime(join(root, 'api/dist/.tsbuildinfo')));
  const changed = Math.max(...SOURCES.map((dir) => newest(join(root, dir))));
  if (built >= changed && existsSync(join(root, 'api/dist/cli/main.js'))) return;
  if (!existsSync(join(root, 'node_modules'))) {
    process.stderr.write('trueup: not installed yet: run `npx -y pnpm@12.21.0 install` first\n');
    process.exit(1);
  }
  process.stderr.write('trueup: sources changed since the last build; building…\n');
  const require = createRequire(join(root, 'package.json'));
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
  run('tsc -b api', tsc, ['-b', 'api'], root);
  const addin = join(root, 'excel-addin');
  const vite = join(
    dirname(createRequire(join(addin, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  run('vite build', vite, ['build', '--logLevel', 'warn'], addin);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

buildIfStale();
await import('../dist/cli/main.js');
