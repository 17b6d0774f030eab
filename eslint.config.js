// @ts-check
// ESLint flat config for the Trueup workspace. Architecture rules (STYLE.md §9.1, §9.2, §9.13)
// live here so they are enforced by CI, not by memory.
//
// Note: in flat config a later block REPLACES (does not merge) an earlier block's options for the
// same rule. The import zones below are therefore built from shared lists and each folder gets
// one complete `no-restricted-imports` / `import-x/no-restricted-paths` setting.
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const TESTS = ['**/*.test.ts', '**/*.test-d.ts', '**/*.spec.ts', 'test/**'];
// Tool configs that must default-export (STYLE.md §9.2) and may use devDependencies.
const TOOL_CONFIGS = [
  'eslint.config.js',
  '**/vitest.config.ts',
  '**/vite.config.ts',
  '**/drizzle.config.ts',
  '**/webpack.config.*',
  'test/support/global-setup.ts',
  'excel-addin/scripts/*.mjs', // build steps (functions.json generation)
];
// Files that may import devDependencies (absolute globs: the rule resolves relative ones from the cwd).
const DEV_OK = [...TESTS, ...TOOL_CONFIGS].map((glob) => `${root}/${glob}`);

// ---------------------------------------------------------------------------------------------
// Import restrictions, composed per folder.
// ---------------------------------------------------------------------------------------------
/** @param {string[]} group @param {string} message */
const ban = (group, message) => ({ group, message });

// Only db/src/client/** talks to the drivers (STYLE.md §9.4).
const DRIVER_BANS = [
  ban(
    ['postgres', '@electric-sql/pglite', '@electric-sql/pglite/*'],
    'Only db/src/client/** may import the database drivers.',
  ),
];
const PGLITE_BAN = [
  ban(
    ['@electric-sql/pglite', '@electric-sql/pglite/*'],
    'Only db/src/client/** may import PGlite (test/support may use postgres for admin work).',
  ),
];
// db never imports api (STYLE.md §9.4).
const API_BANS = [ban(['@trueup/api', '@trueup/api/*'], 'db/ must not depend on api/.')];
// The add-in talks to the API over HTTP/GraphQL only (STYLE.md §9.2).
const ADDIN_BANS = [
  ban(
    ['@trueup/api', '@trueup/api/*', '@trueup/db', '@trueup/db/*'],
    'The add-in talks to the API over HTTP/GraphQL only (STYLE.md §9.2).',
  ),
];
// Resolvers stay thin (STYLE.md §9.9): go through api/src/services.
const GRAPHQL_BANS = [
  ban(
    ['@trueup/db', '@trueup/db/*', 'drizzle-orm', 'drizzle-orm/*'],
    'api/src/graphql must not touch the database: call a service in api/src/services.',
  ),
];
// The calculation core is pure (STYLE.md §9.1.1). Drivers are covered by DRIVER_BANS.
const PURE_MSG =
  'Pure code: no I/O, database, GraphQL or HTTP imports (STYLE.md §9.1). Pass data in, return data out.';
const PURE_BANS = [
  ban(
    [
      'node:*',
      ...builtinModules,
      'pg',
      'pg/*',
      '@electric-sql/*',
      'drizzle-orm',
      'drizzle-orm/*',
      'drizzle-kit',
      'graphql',
      'graphql/*',
      'graphql-*',
      'type-graphql',
      'type-graphql/*',
      '@apollo/*',
      '@as-integrations/*',
      'express',
      'express/*',
      'cors',
      'pino',
      'pino/*',
      '@trueup/*',
    ],
    PURE_MSG,
  ),
];

/** @param {...Array<{group: string[], message: string}>} lists */
const restrictImports = (...lists) => ({
  'no-restricted-imports': ['error', { patterns: lists.flat() }],
});

/** Zone: `target` may import nothing from the workspace except its own folder. */
const onlyOwnFolder = (/** @type {string} */ folder, /** @type {string} */ message) => [
  {
    target: `./${folder}`,
    from: './api/src',
    except: folder.startsWith('api/src/') ? [`./${folder.slice('api/src/'.length)}`] : [],
    message,
  },
  {
    target: `./${folder}`,
    from: './excel-addin/src',
    except: folder.startsWith('excel-addin/src/')
      ? [`./${folder.slice('excel-addin/src/'.length)}`]
      : [],
    message,
  },
  { target: `./${folder}`, from: ['./db', './test'], message },
];

const WORKSPACE_ZONES = [
  { target: './db', from: './api', message: 'db/ must not depend on api/ (STYLE.md §9.4).' },
  {
    target: './api',
    from: './excel-addin',
    // The pure sheet models are shared: the .xlsx export writes the sheets the add-in shows.
    except: ['./src/model', './dist/model'],
    message: 'api/ may import only the add-in sheet models (@trueup/excel-addin/model).',
  },
  {
    target: './excel-addin',
    from: ['./api', './db'],
    message: 'The add-in talks to the API over HTTP/GraphQL only (STYLE.md §9.2).',
  },
  {
    target: './api/src/graphql',
    from: './db',
    message: 'Resolvers stay thin: call a service in api/src/services (STYLE.md §9.9).',
  },
  ...onlyOwnFolder(
    'api/src/domain',
    'api/src/domain imports nothing else from the workspace (STYLE.md §9.2).',
  ),
  ...onlyOwnFolder(
    'excel-addin/src/model',
    'excel-addin/src/model is pure: it imports nothing else from the workspace.',
  ),
];

