import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // graphql 16 ships CJS (main) and ESM (module): force one copy, or type-graphql and the
      // tests see two realms ("Cannot use GraphQLObjectType from another module or realm").
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      // Tests import workspace packages from source.
      { find: /^@trueup\/db$/, replacement: here('./db/src/index.ts') },
      { find: /^@trueup\/api$/, replacement: here('./api/src/index.ts') },
      {
        find: /^@trueup\/excel-addin\/model$/,
        replacement: here('./excel-addin/src/model/index.ts'),
      },
    ],
  },
  test: {
    environment: 'node',
    include: ['{api,db,excel-addin,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    setupFiles: ['reflect-metadata'],
    // Type tests (*.test-d.ts: registries, database enums held equal to the domain's lists) run
    // with the rest: vitest spawns `tsc --noEmit -p tsconfig.typetest.json` and fails on errors.
    typecheck: {
      enabled: true,
      include: ['{api,db,excel-addin,test}/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetest.json',
    },
    globalSetup: ['./test/support/global-setup.ts'],
    // Each worker boots PGlite (~0.7 GB, seconds): keep the pool small on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    // Generous: CLI tests spawn processes that each boot PGlite (seconds on a busy 2-core box).
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
