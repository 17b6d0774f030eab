import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { CELL_FUNCTIONS_IDS } from './ids.js';

const root = new URL('../../', import.meta.url);

describe('functions.json', () => {
  it('is exactly what custom-functions-metadata generates from the functions’ JSDoc', () => {
    const check = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('scripts/functions-metadata.mjs', root)), '--check'],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('declares each function with its three parameters, the date optional, returning a number', () => {
    const metadata = JSON.parse(readFileSync(new URL('public/functions.json', root), 'utf8')) as {
      functions: {
        id: string;
        parameters: { name: string; type: string; optional?: boolean }[];
        result: { type: string };
      }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...CELL_FUNCTIONS_IDS].sort());
    for (const f of metadata.functions) {
      expect(f.parameters).toEqual([
        expect.objectContaining({ name: 'virtualAccount', type: 'string' }),
        expect.objectContaining({ name: 'license', type: 'string' }),
        expect.objectContaining({ name: 'asOf', type: 'any', optional: true }),
      ]);
      expect(f.result.type).toBe('number');
    }
  });
});