// Production code must not reach into the test package; tests (TESTS globs) may use test/support.
const NO_TEST_PACKAGE_ZONE = {
  target: ['./api', './db', './excel-addin'],
  from: './test',
  message: 'Production code must not import the test package (tests may).',
};

// Purity: globals, wall clock, randomness.
const PURE_GLOBALS = [
  'process',
  'console',
  'fetch',
  'globalThis',
  'global',
  'Buffer',
  'crypto',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
].map((name) => ({
  name,
  message: `Pure code must not use \`${name}\`: pass what you need in as an argument (STYLE.md §9.1).`,
}));
const OFFICE_GLOBALS = ['Excel', 'Office', 'CustomFunctions', 'OfficeExtension'].map((name) => ({
  name,
  message: `excel-addin/src/model is pure: \`${name}\` belongs in excel-addin/src/office (STYLE.md §9.5).`,
}));
/** @param {Array<{name: string, message: string}>} extraGlobals */
const pureRules = (extraGlobals) => ({
  'no-restricted-globals': ['error', ...PURE_GLOBALS, ...extraGlobals],
  'no-restricted-properties': [
    'error',
    {
      object: 'Date',
      property: 'now',
      message: 'No wall clock in pure code: take `asOf` as an argument.',
    },
    {
      object: 'Math',
      property: 'random',
      message: 'No randomness in pure code: take a seed or the values as arguments.',
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'No wall clock in pure code: `new Date()` needs an argument; take `asOf` instead.',
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: 'No wall clock in pure code: `Date()` returns the current time.',
    },
  ],
});

export default defineConfig(
  globalIgnores(
    [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'db/migrations/**',
      '.trueup/**',
      '.trueup-bench/**',
      '**/.trueup/**',
      '.vitest-cache/**',
      'tmp/**',
      'api/schema.graphql',
    ],
    'trueup/ignores',
  ),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    name: 'trueup/base',
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          project: ['tsconfig.json', '*/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
      'import-x/internal-regex': '^@trueup/',
    },
    rules: {
      'no-throw-literal': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/first': 'error',
      'import-x/newline-after-import': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', ['sibling', 'index'], 'unknown'],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: DEV_OK, includeTypes: true, packageDir: root },
      ],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...WORKSPACE_ZONES, NO_TEST_PACKAGE_ZONE] },
      ],
      ...restrictImports(DRIVER_BANS),
    },
  },

  {
    name: 'trueup/typescript',
    files: TS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      // Type-aware, and cheap once the program exists.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      'no-throw-literal': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      // Syntax-only.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Per-package dependency lists: each package's own package.json plus the root (root devDependencies
  // such as vitest and fast-check are devDependencies, so only tests and tool configs may use them).
  ...['api', 'db', 'excel-addin', 'test'].map((pkg) => ({
    name: `trueup/${pkg}/dependencies`,
    files: [`${pkg}/**`],
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          devDependencies: DEV_OK,
          includeTypes: true,
          packageDir: [`${root}/${pkg}`, root],
        },
      ],
    },
  })),

  // ---- Zones (STYLE.md §9.2) -------------------------------------------------------------------
  { name: 'trueup/zone/db', files: ['db/**'], rules: restrictImports(DRIVER_BANS, API_BANS) },
  { name: 'trueup/zone/db-client', files: ['db/src/client/**'], rules: restrictImports(API_BANS) },
  {
    name: 'trueup/zone/test-support',
    files: ['test/support/**'],
    rules: restrictImports(PGLITE_BAN),
  },
  {
    name: 'trueup/zone/api-graphql',
    files: ['api/src/graphql/**'],
    rules: restrictImports(DRIVER_BANS, GRAPHQL_BANS),
  },
  {
    name: 'trueup/zone/api-domain',
    files: ['api/src/domain/**'],
    rules: { ...restrictImports(DRIVER_BANS, PURE_BANS), ...pureRules([]) },
  },
  {
    name: 'trueup/zone/excel-addin',
    files: ['excel-addin/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrictImports(DRIVER_BANS, ADDIN_BANS),
  },
  {
    name: 'trueup/zone/excel-addin-model',
    files: ['excel-addin/src/model/**'],
    rules: { ...restrictImports(DRIVER_BANS, PURE_BANS), ...pureRules(OFFICE_GLOBALS) },
  },

  // ---- Exceptions ------------------------------------------------------------------------------
  {
    name: 'trueup/tests',
    files: TESTS,
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Same zones minus NO_TEST_PACKAGE_ZONE: tests beside the source may use test/support.
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: WORKSPACE_ZONES }],
    },
  },
  {
    name: 'trueup/tool-configs',
    files: TOOL_CONFIGS,
    rules: { 'import-x/no-default-export': 'off' },
  },

  prettier,
);
